"""The static analyser: depth, aliases, root fields and cost, through fragments and lists."""

from __future__ import annotations

import time

import pytest
from graphql import GraphQLSyntaxError, parse, specified_rules, validate

from graphql_api.complexity import complexity_rule
from graphql_api.cost import Measure, count_tokens, measure
from graphql_api.limits import FIELD_WEIGHTS, Limits
from graphql_api.paging import PAGES
from graphql_api.schema import schema

LIST_SIZE = 10
ROSTER_LOOP = (
    "{ trainingProgrammes { roster { programme { roster { programme { roster { employee { nip }"
    " } } } } } } }"
)


def measured(document: str) -> Measure:
    [figures] = measure(schema._schema, parse(document), PAGES, LIST_SIZE, FIELD_WEIGHTS).values()
    return figures


def refusals(document: str, limits: Limits | None = None) -> list[str]:
    """The messages of every validation error, graphql's rules and the limits together."""
    rules = (*specified_rules, complexity_rule(limits or Limits()))
    return [error.message for error in validate(schema._schema, parse(document), rules)]


def test_a_scalar_field_costs_one_and_an_object_one_more_than_its_fields() -> None:
    assert measured('{ employee(nip: "1") { nip name } }') == Measure(2, 0, 1, 3)


def test_a_list_multiplies_its_selections_by_its_literal_first() -> None:
    assert measured("{ unitTree(first: 7) { code name } }").cost == 1 + 7 * 2


def test_a_list_without_first_is_charged_its_default_page() -> None:
    assert measured("{ unitTree { code } }").cost == 1 + PAGES["Query.unitTree"].default


def test_a_first_given_as_a_variable_is_charged_as_the_largest_page() -> None:
    document = "query($n: Int!) { unitTree(first: $n) { code } }"
    assert measured(document).cost == 1 + PAGES["Query.unitTree"].maximum


def test_a_first_above_the_largest_page_is_charged_as_the_largest_page() -> None:
    # The resolver refuses it with PAGE_TOO_LARGE, which says more than a cost would.
    assert measured("{ unitTree(first: 99999) { code } }").cost == 1 + 2000


def test_the_edges_of_a_connection_take_the_connections_first() -> None:
    document = '{ employees(unitId: "u", first: 50) { edges { node { nip } } } }'
    assert measured(document).cost == 1 + (1 + 50 * (1 + 1))


def test_nested_lists_without_first_multiply_by_the_default_list_size() -> None:
    # roster (10) → programme → roster (10) → programme → roster (10) → employee { nip }
    inner = 1 + LIST_SIZE * (1 + 1)
    middle = 1 + LIST_SIZE * (1 + inner)
    outer = 1 + LIST_SIZE * (1 + middle)
    figures = measured(ROSTER_LOOP)
    assert figures.cost == 1 + PAGES["Query.trainingProgrammes"].default * outer
    assert figures.depth == 8


def test_lists_of_scalars_cost_one() -> None:
    assert measured("{ competencyGaps(first: 1) { nips } }").cost == 1 + 1


def test_aliases_and_depth_spread_over_fragments_are_counted() -> None:
    document = """{ ...A }
    fragment A on Query { a1: unitTree(first: 1) { ...B } a2: unitTree(first: 1) { ...B } }
    fragment B on Unit { c1: children { ...C } c2: children { code } }
    fragment C on Unit { children { children { code } } }"""
    figures = measured(document)
    assert figures.aliases == 2 + 2 * 2
    assert figures.depth == 5
    assert figures.root_fields == 2


def test_inline_fragments_count_like_fields() -> None:
    document = "{ ... on Query { x: unitTree(first: 2) { ... on Unit { y: code } } } }"
    assert measured(document) == Measure(2, 2, 1, 1 + 2 * 1)


def test_a_fragment_named_like_introspection_is_measured_like_any_other() -> None:
    document = "{ ...__schema } fragment __schema on Query { " + ROSTER_LOOP[1:-1] + " }"
    assert measured(document).depth == 8


def test_a_field_aliased_as_introspection_is_measured_like_any_other() -> None:
    document = "{ __schema: trainingProgrammes { roster { employee { nip } } } }"
    assert measured(document).depth == 4


def test_cyclic_fragments_are_refused_by_validation_without_looping() -> None:
    document = """{ unitTree { ...A } }
    fragment A on Unit { children { ...B } }
    fragment B on Unit { children { ...A } }"""
    messages = refusals(document)
    assert any("Cannot spread fragment 'A' within itself" in m for m in messages)


def test_a_fragment_bomb_is_measured_quickly_and_in_full() -> None:
    # F0 spreads F1 ten times, F1 spreads F2 ten times, ...: 10^8 fields once expanded.
    levels = 8
    fragments = " ".join(
        f"fragment F{i} on Query {{ {' '.join(f'...F{i + 1}' for _ in range(10))} }}"
        for i in range(levels)
    )
    document = f"{{ ...F0 }} {fragments} fragment F{levels} on Query {{ __typename }}"
    started = time.perf_counter()
    figures = measured(document)
    assert time.perf_counter() - started < 0.5
    assert figures.cost == figures.root_fields == 10**levels


def test_the_roster_loop_of_the_finding_is_refused_for_its_depth() -> None:
    assert refusals(ROSTER_LOOP) == ["The document is nested more than 7 levels deep (depth)."]


def test_300_aliases_of_recompute_are_refused() -> None:
    fields = " ".join(f'r{i}: recomputeCycle(cycleId: "c") {{ checked }}' for i in range(300))
    messages = refusals("{ " + fields + " }")
    assert any("300 aliases" in m for m in messages)
    assert any("300 root fields" in m for m in messages)


def test_two_recomputations_in_one_document_pass_the_cost_budget() -> None:
    one = 'recomputeCycle(cycleId: "c") { checked }'
    assert refusals("{ " + one + " }") == []
    assert any("(cost)" in m for m in refusals(f"{{ a: {one} b: {one} }}"))


def test_more_operations_than_allowed_are_refused() -> None:
    document = " ".join(f"query Q{i} {{ __typename }}" for i in range(4))
    assert refusals(document) == [
        "The document holds 4 operations; at most 3 are allowed (operations)."
    ]


def test_in_production_a_refusal_names_the_limit_but_not_the_figures() -> None:
    rules = (complexity_rule(Limits(environment="production")),)
    [error] = validate(schema._schema, parse(ROSTER_LOOP), rules)
    assert error.message == "The document is too complex: it exceeds the depth limit."
    assert error.extensions == {"code": "QUERY_TOO_COMPLEX", "limit": "depth"}


def test_in_development_a_refusal_shows_the_limit_and_the_measured_figure() -> None:
    [error] = validate(schema._schema, parse(ROSTER_LOOP), (complexity_rule(Limits(max_depth=8)),))
    assert error.extensions == {
        "code": "QUERY_TOO_COMPLEX", "limit": "cost", "maximum": 8000,
        "measured": measured(ROSTER_LOOP).cost,
    }  # fmt: skip


@pytest.mark.parametrize("document", ["{ a }", "query Q($x: Int) { a(x: $x, y: [1, 2]) }"])
def test_tokens_are_counted_as_the_parser_counts_them(document: str) -> None:
    tokens = count_tokens(document + " # a comment is not a token")
    parse(document, max_lexical_tokens=tokens)
    with pytest.raises(GraphQLSyntaxError, match="more than"):
        parse(document, max_lexical_tokens=tokens - 1)
