"""Tenants are registered by the platform admin; a caller of an unknown tenant is refused;
ids and NIPs of another tenant answer exactly like ones that exist nowhere."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from tests.e2e.conftest import ADMIN, HR, REGISTER_TENANT, TENANT, Api
from tests.e2e.steps import APPOINT, CREATE_UNIT
from tests.tokens import bearer

pytestmark = pytest.mark.e2e

KEMUNING = "pemkab-kemuning"
KEMUNING_HR = bearer("hr-sari", "hr_officer", KEMUNING)
TENANTS = "{ tenants { code name kind registeredAt position } }"
OPEN_CYCLE = """mutation($input: OpenAppraisalCycleInput!) {
  openAppraisalCycle(input: $input) { cycleId position } }"""
RECORD_AWARD = """mutation($input: RecordAwardInput!) { recordAward(input: $input) { position } }"""
THEIR_NIP = "198609262015051001"  # appointed in Kemuning below
NOWHERE_NIP = "199001012018031003"  # appointed nowhere


def unit_input(code: str, kind: str = "DINAS") -> dict[str, Any]:
    return {"input": {"code": code, "name": f"Dinas {code}", "kind": kind}}


def appointment(nip: str, unit_id: str) -> dict[str, Any]:
    return {
        "input": {
            "nip": nip,
            "name": "Budi Santoso",
            "employmentType": "PNS",
            "golongan": "III/a",
            "jabatan": {"kind": "PELAKSANA", "title": "Pengadministrasi Umum"},
            "unitId": unit_id,
            "appointedOn": "2015-05-01",
        }
    }


def refusal(body: dict[str, Any], asked: str) -> tuple[str, str]:
    """The one error's code and message, with what was asked about blanked out."""
    assert body["data"] is None or not any(body["data"].values()), body
    [error] = body["errors"]
    return error["extensions"]["code"], error["message"].replace(asked, "<asked>")


