"""Appoint, change and read back employees over HTTP, on a real PostgreSQL."""

from __future__ import annotations

import asyncio

import pytest

from tests.e2e.conftest import HR, Api
from tests.e2e.steps import (
    APPOINT,
    CREATE_UNIT,
    GRANT_LEAVE,
    PROMOTE,
    appointment,
    create_unit,
    nip_of,
)

pytestmark = pytest.mark.e2e

EMPLOYEE = """query($nip: String!) { employee(nip: $nip) {
  nip name employmentType golongan pangkat status version
  jabatan { kind title jenjang } unit { code headCount }
  careerHistory { kind golongan effectiveOn actorId }
  leaveRecords { leaveType days } leaveBalance(year: 2024) { used remaining }
} }"""


async def test_an_appointed_employee_is_read_back_at_the_returned_position(api: Api) -> None:
    unit_id = await create_unit(api, "DISDIK")
    payload = await api.command(APPOINT, {"input": appointment(1, unit_id)})
    assert payload["version"] == 1
    body = await api.read(EMPLOYEE, {"nip": nip_of(1)})
    assert "errors" not in body
    employee = body["data"]["employee"]
    assert employee | {"careerHistory": None} == {
        "nip": nip_of(1), "name": "Pegawai 1", "employmentType": "PNS", "golongan": "III/a",
        "pangkat": "Penata Muda", "status": "ACTIVE", "version": 1,
        "jabatan": {"kind": "PELAKSANA", "title": "Pengadministrasi Umum", "jenjang": None},
        "unit": {"code": "DISDIK", "headCount": 1}, "careerHistory": None,
        "leaveRecords": [], "leaveBalance": {"used": 0, "remaining": 24},
    }  # fmt: skip
    assert employee["careerHistory"] == [
        {
            "kind": "APPOINTED",
            "golongan": "III/a",
            "effectiveOn": "2015-03-01",
            "actorId": "hr-budi",
        }
    ]


async def test_an_invalid_nip_is_refused_and_records_nothing(api: Api) -> None:
    unit_id = await create_unit(api, "DISDIK")
    before = api.last_position
    body = await api.graphql(APPOINT, {"input": appointment(1, unit_id, nip="1990-01-01")})
    assert [e["extensions"]["code"] for e in body["errors"]] == ["INVALID_NIP"]
    assert body["data"] is None
    # The next event lands right after the last one: the refused command left no event.
    after = await api.command(APPOINT, {"input": appointment(2, unit_id)})
    assert after["position"] == before + 1


async def test_a_stale_expected_version_is_a_conflict(api: Api) -> None:
    unit_id = await create_unit(api, "DISDIK")
    await api.command(APPOINT, {"input": appointment(1, unit_id)})
    promotion = {"nip": nip_of(1), "toGolongan": "III/b", "effectiveOn": "2019-04-01"}
    await api.command(PROMOTE, {"input": promotion | {"expectedVersion": 1}})
    body = await api.graphql(
        PROMOTE, {"input": promotion | {"toGolongan": "III/c", "expectedVersion": 1}}
    )
    [error] = body["errors"]
    assert error["extensions"]["code"] == "CONFLICT"
    assert "version 2, not 1" in error["message"]


async def test_concurrent_changes_to_one_employee_both_land(api: Api) -> None:
    unit_id = await create_unit(api, "DISDIK")
    await api.command(APPOINT, {"input": appointment(1, unit_id)})
    promotion = {"nip": nip_of(1), "toGolongan": "III/b", "effectiveOn": "2019-04-01"}
    leave = {"nip": nip_of(1), "leaveType": "CT", "start": "2024-05-06", "end": "2024-05-08"}
    promoted, granted = await asyncio.gather(
        api.command(PROMOTE, {"input": promotion}), api.command(GRANT_LEAVE, {"input": leave})
    )
    assert sorted([promoted["version"], granted["version"]]) == [2, 3]
    employee = (await api.read(EMPLOYEE, {"nip": nip_of(1)}))["data"]["employee"]
    assert (employee["version"], employee["golongan"]) == (3, "III/b")
    assert employee["leaveRecords"] == [{"leaveType": "CT", "days": 3}]
    assert employee["leaveBalance"] == {"used": 3, "remaining": 21}  # 12 + 12 carried


async def test_a_mutation_without_a_bearer_token_is_unauthenticated(api: Api) -> None:
    unit = {"code": "DISDIK", "name": "Dinas Pendidikan", "kind": "DINAS"}
    response = await api.client.post(
        "/graphql", json={"query": CREATE_UNIT, "variables": {"input": unit}}
    )
    assert response.status_code == 401
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_a_malformed_json_body_is_a_bad_request(api: Api) -> None:
    response = await api.client.post(
        "/graphql", content=b'{"query": "{', headers=HR | {"content-type": "application/json"}
    )
    assert response.status_code == 400


async def test_an_unparsable_query_is_a_bad_request(api: Api) -> None:
    response = await api.client.post("/graphql", json={"query": "{ employee("}, headers=HR)
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "GRAPHQL_PARSE_FAILED"
