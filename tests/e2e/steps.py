"""Steps the e2e tests share: the mutations' documents and valid inputs for them."""

from __future__ import annotations

from typing import Any

from tests.e2e.conftest import Api

CREATE_UNIT = """mutation($input: CreateUnitInput!) {
  createUnit(input: $input) { unitId version position } }"""
APPOINT = """mutation($input: AppointEmployeeInput!) {
  appointEmployee(input: $input) { employeeId version position } }"""
PROMOTE = """mutation($input: PromoteEmployeeInput!) {
  promoteEmployee(input: $input) { employeeId version position } }"""
GRANT_LEAVE = """mutation($input: GrantLeaveInput!) {
  grantLeave(input: $input) { employeeId version position } }"""


def nip_of(serial: int) -> str:
    """A valid NIP: born 1990-01-01, appointed March 2015, male, the given serial."""
    return f"199001012015031{serial:03d}"


async def create_unit(api: Api, code: str, parent_id: str | None = None) -> str:
    unit = {
        "code": code,
        "name": f"Unit {code}",
        "kind": "DINAS" if parent_id is None else "BIDANG",
    }
    payload = await api.command(CREATE_UNIT, {"input": unit | {"parentId": parent_id}})
    return str(payload["unitId"])


def appointment(serial: int, unit_id: str, **changes: Any) -> dict[str, Any]:
    return {
        "nip": nip_of(serial), "name": f"Pegawai {serial}", "employmentType": "PNS",
        "golongan": "III/a", "jabatan": {"kind": "PELAKSANA", "title": "Pengadministrasi Umum"},
        "unitId": unit_id, "appointedOn": "2015-03-01",
    } | changes  # fmt: skip
