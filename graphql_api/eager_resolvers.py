"""Async resolvers run eagerly: one that finishes without waiting answers synchronously.

Most async resolvers of a list's items wait for nothing by the time they run: the unit tree's
`headCount` awaits a tree the root already read, a DataLoader's second key of the same row
is a finished future. graphql-core still turns each into a coroutine, wraps it in a second
one to complete its value and gathers them all as tasks: on the unit tree that was a third
of the executor's time (docs/benchmarks.md, "Read path"). `eager` starts the resolver's
coroutine at once, as asyncio's eager task factory does: if it finishes, its value is the
field's, with no coroutine, task or gather; if it waits, `Suspended` hands the executor an
awaitable that continues it where it stopped, so waiting, errors and cancellation reach it
exactly as they would have. Only the first step moves earlier, into the executor's call.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Generator
from inspect import iscoroutinefunction
from typing import Any

from graphql import GraphQLObjectType, GraphQLSchema


class Suspended:
    """A coroutine started eagerly that is waiting: awaiting this continues it."""

    __slots__ = ("coroutine", "waiting_for")

    def __init__(self, coroutine: Coroutine[Any, Any, Any], waiting_for: Any) -> None:
        self.coroutine = coroutine
        self.waiting_for = waiting_for

    def __await__(self) -> Generator[Any, Any, Any]:
        coroutine, waiting_for = self.coroutine, self.waiting_for
        # The future the first step waits for was yielded outside any task, and `started`
        # took its "await in progress" mark; a task refuses a future yielded without it, so
        # yielding it here marks it again, as `Future.__await__` does (asyncio's future
        # protocol, `_asyncio_future_blocking`; a DataLoader gives one pending future to every
        # load of a key, so several resolvers may wait for it).
        if getattr(waiting_for, "_asyncio_future_blocking", None) is not None:
            waiting_for._asyncio_future_blocking = True
        while True:
            try:
                sent = yield waiting_for
            except GeneratorExit:
                coroutine.close()
                raise
            except BaseException as error:  # cancellation too: into the resolver
                try:
                    waiting_for = coroutine.throw(error)
                except StopIteration as finished:
                    return finished.value
            else:
                try:
                    waiting_for = coroutine.send(sent)
                except StopIteration as finished:
                    return finished.value


def started(coroutine: Coroutine[Any, Any, Any]) -> Any:
    """`coroutine`'s value if it finishes without waiting, else a `Suspended` of it."""
    try:
        waiting_for = coroutine.send(None)
    except StopIteration as finished:
        return finished.value
    # Take the future's "await in progress" mark as a task taking it would: another resolver
    # may await the same future before this one is awaited, and asyncio refuses an await of a
    # future still marked (`Suspended.__await__` marks it again when it yields it to a task).
    if getattr(waiting_for, "_asyncio_future_blocking", None):
        waiting_for._asyncio_future_blocking = False
    return Suspended(coroutine, waiting_for)


Resolve = Callable[..., Any]


def eager(resolve: Resolve) -> Resolve:
    """`resolve`, an async resolver, started at once (see `started`)."""

    def eagerly(source: Any, info: Any, **arguments: Any) -> Any:
        return started(resolve(source, info, **arguments))

    eagerly.__wrapped__ = resolve  # type: ignore[attr-defined]
    return eagerly


def make_resolvers_eager(schema: GraphQLSchema) -> int:
    """Make every async resolver of `schema`'s object types eager, except the mutations'
    (they run one after another and gain nothing); how many it made eager."""
    made = 0
    skipped = {schema.mutation_type, schema.subscription_type}
    for name, named in schema.type_map.items():
        if not isinstance(named, GraphQLObjectType) or named in skipped or name.startswith("__"):
            continue
        for field in named.fields.values():
            if field.resolve is not None and iscoroutinefunction(field.resolve):
                field.resolve = eager(field.resolve)
                made += 1
    return made
