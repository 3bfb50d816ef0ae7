from __future__ import annotations

from datetime import date

from graphql_api.employees.queries import MAX_PAGE_SIZE
from graphql_api.ids import nip_cursor
from projections.career import CareerEntry
from projections.leave import LeaveEntry
from tests.unit.graphql.conftest import (
    NOW,
    OTHER_TENANT,
    FakeReadModels,
    FakeRuntime,
    codes,
    employee_row,
    execute,
    make_context,
    nip_of,
    unit_row,
)

EMPLOYEE = """query($nip: String, $id: ID) { employee(nip: $nip, id: $id) {
  id nip name employmentType golongan pangkat status version
  jabatan { kind title jenjang } unit { id code }
} }"""

PAGE = """query($unit: ID!, $first: Int!, $after: String, $sub: Boolean! = true) {
  employees(unitId: $unit, first: $first, after: $after, includeSubunits: $sub) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { nip unit { code } } }
} }"""


async def test_an_employee_is_found_by_a_formatted_nip(
    read_models: FakeReadModels, runtime: FakeRuntime
) -> None:
    dinas = unit_row("DISDIK")
    read_models.units, read_models.employees = [dinas], [employee_row(nip_of(1), dinas)]
    result = await execute(make_context(runtime), EMPLOYEE, {"nip": "19900101 201503 1 001"})
    assert result.errors is None
    employee = result.data["employee"]
    assert employee["nip"] == nip_of(1)
    assert employee["pangkat"] == "Penata Muda"
    assert employee["jabatan"] == {
        "kind": "PELAKSANA",
        "title": "Pengadministrasi Umum",
        "jenjang": None,
    }
    assert employee["unit"] == {"id": str(dinas.id), "code": "DISDIK"}


async def test_an_employee_is_found_by_id(
    read_models: FakeReadModels, runtime: FakeRuntime
) -> None:
    dinas = unit_row("DISDIK")
    row = employee_row(nip_of(1), dinas)
    read_models.units, read_models.employees = [dinas], [row]
    result = await execute(make_context(runtime), EMPLOYEE, {"id": str(row.id)})
    assert result.data["employee"]["nip"] == nip_of(1)


async def test_another_tenants_employee_is_not_shown(
    read_models: FakeReadModels, runtime: FakeRuntime
) -> None:
    elsewhere = unit_row("DISDIK", tenant=OTHER_TENANT)
    read_models.units, read_models.employees = [elsewhere], [employee_row(nip_of(1), elsewhere)]
    result = await execute(make_context(runtime), EMPLOYEE, {"nip": nip_of(1)})
    assert result.errors is None
    assert result.data == {"employee": None}


async def test_asking_for_an_employee_by_both_nip_and_id_is_an_invalid_argument(
    read_models: FakeReadModels, runtime: FakeRuntime
) -> None:
    result = await execute(make_context(runtime), EMPLOYEE, {"nip": nip_of(1), "id": "x"})
    assert codes(result) == ["INVALID_ARGUMENT"]


async def test_reading_without_an_identity_is_unauthenticated(
    read_models: FakeReadModels, runtime: FakeRuntime
) -> None:
    result = await execute(make_context(runtime, role=None), EMPLOYEE, {"nip": nip_of(1)})
    assert codes(result) == ["UNAUTHENTICATED"]
    assert "bearer token" in result.errors[0].message
    assert read_models.calls == []


async def test_a_page_of_fifty_employees_loads_their_units_in_one_batch(
    read_models: FakeReadModels, runtime: FakeRuntime
) -> None:
    dinas = unit_row("DISDIK")
    bidangs = [unit_row(f"B{i}", dinas) for i in range(5)]
    read_models.units = [dinas, *bidangs]
    read_models.employees = [employee_row(nip_of(i), bidangs[i % 5]) for i in range(1, 51)]
    result = await execute(make_context(runtime), PAGE, {"unit": str(dinas.id), "first": 50})
    assert result.errors is None
    assert len(result.data["employees"]["edges"]) == 50
    assert read_models.names_called() == ["list_employees", "units_by_ids"]
    [(_, keys)] = [call for call in read_models.calls if call[0] == "units_by_ids"]
    assert sorted(keys) == sorted(b.id for b in bidangs)


