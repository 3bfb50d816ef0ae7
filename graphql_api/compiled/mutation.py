"""Running a compiled mutation: the field's own strawberry resolver, without the executor.

Unlike a query plan, a mutation is never handed back to strawberry once its resolver has
been called: the command may have recorded events, and running it again would record them
twice. Only what fails before the call (variables, arguments) goes back to strawberry, which
reports it as before; from the call on, this module answers every outcome itself, its error
shaped as `JejakSchema` shapes errors (`graphql_api/errors.py`) and logged if unexpected.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Sequence
from typing import Any

from graphql import (
    GraphQLError,
    GraphQLResolveInfo,
    GraphQLResolveInfoHelpers,
    GraphQLSchema,
    located_error,
)
from graphql.execution.values import get_argument_values
from graphql.pyutils import Path, is_awaitable

from graphql_api.compiled.execute import Abort, coerce_variables, complete
from graphql_api.compiled.plan import CompiledQuery
from graphql_api.context import Context
from graphql_api.errors import log_unexpected, shape_error


async def _gather(values: Sequence[Awaitable[Any]]) -> list[Any]:
    return list(await asyncio.gather(*values))


_TRACKED: set[asyncio.Future[Any]] = set()  # work a resolver left running, kept until done


def _track(values: Sequence[Any]) -> None:
    for value in values:
        if is_awaitable(value):
            future = asyncio.ensure_future(value)
            _TRACKED.add(future)
            future.add_done_callback(_TRACKED.discard)


HELPERS = GraphQLResolveInfoHelpers(gather=_gather, track=_track)


async def execute_mutation(
    schema: GraphQLSchema,
    compiled: CompiledQuery,
    context: Context,
    variables: dict[str, Any] | None,
) -> dict[str, Any]:
    """The response body; `Abort` only before the resolver is called."""
    parent = compiled.mutation
    (root,) = compiled.roots
    if parent is None or root.field.resolve is None:
        raise Abort("not a compiled mutation")
    coerced = coerce_variables(schema, compiled, variables)
    try:
        arguments = get_argument_values(root.field, root.node, coerced)
    except GraphQLError as invalid:
        raise Abort("arguments") from invalid
    info = GraphQLResolveInfo(
        root.node.name.value,
        [root.node],
        root.field.type,
        parent,
        Path(None, root.key, parent.name),
        schema,
        compiled.fragments,
        None,
        compiled.operation,
        coerced,
        context,
        is_awaitable,
        None,
        HELPERS,
    )
    try:
        value = root.field.resolve(None, info, **arguments)
        if is_awaitable(value):
            value = await value
        (data,) = await complete(root.shape, [value], context)
    except Exception as raised:  # the command may have run: answered here, never re-run
        located = located_error(raised, [root.node], [root.key])
        log_unexpected([located])
        return {
            "data": None if root.shape.non_null else {root.key: None},
            "errors": [shape_error(located).formatted],
        }
    return {"data": {root.key: data}}
