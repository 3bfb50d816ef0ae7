"""The GraphQL HTTP endpoint: builds each request's context and answers bad requests with 400."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cross_web import AsyncHTTPRequestAdapter, HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLRequestData
from strawberry.schema.base import BaseSchema
from strawberry.types import ExecutionResult

from graphql_api.context import Context, build_context
from graphql_api.errors import REQUEST_ERROR_CODES
from graphql_api.logging import correlation_id_from
from services.runtime import Runtime


class JejakGraphQL(GraphQL[Context, None]):
    """Strawberry's ASGI view with Jejak's context; GraphiQL is served on GET."""

    def __init__(self, schema: BaseSchema, runtime_of: Callable[[], Runtime]) -> None:
        super().__init__(schema, graphql_ide="graphiql")
        self.runtime_of = runtime_of

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        correlation_id = request.scope.get("state", {}).get("correlation_id")
        return build_context(
            self.runtime_of(),
            request.headers,
            correlation_id or correlation_id_from(request.headers),
        )

    def parse_json(self, data: str | bytes) -> Any:
        """A JSON body must be an object (or a list, which strawberry refuses as a batch)."""
        value = super().parse_json(data)
        if not isinstance(value, dict | list):
            raise HTTPException(400, "The request body must be a JSON object.")
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
        """Execute; a request that failed parsing or validation is answered with 400."""
        result = await super().execute_single(
            request, request_adapter, sub_response, context, root_value, request_data
        )
        if (
            result.data is None
            and result.errors
            and all(
                (error.extensions or {}).get("code") in REQUEST_ERROR_CODES
                for error in result.errors
            )
        ):
            sub_response.status_code = 400
        return result
