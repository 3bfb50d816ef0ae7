"""Parsing within the limits, caches bounded by bytes, and one operation per request."""

from __future__ import annotations

import pytest
from graphql import GraphQLError

from graphql_api.documents import BoundedCache, DocumentCaches
from graphql_api.limits import Limits
from graphql_api.schema import schema as jejak_schema
from tests.unit.graphql.conftest import FakeRuntime, codes, make_context

TWO_OPERATIONS = "query First { __typename } query Second { __typename }"


def test_a_document_over_the_size_limit_is_refused_before_it_is_parsed() -> None:
    caches = DocumentCaches(Limits(max_document_bytes=100))
    unparsable = "{ " + "é" * 60  # 122 bytes, and no valid GraphQL
    with pytest.raises(GraphQLError) as refused:
        caches.parse(unparsable)
    assert refused.value.extensions == {
        "code": "REQUEST_TOO_LARGE", "limit": "documentBytes", "maximum": 100, "measured": 122,
    }  # fmt: skip


def test_a_document_over_the_token_limit_is_too_complex() -> None:
    caches = DocumentCaches(Limits(max_tokens=10))
    with pytest.raises(GraphQLError) as refused:
        caches.parse("{ " + "__typename " * 20 + "}")
    assert refused.value.extensions == {
        "code": "QUERY_TOO_COMPLEX", "limit": "tokens", "maximum": 10, "measured": 22,
    }  # fmt: skip


def test_a_syntax_error_within_the_token_limit_stays_a_syntax_error() -> None:
    with pytest.raises(GraphQLError, match="Syntax Error"):
        DocumentCaches(Limits()).parse("{ employee(")


def test_a_small_document_is_parsed_once_and_then_served_from_the_cache() -> None:
    caches = DocumentCaches(Limits())
    first = caches.parse("{ __typename }")
    assert caches.parse("{ __typename }") is first


def test_a_document_over_the_caching_threshold_is_parsed_anew_each_time() -> None:
    caches = DocumentCaches(Limits(cache_document_bytes=50))
    large = "{ " + "__typename " * 10 + "}"
    assert caches.parse(large) is not caches.parse(large)
    assert len(caches.parsed) == 0


def test_a_cache_drops_its_least_recently_used_entries_past_its_total_weight() -> None:
    cache: BoundedCache[str, str] = BoundedCache(max_weight=100)
    for key in "abcdefghijkl":
        cache.get(key, key.upper, weight=10)
    cache.get("c", lambda: "again", weight=10)  # used again: kept
    assert cache.weight <= 100
    assert cache.get("c", lambda: "made anew", weight=10) == "C"
    assert cache.get("a", lambda: "made anew", weight=10) == "made anew"


def test_a_cache_keeps_nothing_heavier_than_a_tenth_of_its_budget() -> None:
    cache: BoundedCache[str, str] = BoundedCache(max_weight=100)
    cache.get("big", lambda: "value", weight=11)
    assert (len(cache), cache.weight) == (0, 0)


async def test_several_operations_without_an_operation_name_are_refused(
    runtime: FakeRuntime,
) -> None:
    result = await jejak_schema.execute(TWO_OPERATIONS, context_value=make_context(runtime))
    assert codes(result) == ["GRAPHQL_VALIDATION_FAILED"]
    [error] = result.errors or []
    assert "name the one to run in `operationName`" in error.message


async def test_an_operation_name_picks_one_of_several_operations(runtime: FakeRuntime) -> None:
    result = await jejak_schema.execute(
        TWO_OPERATIONS, context_value=make_context(runtime), operation_name="Second"
    )
    assert (result.errors, result.data) == (None, {"__typename": "Query"})
