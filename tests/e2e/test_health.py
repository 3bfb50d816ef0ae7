"""Liveness and readiness against the real runtime."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import Api

pytestmark = pytest.mark.e2e


async def test_the_process_is_alive(api: Api) -> None:
    response = await api.client.get("/healthz")
    assert (response.status_code, response.json()) == (200, {"status": "alive"})


async def test_the_service_is_ready_once_its_read_models_follow_the_log(api: Api) -> None:
    response = await api.client.get("/readyz")
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "ready"


async def test_graphiql_is_served_at_graphql(api: Api) -> None:
    response = await api.client.get("/graphql", headers={"accept": "text/html"})
    assert response.status_code == 200
    assert "graphiql" in response.text.lower()
