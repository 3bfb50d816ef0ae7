"""GraphiQL's example tabs are valid for the schema, inside every request limit, and complete."""

from __future__ import annotations

import json

import pytest
from graphql import OperationDefinitionNode, parse, specified_rules
from strawberry.schema.schema import validate_document

from graphql_api.cost import count_tokens, measure
from graphql_api.documents import DocumentCaches
from graphql_api.graphiql.examples import ExampleValues, Tab, example_tabs
from graphql_api.limits import FIELD_WEIGHTS, Limits
from graphql_api.paging import PAGES
from graphql_api.schema import schema

# The longest note the page heads the first tab with.
NOTE = (
    "# Headers hold a development token for 30 minutes (reload for\n"
    "# a new one): training_institution bpsdm-kalteng of pemkot-palangkaraya.\n"
)
TABS = example_tabs(ExampleValues(), NOTE)
NAMES = ["Employee", "UnitPage", "ScoreExplanation", "TrainingYear", "EvidenceBundle"]


def operation_of(tab: Tab) -> OperationDefinitionNode:
    [operation] = parse(tab.query).definitions
    assert isinstance(operation, OperationDefinitionNode)
    return operation


def test_the_tabs_are_an_employee_a_unit_page_a_score_a_training_year_and_evidence() -> None:
    names = [operation.name.value for operation in map(operation_of, TABS) if operation.name]
    assert names == NAMES


@pytest.mark.parametrize("tab", TABS, ids=NAMES)
def test_each_tab_passes_parsing_and_validation_within_the_request_limits(tab: Tab) -> None:
    caches = DocumentCaches(Limits())
    document = caches.parse(tab.query)
    assert validate_document(schema._schema, document, (*specified_rules, caches.rule)) == []


@pytest.mark.parametrize("tab", TABS, ids=NAMES)
def test_each_tab_stays_well_below_the_limits_a_portal_document_reaches(tab: Tab) -> None:
    limits = Limits()
    [figures] = measure(
        schema._schema, parse(tab.query), PAGES, limits.default_list_size, FIELD_WEIGHTS
    ).values()
    assert len(tab.query.encode()) < limits.max_document_bytes // 4
    assert count_tokens(tab.query) < limits.max_tokens // 2
    assert figures.depth < limits.max_depth
    assert figures.cost < limits.max_cost // 4


@pytest.mark.parametrize("tab", TABS, ids=NAMES)
def test_each_tab_opens_with_a_value_for_every_variable_it_declares(tab: Tab) -> None:
    declared = {v.variable.name.value for v in operation_of(tab).variable_definitions or ()}
    assert set(json.loads(tab.variables)) == declared


def test_the_demo_values_fill_the_variables_of_every_tab() -> None:
    values = ExampleValues("196709071996041001", "unit-id", "cycle-id", 2024)
    given = [json.loads(tab.variables) for tab in example_tabs(values)]
    assert given == [
        {"nip": "196709071996041001", "year": 2024},
        {"unitId": "unit-id", "first": 20, "after": None},
        {"cycleId": "cycle-id", "nip": "196709071996041001"},
        {"nip": "196709071996041001", "year": 2024},
        {"nip": "196709071996041001", "cycleId": "cycle-id"},
    ]


def test_only_the_first_tab_carries_the_note() -> None:
    assert TABS[0].query.startswith(NOTE)
    assert not any(NOTE in tab.query for tab in TABS[1:])
