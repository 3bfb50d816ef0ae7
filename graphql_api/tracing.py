"""Optional OpenTelemetry tracing: off unless JEJAK_OTEL=1 and `jejak[otel]` is installed.

On, every HTTP request is a server span (continuing a W3C `traceparent` the client sent)
carrying the request's correlation id, the GraphQL operation its document ran, the caller's
role and tenant, and the HTTP status. Spans go where the OpenTelemetry SDK sends them: a
tracer provider set up beforehand (e.g. by `opentelemetry-instrument`) is used as it is;
otherwise one is made exporting over OTLP/HTTP, configured by the standard `OTEL_EXPORTER_
OTLP_*` variables (`OTEL_SERVICE_NAME`, default `jejak`). Nothing here imports OpenTelemetry
unless tracing is on, so the service runs without it.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from typing import Any

from starlette.middleware import Middleware

OTEL_VARIABLE = "JEJAK_OTEL"
logger = logging.getLogger("jejak.tracing")


def tracing_enabled(environ: Mapping[str, str] = os.environ) -> bool:
    """Whether JEJAK_OTEL asks for tracing (1; default 0)."""
    value = environ.get(OTEL_VARIABLE, "0").strip()
    if value not in {"0", "1"}:
        raise ValueError(f"{OTEL_VARIABLE} must be 0 or 1, not {value!r}.")
    return value == "1"


def tracing_middleware(
    environ: Mapping[str, str] = os.environ, provider: Any | None = None
) -> list[Middleware]:
    """The span-per-request middleware when tracing is on and possible, else none. `provider`
    (an OpenTelemetry TracerProvider) replaces the global one, for tests."""
    if not tracing_enabled(environ):
        return []
    try:
        from graphql_api.spans import TracingMiddleware, request_tracer
    except ImportError as missing:
        logger.warning(
            "%s=1, but OpenTelemetry is not installed (%s): tracing stays off. "
            "Install it with: pip install 'jejak[otel]'.",
            OTEL_VARIABLE,
            missing.name,
        )
        return []
    return [Middleware(TracingMiddleware, tracer=request_tracer(environ, provider))]
