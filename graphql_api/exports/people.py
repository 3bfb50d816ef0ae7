"""Exports of people: a unit's roster, and the cuti tahunan balances of its employees."""

from __future__ import annotations

from collections.abc import AsyncIterator
from uuid import UUID

from access.roles import READERS
from graphql_api.employees.queries import MAX_PAGE_SIZE
from graphql_api.employees.types import Employee
from graphql_api.exports.sheet import Export, Params, Reading, Row
from graphql_api.leave.types import LeaveBalance
from projections.employees import EmployeeFilter, EmployeeRow, list_employees
from projections.leave import leave_balance
from projections.units import UnitRow, units_by_ids


async def _employees(reading: Reading, params: Params) -> AsyncIterator[list[EmployeeRow]]:
    """The `employees` query's pages (unit, sub-units by default), by NIP, until the last."""
    unit, subunits = params.unit(), params.subunits()
    assert unit is not None
    after: str | None = None
    while True:
        page = await list_employees(
            reading.pool, tenant=reading.tenant, unit_id=unit, include_subunits=subunits,
            filter=EmployeeFilter(), first=MAX_PAGE_SIZE, after_nip=after,
        )  # fmt: skip
        if page.rows:
            yield page.rows
        if not page.has_next or not page.rows:
            return
        after = page.rows[-1].nip


async def roster_rows(reading: Reading, params: Params) -> AsyncIterator[Row]:
    """One row per employee, with their unit's name (looked up once per unit)."""
    units: dict[UUID, UnitRow] = {}
    async for rows in _employees(reading, params):
        missing = list(dict.fromkeys(r.unit_id for r in rows if r.unit_id not in units))
        units.update({u.id: u for u in await units_by_ids(reading.pool, missing) if u})
        for row in rows:
            e = Employee.from_row(row)
            unit = units.get(row.unit_id)
            yield [
                e.nip, e.name, e.employment_type.value, e.golongan, e.pangkat,
                e.jabatan.kind.value, e.jabatan.title, e.status.value, e.appointed_on,
                e.service_start, str(row.unit_id), unit.name if unit else None,
            ]  # fmt: skip


async def leave_rows(reading: Reading, params: Params) -> AsyncIterator[Row]:
    """One row per employee the guard lets the caller see; each read goes to the access log."""
    year = params.year()
    try:
        async for rows in _employees(reading, params):
            for row in rows:
                if not await reading.guard.may_see(row.id, frozenset(), "Employee.leaveBalance"):
                    continue
                b = LeaveBalance.from_balance(await leave_balance(reading.pool, row, year))
                yield [row.nip, row.name, year, b.entitlement, b.carried_over, b.used, b.remaining]
            await reading.guard.flush()  # page by page: the log keeps up, memory stays bounded
    finally:
        await reading.guard.flush()  # also the reads sent before a client went away


ROSTER = Export(
    name="roster",
    root="employees",
    fields=(
        "Employee.nip",
        "Employee.name",
        "Employee.employmentType",
        "Employee.golongan",
        "Employee.pangkat",
        "Employee.jabatan",
        "Jabatan.kind",
        "Jabatan.title",
        "Employee.status",
        "Employee.appointedOn",
        "Employee.serviceStart",
        "Employee.unit",
        "Unit.id",
        "Unit.name",
    ),
    columns=(
        "nip",
        "name",
        "employment_type",
        "golongan",
        "pangkat",
        "jabatan_kind",
        "jabatan_title",
        "status",
        "appointed_on",
        "service_start",
        "unit_id",
        "unit_name",
    ),
    rows=roster_rows,
)

LEAVE_BALANCES = Export(
    name="leave-balances",
    root="employees",
    fields=(
        "Employee.nip",
        "Employee.name",
        "Employee.leaveBalance",
        "LeaveBalance.year",
        "LeaveBalance.entitlement",
        "LeaveBalance.carriedOver",
        "LeaveBalance.used",
        "LeaveBalance.remaining",
    ),
    columns=("nip", "name", "year", "entitlement", "carried_over", "used", "remaining"),
    rows=leave_rows,
    roles=READERS,  # private data of a whole unit: HR and auditors only
)
