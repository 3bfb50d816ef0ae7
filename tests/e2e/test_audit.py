"""Oversight reads an employee's full event history over HTTP."""

from __future__ import annotations

import json

import pytest

from tests.e2e.conftest import AUDITOR, HR, Api
from tests.e2e.steps import APPOINT, GRANT_LEAVE, PROMOTE, appointment, create_unit, nip_of

pytestmark = pytest.mark.e2e

EVENTS = """query($nip: String!, $after: Int) { employeeEvents(nip: $nip, after: $after) {
  position version type recordedAt actorId actorRole tenant correlationId reason payload
} }"""


async def record_a_career(api: Api) -> None:
    unit_id = await create_unit(api, "DISDIK")
    await api.command(APPOINT, {"input": appointment(1, unit_id)})
    promotion = {"nip": nip_of(1), "toGolongan": "III/b", "effectiveOn": "2019-04-01"}
    await api.command(PROMOTE, {"input": promotion | {"reason": "Prestasi luar biasa (SK 7/2019)"}})
    leave = {"nip": nip_of(1), "leaveType": "CT", "start": "2024-05-06", "end": "2024-05-08"}
    await api.command(GRANT_LEAVE, {"input": leave})


async def test_an_auditor_sees_every_event_of_an_employee_in_order(api: Api) -> None:
    await record_a_career(api)
    body = await api.read(EVENTS, {"nip": nip_of(1)}, headers=AUDITOR)
    assert "errors" not in body
    events = body["data"]["employeeEvents"]
    assert [(e["version"], e["type"]) for e in events] == [
        (1, "Appointed"), (2, "Promoted"), (3, "LeaveGranted"),
    ]  # fmt: skip
    positions = [e["position"] for e in events]
    assert positions == sorted(positions)
    promoted = events[1]
    assert (promoted["actorId"], promoted["actorRole"]) == ("hr-budi", "hr_officer")
    assert promoted["tenant"] == "pemkot-palangkaraya"
    assert promoted["reason"] == "Prestasi luar biasa (SK 7/2019)"
    assert json.loads(promoted["payload"])["to_golongan"] == "III/b"


async def test_the_correlation_id_of_the_request_is_recorded_with_its_events(api: Api) -> None:
    unit_id = await create_unit(api, "DISDIK")
    response = await api.client.post(
        "/graphql",
        json={"query": APPOINT, "variables": {"input": appointment(1, unit_id)}},
        headers=HR | {"x-correlation-id": "sk-bkpsdm-2025-001"},
    )
    api.last_position = response.json()["data"]["appointEmployee"]["position"]
    assert response.headers["x-correlation-id"] == "sk-bkpsdm-2025-001"
    body = await api.read(EVENTS, {"nip": nip_of(1)}, headers=AUDITOR)
    assert body["data"]["employeeEvents"][0]["correlationId"] == "sk-bkpsdm-2025-001"


async def test_an_hr_officer_may_not_read_the_event_history(api: Api) -> None:
    await record_a_career(api)
    body = await api.read(EVENTS, {"nip": nip_of(1)}, headers=HR)
    assert body["data"] is None
    assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]
