"""/graphql with compiled plans in front of strawberry.

A JSON POST whose document has a plan (graphql_api/compiled/plan.py) is answered from the
plan: the same context, the same query functions (for a mutation, the same resolver), the
same response bytes, without the GraphQL executor's per-operation and per-field machinery
(docs/benchmarks.md, "Round 3"). Every other request — GET and GraphiQL, documents without
a plan, requests that wait for read models, and any query whose plan aborts (an error, a
null where the schema forbids one) — goes to strawberry unchanged, which answers it exactly
as before, errors included. A mutation goes back to strawberry only if it fails before its
resolver is called (graphql_api/compiled/mutation.py).
"""

from __future__ import annotations

import json
import logging
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from graphql import GraphQLSchema
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Message, Receive, Scope, Send

from graphql_api.compiled.execute import execute_compiled
from graphql_api.compiled.mutation import execute_mutation
from graphql_api.compiled.plan import CompiledQuery, NotCompilable, compile_query
from graphql_api.context import build_context
from graphql_api.logging import correlation_id_from
from services.runtime import Runtime

log = logging.getLogger(__name__)

MAX_PLANS = 512


class QueryPlans:
    """Plans by (document, operation name), and the documents that have none; bounded LRU."""

    def __init__(self, schema: GraphQLSchema, maxsize: int = MAX_PLANS) -> None:
        self.schema = schema
        self.maxsize = maxsize
        self._plans: OrderedDict[tuple[str, str | None], CompiledQuery | None] = OrderedDict()

    def plan(self, query: str, operation_name: str | None) -> CompiledQuery | None:
        key = (query, operation_name)
        if key in self._plans:
            self._plans.move_to_end(key)
            return self._plans[key]
        try:
            found: CompiledQuery | None = compile_query(self.schema, query, operation_name)
        except NotCompilable as reason:
            log.debug("no plan for operation %s: %s", operation_name, reason)
            found = None
        self._plans[key] = found
        if len(self._plans) > self.maxsize:
            self._plans.popitem(last=False)
        return found


class CompiledGraphQL:
    """An ASGI app: plans first, then `fallback` (strawberry's view) for everything else."""

    def __init__(
        self,
        fallback: Callable[[Scope, Receive, Send], Any],
        schema: GraphQLSchema,
        runtime_of: Callable[[], Runtime],
    ) -> None:
        self.fallback = fallback
        self.schema = schema
        self.plans = QueryPlans(schema)
        self.runtime_of = runtime_of

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST":
            await self.fallback(scope, receive, send)
            return
        request = Request(scope, receive)
        body = await request.body()
        response = await self._answer(request, body)
        if response is not None:
            await response(scope, receive, send)
            return
        await self.fallback(scope, _replay(body, receive), send)

    async def _answer(self, request: Request, body: bytes) -> Response | None:
        """The response from a plan, or None for strawberry to answer."""
        wanted = _plain_request(request, body)
        if wanted is None:
            return None
        query, operation_name, variables = wanted
        compiled = self.plans.plan(query, operation_name)
        if compiled is None:
            return None
        try:
            correlation_id = request.scope.get("state", {}).get("correlation_id")
            context = build_context(
                self.runtime_of(),
                request.headers,
                correlation_id or correlation_id_from(request.headers),
            )
            if compiled.mutation is not None:
                answer = await execute_mutation(self.schema, compiled, context, variables)
            elif context.read_after is not None:
                return None  # waiting for read models is the WaitForReadModels extension's
            else:
                answer = {"data": await execute_compiled(self.schema, compiled, context, variables)}
        except Exception as error:  # nothing ran yet: strawberry re-runs the request
            log.debug("plan aborted for operation %s: %r", operation_name, error)
            return None
        return Response(json.dumps(answer, separators=(",", ":")), media_type="application/json")


def _plain_request(
    request: Request, body: bytes
) -> tuple[str, str | None, dict[str, Any] | None] | None:
    """(query, operation name, variables) of a plain JSON request, else None."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    accept = request.headers.get("accept", "")
    if content_type != "application/json" or "multipart" in accept or "event-stream" in accept:
        return None
    try:
        data = json.loads(body)
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get("extensions") is not None:
        return None
    query, name, variables = data.get("query"), data.get("operationName"), data.get("variables")
    if (
        not isinstance(query, str)
        or not isinstance(name, str | None)
        or not isinstance(variables, dict | None)
    ):
        return None
    return query, name, variables


def _replay(body: bytes, receive: Receive) -> Receive:
    """A `receive` that hands out the body already read, then listens as before."""
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed
