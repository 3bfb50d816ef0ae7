"""The documents portals send, measured: every limit must let each through, with little room.

The table is the measurement the limits in graphql_api/limits.py were set from; when a
document changes, measure again and check the limits still sit just above the largest.
"""

from __future__ import annotations

import pytest
from graphql import parse, specified_rules
from strawberry.schema.schema import validate_document

from graphql_api.cost import count_tokens, measure
from graphql_api.documents import DocumentCaches
from graphql_api.limits import FIELD_WEIGHTS, Limits
from graphql_api.paging import PAGES
from graphql_api.schema import schema
from tests.unit.graphql.portal_documents import GRAPHIQL_INTROSPECTION, PORTAL_DOCUMENTS

DOCUMENTS = PORTAL_DOCUMENTS | {"GraphiQL introspection": GRAPHIQL_INTROSPECTION}

# document: (bytes, tokens, depth, aliases, root fields, cost)
MEASURED = {
    "employee with career and leave": (295, 59, 3, 0, 1, 80),
    "employee (bench)": (177, 37, 3, 0, 1, 16),
    "career history (bench)": (140, 31, 3, 0, 1, 73),
    "page of employees, $first": (190, 49, 5, 0, 1, 806),
    "page of 50 employees (bench)": (195, 47, 5, 0, 1, 556),
    "unit tree": (74, 14, 2, 0, 1, 3501),
    "unit with children": (143, 36, 3, 0, 1, 57),
    "unit tree with children": (98, 26, 3, 0, 1, 7501),
    "careers of a page of employees": (136, 36, 6, 0, 1, 1242),
    "appraisal": (1013, 130, 4, 0, 1, 498),
    "appraisal history": (192, 33, 3, 0, 1, 1121),
    "scoreExplanation": (791, 109, 5, 0, 1, 330),
    "cycle summary": (448, 71, 4, 0, 1, 767),
    "unit summary and talent grid": (301, 58, 3, 0, 2, 2532),
    "talentGrid": (186, 37, 2, 0, 1, 4501),
    "recomputeCycle": (133, 28, 3, 0, 1, 4044),
    "trainingYear": (428, 81, 4, 0, 1, 371),
    "trainingCompliance": (293, 54, 3, 0, 1, 60),
    "competencyGaps": (114, 25, 3, 0, 1, 701),
    "trainingProgramme with roster": (219, 38, 4, 0, 1, 88),
    "externalLearningSubmissions": (118, 25, 3, 0, 1, 251),
    "employeeEvents": (171, 37, 2, 0, 1, 1001),
    "employeeEvents, first 1000": (105, 26, 2, 0, 1, 4001),
    "draftSkp (mutation)": (73, 20, 2, 0, 1, 2),
    # Introspection is left to graphql's MaxIntrospectionDepth rule: counted as fields, this
    # document would be 15 deep and cost 51,863.
    "GraphiQL introspection": (1645, 184, 1, 0, 1, 1),
}


def figures_of(document: str) -> tuple[int, ...]:
    [m] = measure(
        schema._schema, parse(document), PAGES, Limits().default_list_size, FIELD_WEIGHTS
    ).values()
    return (len(document.encode()), count_tokens(document), m.depth, m.aliases, m.root_fields,
            m.cost)  # fmt: skip


@pytest.mark.parametrize("name", DOCUMENTS)
def test_each_portal_document_measures_as_recorded(name: str) -> None:
    assert figures_of(DOCUMENTS[name]) == MEASURED[name]


@pytest.mark.parametrize("name", DOCUMENTS)
def test_each_portal_document_passes_parsing_and_validation_within_the_limits(name: str) -> None:
    caches = DocumentCaches(Limits())
    document = caches.parse(DOCUMENTS[name])
    errors = validate_document(schema._schema, document, (*specified_rules, caches.rule))
    assert errors == []


def test_every_limit_sits_just_above_the_largest_portal_document() -> None:
    limits = Limits()
    largest = [max(row[i] for row in MEASURED.values()) for i in range(6)]
    size, tokens, depth, aliases, root_fields, cost = largest
    assert size < limits.max_document_bytes <= 4 * size
    assert tokens < limits.max_tokens <= 3 * tokens
    assert depth == limits.max_depth - 1
    assert aliases < limits.max_aliases
    assert root_fields < limits.max_root_fields <= 3 * root_fields
    assert cost < limits.max_cost <= 1.1 * cost


def test_every_root_list_takes_first_and_is_charged_by_its_page() -> None:
    query = schema._schema.query_type
    assert query is not None
    lists = {
        f"Query.{name}": field for name, field in query.fields.items() if "[" in str(field.type)
    }
    assert set(lists) <= set(PAGES), "a root list without a page size in graphql_api/paging.py"
    for coordinate, field in lists.items():
        assert field.args["first"].default_value == PAGES[coordinate].default, coordinate
