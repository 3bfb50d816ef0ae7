"""Which documents get a compiled plan, and what a plan holds."""

from __future__ import annotations

import pytest

from graphql_api.compiled.plan import NotCompilable, compile_query
from graphql_api.schema import schema

GRAPHQL = schema._schema


def keys(query: str, operation_name: str | None = None) -> list[list[str]]:
    """The response keys of each root's object, in order."""
    compiled = compile_query(GRAPHQL, query, operation_name)
    return [[field.key for field in root.shape.fields] for root in compiled.roots]


def test_a_plan_keeps_aliases_fragments_and_selection_order() -> None:
    found = keys(
        """query($nip: String!) { e: employee(nip: $nip) { ...F name unit { code } } }
        fragment F on Employee { __typename who: nip ... on Employee { golongan } }"""
    )
    assert found == [["__typename", "who", "golongan", "name", "unit"]]


def test_a_page_of_employees_with_units_and_cursors_has_a_plan() -> None:
    compiled = compile_query(
        GRAPHQL,
        """query P($u: ID!) { employees(unitId: $u, first: 50, after: "x") { totalCount
        pageInfo { hasNextPage endCursor } edges { cursor node { nip unit { id } } } } }""",
        "P",
    )
    [root] = compiled.roots
    assert root.key == "employees"
    assert [f.key for f in root.shape.fields] == ["totalCount", "pageInfo", "edges"]
    edges = root.shape.fields[2].shape
    assert edges.non_null
    assert edges.item is not None
    node = next(f for f in edges.item.fields if f.key == "node").shape
    unit = next(f for f in node.fields if f.key == "unit")
    assert unit.batch is not None
    assert unit.attribute is None


def test_a_mutation_is_planned_around_its_own_resolver() -> None:
    compiled = compile_query(
        GRAPHQL,
        "mutation($a: RecordAwardInput!) { recordAward(input: $a) { employeeId version } }",
        None,
    )
    [root] = compiled.roots
    assert compiled.mutation is not None
    assert compiled.mutation.name == "Mutation"
    assert root.resolve is None  # strawberry's resolver of the field, not a twin
    assert root.field.resolve is not None
    assert [f.attribute for f in root.shape.fields] == ["employee_id", "version"]


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("mutation { __typename }", "not exactly one mutation field"),
        (
            "mutation($a: RecordAwardInput!) { a: recordAward(input: $a) { version } "
            "b: recordAward(input: $a) { version } }",
            "not exactly one mutation field",
        ),
        ("{ employee(nip: 1) { nip } }", "not valid"),
        ('{ employee(nip: "1") { nope } }', "not valid"),
        ("{ unitTree { code } }", "no compiled root"),
        ('{ employees(unitId: "u", filter: {status: ACTIVE}) { totalCount } }', "arguments"),
        ('query($s: Boolean!) { employee(nip: "1") { nip @skip(if: $s) } }', "directives"),
        ('{ employee(nip: "1") { unit { code } unit { name } } }', "twice"),
        ('{ employee(nip: "1") { leaveBalance(year: 2025) { remaining } } }', "arguments"),
        ('{ employee(nip: "1") { leaveRecords { days } } }', "without a compiled twin"),
        ("{ __schema { queryType { name } } }", "no compiled root"),
        ("query A { __typename } query B { __typename }", "operation not determined"),
    ],
)
def test_documents_beyond_plans_are_left_to_strawberry(query: str, reason: str) -> None:
    with pytest.raises(NotCompilable, match=reason):
        compile_query(GRAPHQL, query, None)
