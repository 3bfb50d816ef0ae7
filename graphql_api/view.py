"""The GraphQL HTTP endpoint: builds each request's context and answers bad requests with 400.

Every refusal, strawberry's own included, has GraphQL's error shape (graphql_api/refusals.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cross_web import AsyncHTTPRequestAdapter, HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLRequestData
from strawberry.schema.base import BaseSchema
from strawberry.types import ExecutionResult

from domain.errors import N_
from graphql_api.authentication import identity_of
from graphql_api.context import Context, build_context
from graphql_api.errors import REQUEST_ERROR_CODES
from graphql_api.graphiql.page import GraphiqlPage
from graphql_api.identity import Identity
from graphql_api.logging import correlation_id_from
from graphql_api.refusals import STATUS_OF_CODE, refusal_of
from services.runtime import Runtime


class JejakGraphQL(GraphQL[Context, None]):
    """Strawberry's ASGI view with Jejak's context; GraphiQL (Jejak's page) is served on GET."""

    def __init__(
        self, schema: BaseSchema, runtime_of: Callable[[], Runtime],
        graphiql: GraphiqlPage | None = None,
    ) -> None:  # fmt: skip
        super().__init__(schema, graphql_ide="graphiql")
        self.runtime_of = runtime_of
        self.graphiql = graphiql or GraphiqlPage()

    async def render_graphql_ide(self, request: Request) -> Response:
        """Jejak's GraphiQL page, whose assets come from this server (not strawberry's CDN)."""
        return self.graphiql.response(request)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Strawberry's, answering its HTTP refusals (405, 400, ...) as JSON, not plain text."""
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        try:
            response = await self.run(Request(scope=scope, receive=receive))
        except HTTPException as refused:
            response = refusal_of(refused)
        await response(scope, receive, send)

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        correlation_id = request.scope.get("state", {}).get("correlation_id")
        # The authentication gate has answered every request without an identity; only the
        # GraphiQL page, which runs no operation, reaches here without one.
        identity = identity_of(request.scope) or Identity(None, "No bearer token was sent.")
        return build_context(
            self.runtime_of(),
            request.headers,
            correlation_id or correlation_id_from(request.headers),
            identity,
        )

    def parse_json(self, data: str | bytes) -> Any:
        """A JSON body must be an object (or a list, which strawberry refuses as a batch)."""
        try:
            value = super().parse_json(data)
        except UnicodeDecodeError:
            raise HTTPException(400, N_("The request body is not valid UTF-8.")) from None
        except RecursionError:  # the decoder recurses per level: `[[[…]]]` can exhaust it
            raise HTTPException(400, N_("The request body's JSON is nested too deeply.")) from None
        if not isinstance(value, dict | list):
            raise HTTPException(400, N_("The request body must be a JSON object."))
        return value

    async def execute_single(
        self,
        request: Request,
        request_adapter: AsyncHTTPRequestAdapter,
        sub_response: Response,
        context: Context,
        root_value: None,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        """Execute; a request refused before execution is answered with 400 (413: too large)."""
        result = await super().execute_single(
            request, request_adapter, sub_response, context, root_value, request_data
        )
        codes = {(error.extensions or {}).get("code") for error in result.errors or ()}
        if result.data is None and codes and codes <= REQUEST_ERROR_CODES | STATUS_OF_CODE.keys():
            sub_response.status_code = max(STATUS_OF_CODE.get(str(code), 400) for code in codes)
        return result
