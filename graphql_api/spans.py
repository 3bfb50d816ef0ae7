"""A server span per HTTP request (OpenTelemetry); imported only when tracing is on."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from opentelemetry import propagate, trace
from opentelemetry.trace import SpanKind, Status, StatusCode, Tracer, TracerProvider
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graphql_api.identity import Identity
from graphql_api.observation import current_observation

SERVICE_NAME = "jejak"
logger = logging.getLogger("jejak.tracing")


def request_tracer(environ: Mapping[str, str], provider: TracerProvider | None = None) -> Tracer:
    """The tracer of `provider`, else of the global provider (one exporting over OTLP/HTTP
    is set up first if nothing has set one)."""
    if provider is None:
        provider = trace.get_tracer_provider()
        if isinstance(provider, trace.ProxyTracerProvider):
            provider = otlp_provider(environ) or provider
    return provider.get_tracer(SERVICE_NAME)


def otlp_provider(environ: Mapping[str, str]) -> TracerProvider | None:
    """A global SDK provider sending spans in batches over OTLP/HTTP (None without the SDK)."""
    try:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
        from opentelemetry.sdk.resources import Resource
        from opentelemetry.sdk.trace import TracerProvider as SdkTracerProvider
        from opentelemetry.sdk.trace.export import BatchSpanProcessor
    except ImportError as missing:
        logger.warning("Spans are not exported: %s is not installed.", missing.name)
        return None
    name = environ.get("OTEL_SERVICE_NAME", SERVICE_NAME)
    provider = SdkTracerProvider(resource=Resource.create({"service.name": name}))
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    trace.set_tracer_provider(provider)
    return provider


class TracingMiddleware:
    """Wraps each HTTP request in a server span; inside the request-log middleware, so the
    correlation id and the request's observation are known."""

    def __init__(self, app: ASGIApp, tracer: Tracer) -> None:
        self.app = app
        self.tracer = tracer

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {
            key.decode("latin-1"): value.decode("latin-1") for key, value in scope["headers"]
        }
        attributes = {
            "http.request.method": scope["method"],
            "url.path": scope["path"],
            "jejak.correlation_id": scope.get("state", {}).get("correlation_id", ""),
        }
        name = f"{scope['method']} {scope['path']}"
        with self.tracer.start_as_current_span(
            name, context=propagate.extract(headers), kind=SpanKind.SERVER, attributes=attributes
        ) as span:
            status = 500

            async def send_status(message: Message) -> None:
                nonlocal status
                if message["type"] == "http.response.start":
                    status = message["status"]
                await send(message)

            try:
                await self.app(scope, receive, send_status)
            finally:
                describe(span, scope, status)


def describe(span: trace.Span, scope: Scope, status: int) -> None:
    """What the request turned out to be: status, operation, caller's role and tenant."""
    span.set_attribute("http.response.status_code", status)
    if status >= 500:
        span.set_status(Status(StatusCode.ERROR))
    seen = current_observation.get()
    if seen is not None and seen.operation_type is not None:
        operation = seen.operation or "anonymous"
        span.set_attribute("graphql.operation.type", seen.operation_type)
        span.set_attribute("graphql.operation.name", operation)
        span.update_name(f"{seen.operation_type} {operation}")
        if seen.codes:
            span.set_attribute("jejak.error_codes", sorted(set(seen.codes)))
    identity = scope.get("state", {}).get("identity")
    if isinstance(identity, Identity) and identity.caller is not None:
        span.set_attribute("jejak.role", identity.caller.actor.role)
        span.set_attribute("jejak.tenant", identity.caller.tenant)
