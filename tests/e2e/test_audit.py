"""Oversight reads an employee's full event history over HTTP."""

from __future__ import annotations

import json

import pytest

from tests.e2e.conftest import ADMIN, AUDITOR, HR, Api
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
    assert promoted["payload"]["to_golongan"] == "III/b"  # an object, not JSON in a string
    assert promoted["payload"]["effective_on"] == "2019-04-01"
    assert promoted["recordedAt"].endswith("+00:00")


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


AUDIT = """query($filter: AuditEventFilter, $after: Int) {
  auditEvents(filter: $filter, after: $after, first: 500) {
    position aggregate type recordedAt actorId actorRole tenant reason payload } }"""
PLATFORM = """query($filter: AuditEventFilter) { platformEvents(filter: $filter, first: 500) {
    position type tenant actorRole payload } }"""
PAGE_OF_TWO = """query($after: Int) { auditEvents(after: $after, first: 2) {
    position aggregate type recordedAt actorId actorRole tenant reason payload } }"""


async def test_an_auditor_finds_the_promotions_an_officer_made_by_a_word_of_the_reason(
    api: Api,
) -> None:
    await record_a_career(api)
    where = {"actor": "hr-budi", "type": "Employee.Promoted", "text": "prestasi"}
    body = await api.read(AUDIT, {"filter": where}, headers=AUDITOR)
    assert "errors" not in body, body
    [promoted] = body["data"]["auditEvents"]
    assert promoted["reason"] == "Prestasi luar biasa (SK 7/2019)"
    assert promoted["payload"]["to_golongan"] == "III/b"
    period = {"from": "2000-01-01T00:00:00+07:00", "to": promoted["recordedAt"]}
    before = await api.read(AUDIT, {"filter": where | period}, headers=AUDITOR)
    assert before["data"]["auditEvents"] == []  # recorded at `to` is outside [from, to)


async def test_audit_events_are_paged_by_position(api: Api) -> None:
    await record_a_career(api)
    every = (await api.read(AUDIT, {}, headers=AUDITOR))["data"]["auditEvents"]
    page = await api.read(PAGE_OF_TWO, {"after": every[1]["position"]}, headers=AUDITOR)
    assert page["data"]["auditEvents"] == every[2:4]
    assert {event["tenant"] for event in every} == {"pemkot-palangkaraya"}


async def test_the_platform_admin_sees_the_registrations_of_every_tenant_and_no_tenant_data(
    api: Api,
) -> None:
    await record_a_career(api)
    body = await api.read(PLATFORM, {}, headers=ADMIN)
    assert "errors" not in body, body
    events = body["data"]["platformEvents"]
    assert {e["type"] for e in events} == {"Registered"}
    assert {e["tenant"] for e in events} == {"pemkot-palangkaraya", "pemkab-kemuning"}
    hr = await api.read(PLATFORM, {"filter": {"role": "hr_officer"}}, headers=ADMIN)
    assert hr["data"]["platformEvents"] == []
    refused = await api.read(AUDIT, {}, headers=ADMIN)
    assert [e["extensions"]["code"] for e in refused["errors"]] == ["FORBIDDEN"]
    download = await api.client.get("/exports/platform-events.jsonl", headers=ADMIN)
    lines = [json.loads(text) for text in download.text.splitlines()]
    assert [line["position"] for line in lines] == [e["position"] for e in events]


async def test_an_hr_officer_may_not_run_audit_queries(api: Api) -> None:
    body = await api.read(AUDIT, {}, headers=HR)
    assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]


async def test_an_audit_query_downloads_as_json_lines_stamped_with_position_and_checkpoint(
    api: Api,
) -> None:
    await record_a_career(api)
    consistent = {"x-min-position": str(api.last_position)}
    response = await api.client.get(
        "/exports/audit-events.jsonl?actor=hr-budi&text=prestasi", headers=AUDITOR | consistent
    )
    assert response.status_code == 200, response.text
    [line] = [json.loads(text) for text in response.text.splitlines()]
    assert line["type"] == "Promoted"
    assert line["payload"]["to_golongan"] == "III/b"
    assert line["log_position"] == int(response.headers["x-jejak-position"])
    assert {"ledger_size", "ledger_root"} <= set(line)
    as_csv = await api.client.get(
        "/exports/audit-events.csv?type=Promoted", headers=AUDITOR | consistent
    )
    header = as_csv.text.splitlines()[0]
    assert header.endswith("ledger_size,ledger_root,log_position")
    refused = await api.client.get("/exports/audit-events.csv", headers=HR)
    assert refused.status_code == 403
