"""/metrics without a database: settings, bounded labels, what a request counts, the route."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from graphql_api.app import create_app
from graphql_api.metrics import LabelCap, MetricsSettings, RequestMetrics
from graphql_api.observation import Observation
from tests.tokens import authenticator

GRAPHQL = {"type": "http", "path": "/graphql"}


def samples(text: str, name: str) -> dict[tuple[tuple[str, str], ...], float]:
    """The samples of metric `name` in an exposition, by their sorted labels."""
    return {
        tuple(sorted(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
        if sample.name == name
    }


async def exposition(metrics: RequestMetrics) -> str:
    response = await metrics.scrape(None, "")
    return bytes(response.body).decode()


def seen(operation: str | None, kind: str | None = "query", *codes: str, **fields: str) -> Any:
    observation = Observation(operation=operation, operation_type=kind, fields=dict(fields))
    for code in codes:
        observation.note(code)
    return observation


def test_metrics_are_on_by_default_with_fifty_operation_names() -> None:
    assert MetricsSettings.from_env({}) == MetricsSettings(True, 50, ())


def test_jejak_metrics_0_turns_them_off_and_names_can_be_registered() -> None:
    settings = MetricsSettings.from_env(
        {"JEJAK_METRICS": "0", "JEJAK_METRICS_OPERATIONS": "ListUnits, Hire"}
    )
    assert (settings.enabled, settings.operations) == (False, ("ListUnits", "Hire"))


@pytest.mark.parametrize(
    "environ",
    [{"JEJAK_METRICS": "yes"}, {"JEJAK_METRICS_MAX_OPERATIONS": "-1"},
     {"JEJAK_METRICS_MAX_OPERATIONS": "many"}],
)  # fmt: skip
def test_a_malformed_metrics_setting_is_refused(environ: dict[str, str]) -> None:
    with pytest.raises(ValueError, match="JEJAK_METRICS"):
        MetricsSettings.from_env(environ)


def test_a_label_keeps_registered_values_and_the_first_seen_up_to_its_cap() -> None:
    cap = LabelCap(2, frozenset({"Registered"}))
    labels = [cap(name) for name in ("A", "B", "C", "Registered", "A")]
    assert labels == ["A", "B", "other", "Registered", "A"]


async def test_operation_names_past_the_cap_are_counted_as_other() -> None:
    metrics = RequestMetrics(MetricsSettings(max_operations=2))
    for name in ("A", "B", "C", "D", "A"):
        metrics.observe(GRAPHQL, 200, 0.01, seen(name))
    counted = samples(await exposition(metrics), "jejak_graphql_requests_total")
    assert counted == {
        (("operation", "A"), ("status", "200")): 2,
        (("operation", "B"), ("status", "200")): 1,
        (("operation", "other"), ("status", "200")): 2,
    }


async def test_a_request_counts_its_latency_and_each_error_code_once() -> None:
    metrics = RequestMetrics()
    metrics.observe(GRAPHQL, 200, 0.02, seen("Peek", "query", "FORBIDDEN", "FORBIDDEN"))
    metrics.observe(GRAPHQL, 401, 0.001, seen(None, None, "UNAUTHENTICATED"))
    text = await exposition(metrics)
    assert samples(text, "jejak_graphql_errors_total") == {
        (("code", "FORBIDDEN"), ("operation", "Peek")): 1,
        (("code", "UNAUTHENTICATED"), ("operation", "none")): 1,
    }
    latency = samples(text, "jejak_graphql_request_duration_seconds_count")
    assert latency == {(("operation", "Peek"),): 1, (("operation", "none"),): 1}


async def test_each_mutation_field_is_a_command_counted_by_outcome() -> None:
    metrics = RequestMetrics()
    metrics.observe(GRAPHQL, 200, 0.05, seen("Hire", "mutation", a="appoint", b="promote"))
    refused = seen("Hire", "mutation", a="appoint")
    refused.note("INVALID_NIP", "a")
    metrics.observe(GRAPHQL, 200, 0.05, refused)
    assert samples(await exposition(metrics), "jejak_commands_total") == {
        (("mutation", "appoint"), ("outcome", "OK")): 1,
        (("mutation", "appoint"), ("outcome", "INVALID_NIP")): 1,
        (("mutation", "promote"), ("outcome", "OK")): 1,
    }


async def test_requests_to_other_paths_are_not_graphql_requests() -> None:
    metrics = RequestMetrics()
    metrics.observe({"type": "http", "path": "/healthz"}, 200, 0.001, seen(None, None))
    assert samples(await exposition(metrics), "jejak_graphql_requests_total") == {}


async def test_without_an_open_runtime_the_scrape_says_the_runtime_is_down() -> None:
    assert samples(await exposition(RequestMetrics()), "jejak_runtime_up") == {(): 0}


@asynccontextmanager
async def client_of(settings: MetricsSettings) -> AsyncIterator[httpx.AsyncClient]:
    """The app, its lifespan not entered (no runtime), as a client."""

    @asynccontextmanager
    async def no_runtime() -> AsyncIterator[Any]:
        raise AssertionError("not opened")
        yield

    app = create_app(no_runtime, authenticator=authenticator(), metrics=settings)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://jejak") as client:
        yield client


async def test_metrics_are_scraped_without_a_token_in_prometheus_text_format() -> None:
    async with client_of(MetricsSettings()) as client:
        response = await client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain; version=0.0.4")
    assert "jejak_runtime_up 0.0" in response.text


async def test_with_metrics_off_there_is_no_metrics_endpoint() -> None:
    async with client_of(MetricsSettings(enabled=False)) as client:
        response = await client.get("/metrics")
    assert response.status_code == 404
