"""The ASGI app: GraphQL (GraphiQL on GET) at /graphql, health at /healthz and /readyz.

`create_app` wires once and explicitly: nothing connects at import; the lifespan enters the
runtime (pools, write application, projection runner) and leaves it at shutdown.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Route
from starlette.types import ASGIApp

from graphql_api.health import DEFAULT_MAX_LAG, healthz, readiness_endpoint
from graphql_api.logging import RequestLogMiddleware
from graphql_api.schema import schema
from graphql_api.view import JejakGraphQL
from services.runtime import Runtime


class RuntimeSlot:
    """Holds the runtime while the lifespan has it open."""

    def __init__(self) -> None:
        self.runtime: Runtime | None = None

    def current(self) -> Runtime | None:
        return self.runtime

    def require(self) -> Runtime:
        if self.runtime is None:
            raise RuntimeError("The runtime is not open: is the app's lifespan running?")
        return self.runtime


def create_app(
    open_runtime: Callable[[], AbstractAsyncContextManager[Runtime]],
    *,
    max_ready_lag: int = DEFAULT_MAX_LAG,
) -> Starlette:
    """The Jejak API; its lifespan opens the runtime `open_runtime` gives."""
    slot = RuntimeSlot()

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        async with open_runtime() as runtime:
            slot.runtime = runtime
            try:
                yield
            finally:
                slot.runtime = None

    graphql: ASGIApp = JejakGraphQL(schema, runtime_of=slot.require)
    return Starlette(
        routes=[
            # Routed exactly: a mounted app would redirect /graphql to /graphql/.
            Route("/graphql", graphql, methods=["GET", "POST"]),
            Route("/healthz", healthz, methods=["GET"]),
            Route("/readyz", readiness_endpoint(slot.current, max_ready_lag), methods=["GET"]),
        ],
        middleware=[Middleware(RequestLogMiddleware)],
        lifespan=lifespan,
    )
