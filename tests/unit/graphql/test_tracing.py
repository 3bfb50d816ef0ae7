"""Optional tracing: off by default, off without OpenTelemetry, a span per request when on."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from strawberry.asgi import GraphQL

from graphql_api.logging import RequestLogMiddleware
from graphql_api.tracing import tracing_enabled, tracing_middleware
from tests.unit.graphql.test_observed import schema as observed_schema

TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
TRACEPARENT = f"00-{TRACE_ID}-00f067aa0ba902b7-01"


def test_tracing_is_off_unless_jejak_otel_is_1() -> None:
    assert (tracing_enabled({}), tracing_enabled({"JEJAK_OTEL": "1"})) == (False, True)
    assert tracing_middleware({}) == []


def test_a_malformed_jejak_otel_is_refused() -> None:
    with pytest.raises(ValueError, match="JEJAK_OTEL must be 0 or 1"):
        tracing_enabled({"JEJAK_OTEL": "on"})


def test_without_opentelemetry_installed_tracing_stays_off_and_says_so(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setitem(sys.modules, "opentelemetry", None)  # as if not installed
    monkeypatch.delitem(sys.modules, "graphql_api.spans", raising=False)

    assert tracing_middleware({"JEJAK_OTEL": "1"}) == []
    assert "pip install 'jejak[otel]'" in caplog.text


def test_on_without_a_provider_one_exporting_over_otlp_is_set_up() -> None:
    # In a process of its own: the global tracer provider can be set only once per process.
    script = (
        "from graphql_api.tracing import tracing_middleware\n"
        "from opentelemetry import trace\n"
        "assert len(tracing_middleware({'JEJAK_OTEL': '1'})) == 1\n"
        "print(type(trace.get_tracer_provider()).__module__)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "opentelemetry.sdk.trace"


@pytest.fixture
def exporter() -> Iterator[InMemorySpanExporter]:
    exporter = InMemorySpanExporter()
    yield exporter
    exporter.shutdown()


def traced_app(
    exporter: InMemorySpanExporter, status: int = 200, graphql: bool = False
) -> Starlette:
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))

    async def answer(_: Request) -> PlainTextResponse:
        return PlainTextResponse("ok", status_code=status)

    endpoint = GraphQL(observed_schema) if graphql else answer
    return Starlette(
        routes=[Route("/graphql", endpoint, methods=["POST"])],
        middleware=[
            Middleware(RequestLogMiddleware),
            *tracing_middleware({"JEJAK_OTEL": "1"}, provider=provider),
        ],
    )


async def one_span(
    app: Starlette, exporter: InMemorySpanExporter, query: str = "{ hello }"
) -> ReadableSpan:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://jejak") as client:
        await client.post(
            "/graphql",
            json={"query": query},
            headers={"X-Correlation-Id": "corr-9", "traceparent": TRACEPARENT},
        )
    [span] = exporter.get_finished_spans()
    return span


async def test_each_request_is_a_server_span_carrying_its_correlation_id(
    exporter: InMemorySpanExporter,
) -> None:
    span = await one_span(traced_app(exporter), exporter)

    assert (span.name, span.kind) == ("POST /graphql", SpanKind.SERVER)
    attributes = dict(span.attributes or {})
    assert attributes["jejak.correlation_id"] == "corr-9"
    assert attributes["http.response.status_code"] == 200


async def test_a_span_continues_the_trace_the_client_sent(exporter: InMemorySpanExporter) -> None:
    span = await one_span(traced_app(exporter), exporter)

    assert span.parent is not None
    assert format(span.context.trace_id, "032x") == TRACE_ID


async def test_a_server_error_marks_the_span_as_failed(exporter: InMemorySpanExporter) -> None:
    span = await one_span(traced_app(exporter, status=503), exporter)

    assert span.status.status_code == StatusCode.ERROR


async def test_the_span_is_named_for_the_operation_the_document_ran(
    exporter: InMemorySpanExporter,
) -> None:
    app = traced_app(exporter, graphql=True)
    span = await one_span(app, exporter, "query Greeting { hello forbidden }")

    assert span.name == "query Greeting"
    attributes = dict(span.attributes or {})
    assert attributes["graphql.operation.name"] == "Greeting"
    assert attributes["jejak.error_codes"] == ("FORBIDDEN",)
