"""Async resolvers started eagerly: the same values, errors, waits and cancellations."""

from __future__ import annotations

import asyncio
from inspect import iscoroutinefunction
from typing import Any

import pytest
import strawberry
from graphql import GraphQLSchema

from graphql_api.eager_resolvers import Suspended, make_resolvers_eager, started
from graphql_api.schema import build_schema


async def finished_at_once() -> int:
    return 7


async def waiting_for(future: asyncio.Future[int]) -> int:
    return await future + 1


async def failing_at_once() -> int:
    raise ValueError("refused")


async def test_a_coroutine_that_waits_for_nothing_gives_its_value_at_once() -> None:
    assert started(finished_at_once()) == 7


async def test_a_coroutine_that_waits_is_continued_when_awaited() -> None:
    future: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    value = started(waiting_for(future))
    assert isinstance(value, Suspended)
    asyncio.get_running_loop().call_soon(future.set_result, 41)
    assert await value == 42


async def test_two_resolvers_waiting_for_one_future_both_get_its_value_through_gather() -> None:
    # A DataLoader hands the same pending future to every load of one key: two fields of a
    # request (e.g. two root fields loading one cycle) both wait for it, each in its own task.
    future: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    first, second = started(waiting_for(future)), started(waiting_for(future))
    asyncio.get_running_loop().call_later(0.01, future.set_result, 1)
    assert list(await asyncio.gather(first, second)) == [2, 2]


async def test_a_future_finished_before_its_resolver_is_awaited_gives_its_value() -> None:
    future: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    first, second = started(waiting_for(future)), started(waiting_for(future))
    future.set_result(9)
    assert list(await asyncio.gather(first, second)) == [10, 10]


async def test_a_coroutine_that_fails_at_once_raises_at_once() -> None:
    with pytest.raises(ValueError, match="refused"):
        started(failing_at_once())


async def test_a_coroutine_that_fails_after_waiting_raises_when_awaited() -> None:
    future: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    value = started(waiting_for(future))
    future.set_exception(LookupError("gone"))
    with pytest.raises(LookupError, match="gone"):
        await value


async def test_cancelling_the_awaiting_task_cancels_the_resolver() -> None:
    seen: list[str] = []

    async def resolver() -> None:
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            seen.append("cancelled")
            raise

    suspended = started(resolver())

    async def awaiting() -> Any:
        return await suspended

    task = asyncio.ensure_future(awaiting())
    await asyncio.sleep(0)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert seen == ["cancelled"]


@strawberry.type
class Item:
    n: int

    @strawberry.field
    async def double(self) -> int:
        return self.n * 2

    @strawberry.field
    async def later(self) -> int:
        await asyncio.sleep(0)
        return self.n + 100

    @strawberry.field
    async def broken(self) -> int | None:
        if self.n == 2:
            raise ValueError("two is broken")
        return self.n


@strawberry.type
class Query:
    @strawberry.field
    async def items(self) -> list[Item]:
        return [Item(n=n) for n in range(4)]


@strawberry.type
class Mutation:
    @strawberry.mutation
    async def touch(self) -> int:
        return 1


async def test_a_schema_with_eager_resolvers_answers_as_strawberrys_own() -> None:
    eager = strawberry.Schema(query=Query, mutation=Mutation)
    assert make_resolvers_eager(eager._schema) == 4  # items, double, later, broken
    plain = strawberry.Schema(query=Query, mutation=Mutation)
    query = "{ items { n double later broken } }"
    ours, theirs = await eager.execute(query), await plain.execute(query)
    assert ours.data == theirs.data
    assert ours.data is not None
    assert ours.data["items"][3] == {"n": 3, "double": 6, "later": 103, "broken": 3}
    assert [(e.message, e.path) for e in ours.errors or []] == [
        ("two is broken", ["items", 2, "broken"])
    ]
    assert [(e.message, e.path) for e in theirs.errors or []] == [
        ("two is broken", ["items", 2, "broken"])
    ]


def test_the_jejak_schemas_mutations_stay_as_strawberry_made_them() -> None:
    graphql_schema: GraphQLSchema = build_schema()._schema
    assert graphql_schema.mutation_type is not None
    resolvers = [f.resolve for f in graphql_schema.mutation_type.fields.values()]
    assert all(r is None or not hasattr(r, "__wrapped__") for r in resolvers)
    eager = [
        field
        for name, named in graphql_schema.type_map.items()
        if name == "Query"
        for field in named.fields.values()  # type: ignore[attr-defined]
        if hasattr(field.resolve, "__wrapped__")
    ]
    assert eager
    assert all(iscoroutinefunction(field.resolve.__wrapped__) for field in eager)


def test_with_fast_reads_off_no_resolver_is_eager() -> None:
    graphql_schema = build_schema(fast_reads=False)._schema
    assert not any(
        hasattr(field.resolve, "__wrapped__")
        for named in graphql_schema.type_map.values()
        for field in getattr(named, "fields", {}).values()
        if hasattr(field, "resolve")
    )
