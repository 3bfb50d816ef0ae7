"""The ASGI app: GraphQL (GraphiQL on GET) at /graphql, GraphiQL's files at /graphiql/assets,
health at /healthz and /readyz, the ledger's checkpoint and evidence downloads at /ledger.

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

from access.dev_issuer import dev_issuer_url
from access.settings import IdentitySettings
from graphql_api.authentication import AuthenticationGate
from graphql_api.bounds import RequestBounds
from graphql_api.dev_issuer import dev_issuer_routes
from graphql_api.exports.endpoint import DownloadGate, ExportEndpoint
from graphql_api.graphiql.assets import assets_mount
from graphql_api.graphiql.page import GraphiqlPage, GraphiqlSettings
from graphql_api.health import DEFAULT_MAX_LAG, healthz, readiness_endpoint
from graphql_api.identity import Authenticator
from graphql_api.language import RequestLanguage
from graphql_api.ledger.routes import EvidenceEndpoint, checkpoint_endpoint
from graphql_api.limits import Limits
from graphql_api.localised import ViewByLanguage, schemas_by_language
from graphql_api.logging import RequestLogMiddleware
from graphql_api.metrics import MetricsSettings, RequestMetrics, metrics_endpoint
from graphql_api.schema import build_schema, schema
from graphql_api.tenants.admission import TenantGate
from graphql_api.tracing import tracing_middleware
from graphql_api.trusted_documents import TrustedDocuments, TrustedSettings
from graphql_api.trusted_gate import TrustedDocumentsGate
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
    authenticator: Authenticator | None = None,
    limits: Limits | None = None,
    metrics: MetricsSettings | None = None,
    graphiql: GraphiqlSettings | None = None,
    trusted: TrustedSettings | None = None,
    fast_reads: bool = True,
) -> Starlette:
    """The Jejak API; its lifespan opens the runtime `open_runtime` gives. Callers are
    authenticated by `authenticator` (default: as the environment configures identity), and
    requests bounded by `limits` (default: as the environment sets them). `graphiql` sets up
    the GraphiQL page (default: no development token, placeholder examples). `trusted` names
    the registered documents (default: as the environment sets them; trusted_documents.py).
    `fast_reads=False` turns the fast read path off (graphql_api/leaf_fields.py), to measure
    against or to compare answers."""
    slot = RuntimeSlot()
    # Request limits (graphql_api/limits.py): from the environment unless given.
    limits = schema.limits if limits is None else limits
    if authenticator is None:
        authenticator = Authenticator.from_settings(IdentitySettings.from_env(), dev_issuer_url())

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        async with open_runtime() as runtime:
            slot.runtime = runtime
            try:
                yield
            finally:
                slot.runtime = None

    # Metrics (graphql_api/metrics.py): as `metrics` say, else as the environment sets them.
    metrics = MetricsSettings.from_env() if metrics is None else metrics
    observer = RequestMetrics(metrics) if metrics.enabled else None
    scrape = [Route("/metrics", metrics_endpoint(observer, slot.current))] if observer else []
    reuse = limits == schema.limits and fast_reads == schema.fast_reads
    bounded = schema if reuse else build_schema(limits, fast_reads=fast_reads)
    page = GraphiqlPage.build(graphiql or GraphiqlSettings(), authenticator)
    # Trusted documents, planned once against the schema (graphql_api/trusted_documents.py).
    settings = TrustedSettings.from_env() if trusted is None else trusted
    documents = TrustedDocuments.load(settings, bounded)
    # One schema per language, its descriptions translated (graphql_api/localised.py).
    graphql: ASGIApp = ViewByLanguage.of(
        schemas_by_language(bounded),
        lambda built: JejakGraphQL(built, runtime_of=slot.require, graphiql=page),
    )
    return Starlette(
        routes=[
            # Routed exactly: a mounted app would redirect /graphql to /graphql/.
            # Every method reaches RequestBounds, so even a 405 has GraphQL's error shape.
            # Authenticated, then the caller's tenant must be a registered one; then a
            # `documentId` becomes its registered document (graphql_api/trusted_gate.py).
            # In the language the request asks for (graphql_api/language.py), refusals included.
            Route(
                "/graphql",
                RequestLanguage(
                    RequestBounds(
                        AuthenticationGate(
                            TenantGate(
                                TrustedDocumentsGate(
                                    graphql, documents, authenticator.dev_issuer is not None
                                ),
                                slot.require,
                            ),
                            authenticator,
                        ),
                        limits,
                    )
                ),
            ),
            # Report downloads (graphql_api/exports/): the same gates, the same policy.
            Route(
                "/exports/{file}",
                RequestLanguage(
                    DownloadGate(
                        TenantGate(ExportEndpoint(slot.require), slot.require), authenticator
                    )
                ),
            ),
            # The ledger (graphql_api/ledger/routes.py): the signed checkpoint needs no token
            # (a size and a hash, as C2SP clients fetch it); a person's evidence bundle is
            # downloaded behind the export gates, authorised as the evidenceBundle query.
            Route("/ledger/checkpoint", checkpoint_endpoint(slot.require), methods=["GET"]),
            Route(
                "/ledger/evidence/{file}",
                RequestLanguage(
                    DownloadGate(
                        TenantGate(EvidenceEndpoint(slot.require), slot.require), authenticator
                    )
                ),
            ),
            Route("/healthz", healthz, methods=["GET"]),
            assets_mount(),  # GraphiQL's scripts and styles: no token, no CDN
            Route("/readyz", readiness_endpoint(slot.current, max_ready_lag), methods=["GET"]),
            *(dev_issuer_routes(authenticator.dev_issuer) if authenticator.dev_issuer else []),
            # No token: bind to an internal interface, or let the deployment guard the path.
            *scrape,
        ],
        # Outermost first: the log line and the metrics see the whole request, spans inside.
        middleware=[Middleware(RequestLogMiddleware, observer=observer), *tracing_middleware()],
        lifespan=lifespan,
    )
