"""/metrics scraped from the running app after real requests, on a real PostgreSQL."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator

import pytest
from prometheus_client.parser import text_string_to_metric_families

from projections.registry import all_projections
from services.database import Database
from services.runtime import build_personnel
from tests.e2e.conftest import TENANT, Api
from tests.integration.poison import NUL_NAME, head, save_appointment, save_unit
from tests.tokens import bearer

pytestmark = pytest.mark.e2e

Samples = dict[tuple[tuple[str, str], ...], float]
UNITS = "query ListUnits { unitTree { code } }"
HIRE_UNIT = """mutation AddDinas($input: CreateUnitInput!) {
  createUnit(input: $input) { position } }"""
PROJECTIONS = sorted(projection.name for projection in all_projections())


async def scrape(api: Api) -> str:
    response = await api.client.get("/metrics")  # no token
    assert response.status_code == 200, response.text
    return response.text


def samples(text: str, name: str) -> Samples:
    """The samples of metric `name`, by their sorted labels."""
    return {
        tuple(sorted(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
        if sample.name == name
    }


def by(label: str, found: Samples) -> dict[str, float]:
    """The samples of a metric with one label, by that label's value."""
    return {dict(labels)[label]: value for labels, value in found.items()}


async def test_graphql_requests_are_counted_per_operation_and_status(api: Api) -> None:
    for _ in range(2):
        await api.graphql(UNITS)
    await api.client.post("/graphql", json={"query": UNITS})  # no token: 401

    requests = samples(await scrape(api), "jejak_graphql_requests_total")
    assert requests[(("operation", "ListUnits"), ("status", "200"))] == 2
    assert requests[(("operation", "none"), ("status", "401"))] == 1


async def test_errors_are_counted_by_operation_and_extensions_code(api: Api) -> None:
    employee = bearer("199001012015031001", "employee", TENANT, nip="199001012015031001")
    await api.graphql("query Trail { employeeEvents(nip: \"199001012015031001\") { position } }",
                      headers=employee)  # fmt: skip
    await api.client.post("/graphql", json={"query": UNITS})

    errors = samples(await scrape(api), "jejak_graphql_errors_total")
    assert errors[(("code", "FORBIDDEN"), ("operation", "Trail"))] == 1
    assert errors[(("code", "UNAUTHENTICATED"), ("operation", "none"))] == 1


async def test_commands_are_counted_per_mutation_field_and_outcome(api: Api) -> None:
    unit = {"input": {"code": "DISDIK", "name": "Dinas Pendidikan", "kind": "DINAS"}}
    await api.command(HIRE_UNIT, unit)
    refused = await api.graphql(HIRE_UNIT, unit)  # the same code again
    [error] = refused["errors"]

    commands = samples(await scrape(api), "jejak_commands_total")
    assert commands[(("mutation", "createUnit"), ("outcome", "OK"))] == 1
    assert commands[(("mutation", "createUnit"), ("outcome", error["extensions"]["code"]))] == 1
    # The api fixture registered the two test tenants as the platform admin.
    assert commands[(("mutation", "registerTenant"), ("outcome", "OK"))] == 2


async def test_latency_is_a_histogram_per_operation(api: Api) -> None:
    await api.graphql(UNITS)

    text = await scrape(api)
    count = samples(text, "jejak_graphql_request_duration_seconds_count")
    assert count[(("operation", "ListUnits"),)] == 1
    buckets = samples(text, "jejak_graphql_request_duration_seconds_bucket")
    assert buckets[(("le", "+Inf"), ("operation", "ListUnits"))] == 1


async def test_operation_labels_are_bounded_by_the_cap(api: Api) -> None:
    for index in range(60):  # ten names more than the default cap of 50
        await api.graphql(f"query Op{index} {{ unitTree {{ code }} }}")

    requests = samples(await scrape(api), "jejak_graphql_requests_total")
    operations = {dict(labels)["operation"] for labels in requests}
    # The api fixture's own requests are anonymous operations.
    assert operations == {"anonymous", "other", *(f"Op{index}" for index in range(50))}
    assert requests[(("operation", "other"), ("status", "200"))] == 10


async def test_events_and_read_models_are_read_at_scrape_time(api: Api) -> None:
    text = await scrape(api)

    [events] = samples(text, "jejak_events_total").values()
    assert events == api.last_position  # the tenants' registrations
    assert sorted(by("projection", samples(text, "jejak_projection_position"))) == PROJECTIONS
    assert set(by("projection", samples(text, "jejak_projection_lag_events")).values()) == {0}
    assert set(by("projection", samples(text, "jejak_projection_degraded")).values()) == {0}
    assert samples(text, "jejak_runtime_up") == {(): 1}


async def test_the_read_pool_shows_its_connections(api: Api) -> None:
    text = await scrape(api)

    size = samples(text, "jejak_db_pool_connections")[(("pool", "read"),)]
    idle = samples(text, "jejak_db_pool_idle_connections")[(("pool", "read"),)]
    most = samples(text, "jejak_db_pool_max_connections")[(("pool", "read"),)]
    assert 0 <= idle < size <= most  # the position watcher holds one connection


@pytest.fixture
def held(api: Api, database: Database) -> Iterator[int]:
    """A bad appointment written straight to the log the app follows: employees is held."""
    personnel = build_personnel(database)
    try:
        dinas = save_unit(personnel, "DISDIK")
        save_appointment(personnel, 0, dinas, name=NUL_NAME)
        yield head(personnel)
    finally:
        personnel.close()


async def test_a_degraded_projection_shows_1_and_the_others_0(api: Api, held: int) -> None:
    deadline = time.monotonic() + 20
    while (await api.client.get("/readyz")).status_code != 503:
        assert time.monotonic() < deadline
        await asyncio.sleep(0.05)

    degraded = by("projection", samples(await scrape(api), "jejak_projection_degraded"))
    assert {name for name, value in degraded.items() if value == 1} == {"employees"}
    assert sorted(degraded) == PROJECTIONS
