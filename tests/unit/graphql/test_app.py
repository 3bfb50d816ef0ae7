from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from graphql_api.app import create_app
from projections.positions import Hold
from services.personnel import PersonnelApplication
from tests.tokens import authenticator
from tests.unit.graphql.conftest import TENANT, FakePositions, headers_of
from tests.unit.graphql.test_tenant_admission import tenant_record


@dataclass
class FakePool:
    answers: bool = True

    async def fetchval(self, query: str) -> int:
        if not self.answers:
            raise OSError("connection refused")
        return 1

    async def fetch(self, query: str) -> list[dict[str, Any]]:
        """rm.tenants as the tenant registry reads it: the test tenant is registered."""
        assert "tenants" in query, query
        return [tenant_record(TENANT)]


@dataclass
class FakeRuntime:
    personnel: PersonnelApplication = field(default_factory=PersonnelApplication)
    positions: FakePositions = field(default_factory=FakePositions)
    pool: Any = field(default_factory=FakePool)
    runner_thread: Any = None
    events_behind: int = 0

    async def lag(self) -> int:
        return self.events_behind

    async def degraded(self) -> list[Hold]:
        return await self.positions.held()


@asynccontextmanager
async def serving(runtime: FakeRuntime, **options: Any) -> AsyncIterator[httpx.AsyncClient]:
    @asynccontextmanager
    async def open_runtime() -> AsyncIterator[Any]:
        yield runtime

    app: Starlette = create_app(open_runtime, authenticator=authenticator(), **options)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://jejak") as client:
            yield client


async def test_healthz_answers_while_the_process_lives() -> None:
    async with serving(FakeRuntime()) as client:
        response = await client.get("/healthz")
    assert (response.status_code, response.json()) == (200, {"status": "alive"})


async def test_readyz_is_ready_when_the_database_answers_and_the_lag_is_small() -> None:
    async with serving(FakeRuntime(events_behind=3), max_ready_lag=10) as client:
        response = await client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ready", "lag": 3, "max_lag": 10}


async def test_readyz_says_the_read_models_are_behind() -> None:
    async with serving(FakeRuntime(events_behind=11), max_ready_lag=10) as client:
        response = await client.get("/readyz")
    assert response.status_code == 503
    assert "11 events behind" in response.json()["reason"]


async def test_readyz_is_degraded_with_503_while_a_read_model_is_held() -> None:
    runtime = FakeRuntime(positions=FakePositions(holds=[Hold("employees", 42)]))
    async with serving(runtime) as client:
        response = await client.get("/readyz")
        alive = await client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert (body["status"], body["degraded"]) == (
        "degraded",
        [{"projection": "employees", "heldAt": 42}],
    )
    assert "employees at #42" in body["reason"]
    assert alive.status_code == 200


async def test_readyz_says_the_database_does_not_answer() -> None:
    async with serving(FakeRuntime(pool=FakePool(answers=False))) as client:
        response = await client.get("/readyz")
    assert response.status_code == 503
    assert "database" in response.json()["reason"]


async def test_graphiql_is_served_at_graphql_without_a_redirect() -> None:
    async with serving(FakeRuntime()) as client:
        response = await client.get("/graphql", headers={"accept": "text/html"})
    assert response.status_code == 200
    assert "graphiql" in response.text.lower()


async def test_a_malformed_json_body_is_a_bad_request() -> None:
    async with serving(FakeRuntime()) as client:
        response = await client.post(
            "/graphql",
            content=b'{"query": ',
            headers=headers_of() | {"content-type": "application/json"},
        )
    assert response.status_code == 400


async def test_a_json_body_that_is_not_an_object_is_a_bad_request() -> None:
    async with serving(FakeRuntime()) as client:
        response = await client.post("/graphql", json="{ __typename }", headers=headers_of())
    assert response.status_code == 400


@pytest.mark.parametrize("query", ["{ employee(nip: ", "{ salaries { total } }", ""])
async def test_an_unparsable_or_invalid_query_is_a_bad_request(query: str) -> None:
    async with serving(FakeRuntime()) as client:
        response = await client.post("/graphql", json={"query": query}, headers=headers_of())
    assert response.status_code == 400


async def test_a_domain_error_is_answered_with_its_code() -> None:
    mutation = (
        'mutation { createUnit(input: {code: "bad code!", name: "X", kind: DINAS}) { unitId } }'
    )
    async with serving(FakeRuntime()) as client:
        response = await client.post("/graphql", json={"query": mutation}, headers=headers_of())
    assert response.status_code == 200
    assert response.json()["errors"][0]["extensions"]["code"] == "INVALID_INPUT"


async def test_each_request_is_logged_as_one_line_with_its_correlation_id(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.DEBUG, logger="jejak.request"):  # probes are logged at DEBUG
        async with serving(FakeRuntime()) as client:
            response = await client.get("/healthz", headers={"x-correlation-id": "corr-42"})
    assert response.headers["x-correlation-id"] == "corr-42"
    [record] = [r for r in caplog.records if r.name == "jejak.request"]
    assert (record.method, record.path, record.status) == ("GET", "/healthz", 200)  # type: ignore[attr-defined]
    assert record.correlation_id == "corr-42"  # type: ignore[attr-defined]
    assert record.duration_ms >= 0  # type: ignore[attr-defined]


async def test_a_malformed_min_position_header_is_a_bad_request() -> None:
    async with serving(FakeRuntime()) as client:
        response = await client.post(
            "/graphql",
            json={"query": "{ __typename }"},
            headers=headers_of() | {"x-min-position": "soon"},
        )
    assert response.status_code == 400
    assert "X-Min-Position" in response.text
