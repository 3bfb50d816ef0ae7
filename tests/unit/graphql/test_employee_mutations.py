from __future__ import annotations

import logging
from typing import Any

import pytest

from tests.unit.graphql.conftest import (
    OTHER_TENANT,
    FakeRuntime,
    codes,
    execute,
    make_context,
    nip_of,
)

CREATE_UNIT = """mutation { createUnit(input: {code: "DISDIK", name: "Dinas Pendidikan",
  kind: DINAS}) { unitId } }"""
APPOINT = """mutation($input: AppointEmployeeInput!) {
  appointEmployee(input: $input) { employeeId version position } }"""
PROMOTE = """mutation($input: PromoteEmployeeInput!) {
  promoteEmployee(input: $input) { employeeId version position } }"""


async def appointment(runtime: FakeRuntime, **changes: Any) -> dict[str, Any]:
    unit = await execute(make_context(runtime), CREATE_UNIT)
    return {
        "nip": nip_of(1), "name": "Budi Santoso", "employmentType": "PNS", "golongan": "III/a",
        "jabatan": {"kind": "PELAKSANA", "title": "Pengadministrasi Umum"},
        "unitId": unit.data["createUnit"]["unitId"], "appointedOn": "2015-03-01",
    } | changes  # fmt: skip


async def test_an_appointment_returns_the_employee_its_version_and_log_position(
    runtime: FakeRuntime,
) -> None:
    result = await execute(make_context(runtime), APPOINT, {"input": await appointment(runtime)})
    assert result.errors is None
    payload = result.data["appointEmployee"]
    assert payload["version"] == 1
    assert payload["position"] == 4  # after the two tenants' registrations and the unit
    assert runtime.personnel.get_employee(nip_of(1)).name == "Budi Santoso"


async def test_an_invalid_nip_is_refused_with_its_code_and_message(runtime: FakeRuntime) -> None:
    variables = {"input": await appointment(runtime, nip="1990")}
    result = await execute(make_context(runtime), APPOINT, variables)
    assert codes(result) == ["INVALID_NIP"]
    assert result.errors[0].message == "NIP must have 18 digits; '1990' has 4."
    assert result.data is None


async def test_a_mutation_without_identity_headers_is_unauthenticated(
    runtime: FakeRuntime,
) -> None:
    variables = {"input": await appointment(runtime)}
    result = await execute(make_context(runtime, role=None), APPOINT, variables)
    assert codes(result) == ["UNAUTHENTICATED"]


async def test_an_auditor_may_not_appoint(runtime: FakeRuntime) -> None:
    variables = {"input": await appointment(runtime)}
    result = await execute(make_context(runtime, role="auditor"), APPOINT, variables)
    assert codes(result) == ["FORBIDDEN"]


async def test_a_unit_of_another_tenant_is_not_found(runtime: FakeRuntime) -> None:
    variables = {"input": await appointment(runtime)}
    result = await execute(make_context(runtime, tenant=OTHER_TENANT), APPOINT, variables)
    assert codes(result) == ["UNIT_NOT_FOUND"]


async def test_a_stale_expected_version_is_a_conflict(runtime: FakeRuntime) -> None:
    await execute(make_context(runtime), APPOINT, {"input": await appointment(runtime)})
    promotion = {"nip": nip_of(1), "toGolongan": "III/b", "effectiveOn": "2019-04-01"}
    first = await execute(
        make_context(runtime), PROMOTE, {"input": promotion | {"expectedVersion": 1}}
    )
    assert first.data["promoteEmployee"]["version"] == 2
    stale = {"input": promotion | {"toGolongan": "III/c", "expectedVersion": 1}}
    result = await execute(make_context(runtime), PROMOTE, stale)
    assert codes(result) == ["CONFLICT"]


async def test_a_reguler_promotion_past_the_next_golongan_is_refused_as_not_one_step(
    runtime: FakeRuntime,
) -> None:
    await execute(make_context(runtime), APPOINT, {"input": await appointment(runtime)})
    promotion = {"nip": nip_of(1), "toGolongan": "III/c", "effectiveOn": "2019-04-01"}
    result = await execute(make_context(runtime), PROMOTE, {"input": promotion})
    assert codes(result) == ["PROMOTION_NOT_ONE_STEP"]


async def test_changing_an_unknown_employee_is_employee_not_found(runtime: FakeRuntime) -> None:
    promotion = {"nip": nip_of(9), "toGolongan": "III/b", "effectiveOn": "2019-04-01"}
    result = await execute(make_context(runtime), PROMOTE, {"input": promotion})
    assert codes(result) == ["EMPLOYEE_NOT_FOUND"]


async def test_leave_is_granted_and_recorded(runtime: FakeRuntime) -> None:
    await execute(make_context(runtime), APPOINT, {"input": await appointment(runtime)})
    mutation = """mutation($nip: String!) { grantLeave(input: {nip: $nip, leaveType: CT,
      start: "2024-05-06", end: "2024-05-08"}) { version position } }"""
    result = await execute(make_context(runtime), mutation, {"nip": nip_of(1)})
    assert result.errors is None
    assert result.data["grantLeave"]["version"] == 2
    assert len(runtime.personnel.get_employee(nip_of(1)).leave) == 1


async def test_an_unexpected_error_is_masked_and_logged_with_its_traceback(
    runtime: FakeRuntime, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("password=hunter2 in a connection string")

    monkeypatch.setattr(runtime.personnel, "appoint_employee", broken)
    variables = {"input": await appointment(runtime)}
    with caplog.at_level(logging.ERROR, logger="jejak.graphql"):
        result = await execute(make_context(runtime), APPOINT, variables)
    assert codes(result) == ["INTERNAL_ERROR"]
    assert result.errors[0].message == "Unexpected error"
    assert "hunter2" not in str(result.errors[0].formatted)
    [record] = caplog.records
    assert record.exc_info is not None
    assert "hunter2" in caplog.text