async def test_pages_continue_after_the_end_cursor(
    read_models: FakeReadModels, runtime: FakeRuntime
) -> None:
    dinas = unit_row("DISDIK")
    read_models.units = [dinas]
    read_models.employees = [employee_row(nip_of(i), dinas) for i in range(1, 6)]
    first = await execute(make_context(runtime), PAGE, {"unit": str(dinas.id), "first": 3})
    page = first.data["employees"]
    assert page["totalCount"] == 5
    assert page["pageInfo"] == {"hasNextPage": True, "endCursor": nip_cursor(nip_of(3))}
    variables = {"unit": str(dinas.id), "first": 3, "after": page["pageInfo"]["endCursor"]}
    second = await execute(make_context(runtime), PAGE, variables)
    rest = second.data["employees"]
    assert [e["node"]["nip"] for e in rest["edges"]] == [nip_of(4), nip_of(5)]
    assert rest["pageInfo"]["hasNextPage"] is False


async def test_more_than_a_hundred_per_page_is_refused_as_page_too_large(
    read_models: FakeReadModels, runtime: FakeRuntime
) -> None:
    result = await execute(
        make_context(runtime), PAGE, {"unit": str(unit_row("X").id), "first": MAX_PAGE_SIZE + 1}
    )
    assert codes(result) == ["PAGE_TOO_LARGE"]
    assert result.errors[0].extensions["max"] == MAX_PAGE_SIZE
    assert read_models.calls == []


async def test_a_cursor_the_api_did_not_give_out_is_an_invalid_argument(
    read_models: FakeReadModels, runtime: FakeRuntime
) -> None:
    variables = {"unit": str(unit_row("X").id), "first": 5, "after": "not-a-cursor"}
    result = await execute(make_context(runtime), PAGE, variables)
    assert codes(result) == ["INVALID_ARGUMENT"]


async def test_career_histories_of_a_page_are_loaded_in_one_batch(
    read_models: FakeReadModels, runtime: FakeRuntime
) -> None:
    dinas = unit_row("DISDIK")
    rows = [employee_row(nip_of(i), dinas) for i in range(1, 4)]
    read_models.units, read_models.employees = [dinas], rows
    read_models.careers[rows[0].id] = [
        CareerEntry(7, rows[0].id, "PROMOTED", date(2019, 4, 1), NOW, "PNS", "III/b",
                    "PELAKSANA", "Pengadministrasi Umum", dinas.id, "ACTIVE", "III/a → III/b",
                    "hr-1", "hr_officer", None),
    ]  # fmt: skip
    query = """query($unit: ID!) { employees(unitId: $unit) { edges { node {
      careerHistory { kind effectiveOn golongan detail unit { code } } } } } }"""
    result = await execute(make_context(runtime), query, {"unit": str(dinas.id)})
    assert result.errors is None
    histories = [e["node"]["careerHistory"] for e in result.data["employees"]["edges"]]
    assert histories[0] == [
        {"kind": "PROMOTED", "effectiveOn": "2019-04-01", "golongan": "III/b",
         "detail": "III/a → III/b", "unit": {"code": "DISDIK"}},
    ]  # fmt: skip
    assert read_models.names_called().count("career_histories") == 1


async def test_leave_records_and_the_balance_of_a_year_are_shown(
    read_models: FakeReadModels, runtime: FakeRuntime
) -> None:
    dinas = unit_row("DISDIK")
    row = employee_row(nip_of(1), dinas)
    read_models.units, read_models.employees = [dinas], [row]
    read_models.leave[row.id] = [
        LeaveEntry(9, row.id, "CT", date(2024, 5, 6), date(2024, 5, 8), 3, None)
    ]
    query = """query($nip: String) { employee(nip: $nip) {
      leaveRecords { leaveType start end days } leaveBalance(year: 2024) { used remaining } } }"""
    result = await execute(make_context(runtime), query, {"nip": row.nip})
    assert result.errors is None
    assert result.data["employee"]["leaveRecords"] == [
        {"leaveType": "CT", "start": "2024-05-06", "end": "2024-05-08", "days": 3}
    ]
    assert result.data["employee"]["leaveBalance"] == {"used": 3, "remaining": 9}


async def test_a_leave_balance_of_an_absurd_year_is_an_invalid_argument(
    read_models: FakeReadModels, runtime: FakeRuntime
) -> None:
    dinas = unit_row("DISDIK")
    read_models.units, read_models.employees = [dinas], [employee_row(nip_of(1), dinas)]
    query = "query($nip: String) { employee(nip: $nip) { leaveBalance(year: 99999) { used } } }"
    result = await execute(make_context(runtime), query, {"nip": nip_of(1)})
    assert codes(result) == ["INVALID_ARGUMENT"]
