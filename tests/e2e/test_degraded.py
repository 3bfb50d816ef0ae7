"""A read model held at an event it cannot apply: /readyz says DEGRADED, reads say so at once."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator

import httpx
import pytest

from projections.reader import EventReader
from projections.retry import retry_held
from projections.runner import ProjectionRunner
from services.database import Database
from services.runtime import build_personnel
from tests.e2e.conftest import HR, Api
from tests.integration.poison import (
    NUL_NAME,
    fixed_projections,
    head,
    save_appointment,
    save_unit,
)

pytestmark = pytest.mark.e2e

TREE = "{ unitTree { code } }"


@pytest.fixture
def held_at(api: Api, database: Database) -> Iterator[int]:
    """A bad appointment and a unit after it, written straight to the log the app follows."""
    personnel = build_personnel(database)
    try:
        dinas = save_unit(personnel, "DISDIK")
        save_appointment(personnel, 0, dinas, name=NUL_NAME)
        bad = head(personnel)
        save_unit(personnel, "DINKES")
        yield bad
    finally:
        personnel.close()


async def readyz_once(api: Api, status: int, seconds: float = 20) -> httpx.Response:
    """/readyz once it answers `status` (the app's runner follows the log in a thread)."""
    deadline = time.monotonic() + seconds
    while (response := await api.client.get("/readyz")).status_code != status:
        assert time.monotonic() < deadline, response.text
        await asyncio.sleep(0.05)
    return response


async def test_readyz_is_degraded_503_naming_the_held_projection(api: Api, held_at: int) -> None:
    response = await readyz_once(api, 503)

    body = response.json()
    assert (body["status"], body["degraded"]) == (
        "degraded",
        [{"projection": "employees", "heldAt": held_at}],
    )
    assert "DataError" not in response.text  # the error is the operator's, not the public's


async def test_healthz_stays_200_while_a_read_model_is_held(api: Api, held_at: int) -> None:
    await readyz_once(api, 503)

    response = await api.client.get("/healthz")
    assert (response.status_code, response.json()) == (200, {"status": "alive"})


async def test_a_query_waiting_for_a_position_past_the_hold_fails_at_once(
    api: Api, held_at: int
) -> None:
    await readyz_once(api, 503)
    headers = HR | {"x-min-position": str(held_at), "x-wait-timeout-ms": "10000"}

    started = time.monotonic()
    body = await api.graphql(TREE, headers=headers)

    assert time.monotonic() - started < 2  # not the 10 s it may wait
    [error] = body["errors"]
    assert error["extensions"]["code"] == "READ_MODEL_DEGRADED"
    assert error["extensions"]["degraded"] == [{"projection": "employees", "heldAt": held_at}]
    assert error["extensions"]["minPosition"] == held_at


async def test_a_query_waiting_for_a_position_before_the_hold_is_answered(
    api: Api, held_at: int
) -> None:
    await readyz_once(api, 503)
    headers = HR | {"x-min-position": str(held_at - 1)}

    body = await api.graphql(TREE, headers=headers)

    assert "errors" not in body, body["errors"]


async def test_readyz_is_ready_again_once_a_fixed_projection_is_retried(
    api: Api, database: Database, held_at: int
) -> None:
    await readyz_once(api, 503)

    def retry() -> list[str]:
        personnel = build_personnel(database)
        runner = ProjectionRunner(database, EventReader(personnel), projections=fixed_projections())
        try:
            return [d.projection for d in retry_held(runner).failing]
        finally:
            runner.close()
            personnel.close()

    assert await asyncio.to_thread(retry) == []
    response = await readyz_once(api, 200)
    assert response.json()["status"] == "ready"
