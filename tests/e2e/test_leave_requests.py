"""Leave as a request over HTTP: the employee asks under their own NIP, their kepala considers
it, HR decides under the PPK's recorded delegation, and the balance is charged in working
days that skip the holidays; CLTN decided by HR is refused."""

from __future__ import annotations

from typing import Any

import pytest

from scripts.datagen.policies import HOLIDAY_LISTS
from tests.e2e.conftest import ADMIN, HR, TENANT, Api
from tests.e2e.steps import APPOINT, appointment, create_unit, nip_of
from tests.tokens import bearer

pytestmark = pytest.mark.e2e

RECORD_POLICY = """mutation($input: RecordPolicyValuesInput!) {
  recordPolicyValues(input: $input) { version position } }"""
REQUEST = """mutation($input: RequestLeaveInput!) {
  requestLeave(input: $input) { requestId version position } }"""
RECOMMEND = """mutation($input: RecommendLeaveInput!) {
  recommendLeave(input: $input) { requestId version position } }"""
DECIDE = """mutation($input: DecideLeaveInput!) {
  decideLeave(input: $input) { requestId version position } }"""
MY_LEAVE = """query { myLeave(year: 2026) { nip balance { used remaining }
  requests { leaveType start end status recommendation decision authority delegation reason } } }"""
REQUESTS = """query($nip: String!) { leaveRequests(nip: $nip) { status reason decidedBy } }"""
DECREE = "Keputusan Wali Kota Palangka Raya Nomor 800.1/12/BKPSDM/2026"
EMPLOYEE, HEAD = nip_of(1), nip_of(9)


def person(nip: str, role: str) -> dict[str, str]:
    return bearer(nip, role, TENANT, nip=nip)


async def as_caller(
    api: Api, headers: dict[str, str], query: str, variables: dict[str, Any]
) -> dict[str, Any]:
    """A command as another caller; remembers the position it returned."""
    body = await api.graphql(query, variables, headers)
    if "errors" not in body:
        [payload] = body["data"].values()
        api.last_position = max(api.last_position, payload["position"])
    return body


async def office_with_policy(api: Api) -> None:
    """The 2026 calendar (admin), the PPK's delegation (HR), an employee and their kepala."""
    listed = HOLIDAY_LISTS[-1]
    calendar = {
        "kind": "holidays", "scope": "national", "label": "2026", "effectiveFrom": "2026-01-01",
        "values": listed.values(), "source": listed.source, "reason": "SKB 2026",
    }  # fmt: skip
    assert "errors" not in await as_caller(api, ADMIN, RECORD_POLICY, {"input": calendar})
    authority = {
        "kind": "leave_authority", "scope": TENANT, "label": "Delegasi cuti 2026",
        "effectiveFrom": "2026-01-01", "source": DECREE,
        "values": {
            "ppk_user_id": "walikota", "ppk_name": "Wali Kota Palangka Raya",
            "delegated_kinds": ["CT", "CS", "CAP", "CM"], "delegation": DECREE,
        },
    }  # fmt: skip
    await api.command(RECORD_POLICY, {"input": authority})
    unit_id = await create_unit(api, "DISKOMINFO")
    await api.command(APPOINT, {"input": appointment(1, unit_id)})
    kepala = {"kind": "ADMINISTRATOR", "title": "Kepala Dinas Komunikasi dan Informatika"}
    await api.command(APPOINT, {"input": appointment(9, unit_id, jabatan=kepala)})


async def asked_and_recommended(api: Api, leave: dict[str, Any]) -> str:
    asked = await as_caller(api, person(EMPLOYEE, "employee"), REQUEST, {"input": leave})
    request_id = str(asked["data"]["requestLeave"]["requestId"])
    agreed = {"requestId": request_id, "nip": EMPLOYEE, "consideration": "DISETUJUI"}
    await api.read(REQUESTS, {"nip": EMPLOYEE})  # the team check reads who heads the unit
    recommended = await as_caller(api, person(HEAD, "supervisor"), RECOMMEND, {"input": agreed})
    assert "errors" not in recommended, recommended
    return request_id


async def test_a_request_recommended_and_decided_under_delegation_skips_the_holidays(
    api: Api,
) -> None:
    await office_with_policy(api)
    # the employee asks for 21–25 December 2026 (24 cuti bersama, 25 Natal); the kepala agrees
    christmas = {
        "leaveType": "CT", "start": "2026-12-21", "end": "2026-12-25",
        "reason": "Natal bersama keluarga",
    }  # fmt: skip
    request_id = await asked_and_recommended(api, christmas)
    # HR decides under the delegation
    decided = await as_caller(
        api, HR, DECIDE, {"input": {"requestId": request_id, "consideration": "DISETUJUI"}}
    )
    assert "errors" not in decided, decided
    # the employee sees three working days charged and the request granted under the decree
    mine = await api.read(MY_LEAVE, headers=person(EMPLOYEE, "employee"))
    assert mine["data"]["myLeave"]["balance"]["used"] == 3
    [request] = mine["data"]["myLeave"]["requests"]
    assert request == {
        "leaveType": "CT", "start": "2026-12-21", "end": "2026-12-25", "status": "GRANTED",
        "recommendation": "DISETUJUI", "decision": "DISETUJUI", "authority": "DELEGATION",
        "delegation": DECREE, "reason": "Natal bersama keluarga",
    }  # fmt: skip
    # HR reads the person's requests too; a colleague may not
    assert (await api.read(REQUESTS, {"nip": EMPLOYEE}))["data"]["leaveRequests"] == [
        {"status": "GRANTED", "reason": "Natal bersama keluarga", "decidedBy": "hr-budi"}
    ]
    colleague = await api.read(REQUESTS, {"nip": EMPLOYEE}, headers=person(nip_of(2), "employee"))
    assert colleague["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_cltn_decided_by_hr_is_refused_as_not_delegable(api: Api) -> None:
    await office_with_policy(api)
    cltn = {
        "leaveType": "CLTN", "start": "2027-01-04", "end": "2027-12-31",
        "reason": "Mendampingi suami tugas belajar",
    }  # fmt: skip
    request_id = await asked_and_recommended(api, cltn)

    refused = await as_caller(
        api, HR, DECIDE, {"input": {"requestId": request_id, "consideration": "DISETUJUI"}}
    )

    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert "not delegable" in refused["errors"][0]["message"]


async def test_only_the_employees_own_team_head_recommends(api: Api) -> None:
    await office_with_policy(api)
    leave = {"leaveType": "CT", "start": "2026-12-21", "end": "2026-12-23"}
    asked = await as_caller(api, person(EMPLOYEE, "employee"), REQUEST, {"input": leave})
    request_id = asked["data"]["requestLeave"]["requestId"]
    agreed = {"requestId": request_id, "nip": EMPLOYEE, "consideration": "DISETUJUI"}
    await api.read(REQUESTS, {"nip": EMPLOYEE})  # the team check reads who heads the unit

    outsider = await as_caller(api, person(nip_of(2), "supervisor"), RECOMMEND, {"input": agreed})

    assert outsider["errors"][0]["extensions"]["code"] == "FORBIDDEN"