async def as_kemuning(api: Api, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    body = await api.graphql(query, variables, KEMUNING_HR)
    assert "errors" not in body, body
    [payload] = body["data"].values()
    api.last_position = max(api.last_position, payload["position"])
    return dict(payload)


async def log_head(api: Api) -> int:
    """The position every read model has reached once they caught up with this client."""
    body = await api.read("{ tenants { position } }", headers=ADMIN)
    assert "errors" not in body, body
    return api.last_position


# --- registering ---------------------------------------------------------------------------
async def test_the_platform_admin_registers_an_instansi_and_lists_every_one(api: Api) -> None:
    # when
    body = await api.graphql(
        REGISTER_TENANT,
        {"input": {"code": "pemprov-kalteng", "name": "Pemerintah Provinsi Kalteng",
                   "kind": "PEMPROV"}},
        ADMIN,
    )  # fmt: skip
    # then
    assert "errors" not in body, body
    api.last_position = body["data"]["registerTenant"]["position"]
    listed = await api.read(TENANTS, headers=ADMIN)
    assert [t["code"] for t in listed["data"]["tenants"]] == [
        KEMUNING,
        TENANT,
        "pemprov-kalteng",
    ]
    [kalteng] = [t for t in listed["data"]["tenants"] if t["code"] == "pemprov-kalteng"]
    assert (kalteng["name"], kalteng["kind"]) == ("Pemerintah Provinsi Kalteng", "PEMPROV")
    assert kalteng["position"] == api.last_position


async def test_anyone_else_sees_only_their_own_tenant(api: Api) -> None:
    body = await api.read(TENANTS, headers=KEMUNING_HR)
    assert [t["code"] for t in body["data"]["tenants"]] == [KEMUNING]


async def test_an_hr_officer_may_not_register_an_instansi(api: Api) -> None:
    # when
    body = await api.graphql(
        REGISTER_TENANT,
        {"input": {"code": "pemkot-baru", "name": "Pemerintah Kota Baru", "kind": "PEMKOT"}},
        HR,
    )
    # then
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    admin_view = await api.read(TENANTS, headers=ADMIN)
    assert "pemkot-baru" not in {t["code"] for t in admin_view["data"]["tenants"]}


async def test_registering_a_tenant_twice_is_refused(api: Api) -> None:
    body = await api.graphql(
        REGISTER_TENANT,
        {"input": {"code": KEMUNING, "name": "Kemuning lagi", "kind": "PEMKAB"}},
        ADMIN,
    )
    assert refusal(body, KEMUNING) == (
        "TENANT_ALREADY_REGISTERED",
        "Instansi '<asked>' is registered already.",
    )


# --- unknown tenants -----------------------------------------------------------------------
async def test_a_caller_of_an_unknown_tenant_is_refused_before_any_command_runs(
    api: Api,
) -> None:
    # given
    before = await log_head(api)
    stranger = bearer("hr-x", "hr_officer", "pemkot-tidak-ada")
    # when
    response = await api.client.post(
        "/graphql", json={"query": CREATE_UNIT, "variables": unit_input("DISDIK")},
        headers=stranger,
    )  # fmt: skip
    # then
    assert response.status_code == 403
    [error] = response.json()["errors"]
    assert error["extensions"] == {"code": "UNAUTHENTICATED", "reason": "UNKNOWN_TENANT"}
    assert "pemkot-tidak-ada" in error["message"]
    assert await log_head(api) == before


async def test_a_tenant_registered_just_now_is_admitted_when_its_position_is_sent(
    api: Api,
) -> None:
    # given
    body = await api.graphql(
        REGISTER_TENANT,
        {"input": {"code": "pemkot-baru", "name": "Pemerintah Kota Baru", "kind": "PEMKOT"}},
        ADMIN,
    )
    position = body["data"]["registerTenant"]["position"]
    newcomer = bearer("hr-baru", "hr_officer", "pemkot-baru") | {"x-min-position": str(position)}
    # when
    created = await api.graphql(CREATE_UNIT, unit_input("DISDIK"), newcomer)
    # then
    assert "errors" not in created, created
    assert created["data"]["createUnit"]["position"] == position + 1


# --- no existence oracles across tenants ---------------------------------------------------
async def test_opening_a_cycle_naming_another_tenants_unit_answers_like_a_random_id(
    api: Api,
) -> None:
    # given Kemuning's unit, and our own
    theirs = (await as_kemuning(api, CREATE_UNIT, unit_input("DISDIK")))["unitId"]
    ours = (await api.command(CREATE_UNIT, unit_input("BKPSDM", "BADAN")))["unitId"]
    random_id = str(uuid.uuid4())

    async def open_cycle(unit_id: str) -> dict[str, Any]:
        variables = {"input": {"year": 2025, "period": "QUARTERLY", "unitIds": [ours, unit_id]}}
        return await api.graphql(OPEN_CYCLE, variables)

    # when
    elsewhere = refusal(await open_cycle(theirs), theirs)
    nowhere = refusal(await open_cycle(random_id), random_id)
    # then
    assert elsewhere == nowhere == ("UNIT_NOT_FOUND", f"No unit kerja <asked> in {TENANT}.")


async def test_appointing_a_nip_of_another_tenant_says_only_that_it_cannot_be_appointed_here(
    api: Api,
) -> None:
    # given Kemuning's employee, and our own unit
    theirs = (await as_kemuning(api, CREATE_UNIT, unit_input("DISDIK")))["unitId"]
    await as_kemuning(api, APPOINT, appointment(THEIR_NIP, theirs))
    ours = (await api.command(CREATE_UNIT, unit_input("BKPSDM", "BADAN")))["unitId"]
    # when
    body = await api.graphql(APPOINT, appointment(THEIR_NIP, ours))
    # then
    assert refusal(body, THEIR_NIP) == (
        "NIP_NOT_APPOINTABLE",
        "NIP <asked> cannot be appointed here.",
    )
    assert KEMUNING not in body["errors"][0]["message"]


async def test_recording_an_award_for_another_tenants_nip_answers_like_a_nip_nobody_holds(
    api: Api,
) -> None:
    # given Kemuning's employee
    theirs = (await as_kemuning(api, CREATE_UNIT, unit_input("DISDIK")))["unitId"]
    await as_kemuning(api, APPOINT, appointment(THEIR_NIP, theirs))

    async def award(nip: str) -> dict[str, Any]:
        variables = {
            "input": {
                "nip": nip,
                "kind": "PENGHARGAAN_INSTANSI",
                "title": "Pegawai Teladan",
                "awardedOn": "2025-06-02",
            }
        }
        return await api.graphql(RECORD_AWARD, variables)

    # when
    elsewhere = refusal(await award(THEIR_NIP), THEIR_NIP)
    nowhere = refusal(await award(NOWHERE_NIP), NOWHERE_NIP)
    # then
    assert (
        elsewhere
        == nowhere
        == (
            "EMPLOYEE_NOT_FOUND",
            f"No employee with NIP <asked> in {TENANT}.",
        )
    )
