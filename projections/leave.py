"""Read model of leave (cuti) granted; balances are computed by the domain's own rule."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date
from typing import Any, ClassVar
from uuid import UUID

import asyncpg
from psycopg import Cursor

from domain.employment import EmploymentType, Sex
from domain.leave import (
    AnnualLeaveBalance,
    LeaveContext,
    LeaveRecord,
    LeaveType,
    annual_leave_balance,
)
from projections.base import READ_SCHEMA, Envelope, handlers_for
from projections.employees import EmployeeRow
from projections.security import add_tenant_column


@dataclass(frozen=True)
class LeaveEntry:
    position: int
    employee_id: UUID
    leave_type: str
    start: date
    end: date
    days: int
    reason: str | None


_FIELDS = [f.name for f in fields(LeaveEntry)]
_COLUMNS = "position, employee_id, leave_type, start_on, end_on, days, reason"


class LeaveProjection:
    name: ClassVar[str] = "leave"

    def ddl(self, schema: str) -> Sequence[str]:
        return [
            f"""CREATE TABLE IF NOT EXISTS {schema}.leave_entries (
                position bigint PRIMARY KEY, employee_id uuid NOT NULL, leave_type text NOT NULL,
                start_on date NOT NULL, end_on date NOT NULL, days int NOT NULL, reason text,
                tenant text NOT NULL)""",
            add_tenant_column(schema, "leave_entries"),
            f"CREATE INDEX IF NOT EXISTS leave_by_employee "
            f"ON {schema}.leave_entries (employee_id, start_on)",
        ]

    def apply(self, batch: Sequence[Envelope], cur: Cursor[Any], schema: str) -> None:
        rows = [handler(envelope) for handler, envelope in handlers_for(self, batch)]
        if rows:
            with cur.copy(f"COPY {schema}.leave_entries ({_COLUMNS}, tenant) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)

    def on_Employee_LeaveGranted(self, env: Envelope) -> tuple[Any, ...]:  # noqa: N802
        e = env.event
        return (
            env.position, e.originator_id, e.leave_type, e.start, e.end, e.days, e.meta.reason,
            e.meta.tenant,
        )  # fmt: skip


async def leave_records(pool: asyncpg.Pool, employee_ids: Sequence[UUID]) -> list[list[LeaveEntry]]:
    """Each employee's leave in date order, in the order of `employee_ids`."""
    records = await pool.fetch(
        f"SELECT {_COLUMNS} FROM {READ_SCHEMA}.leave_entries "
        "WHERE employee_id = ANY($1::uuid[]) ORDER BY employee_id, start_on",
        list(employee_ids),
    )
    by_employee: dict[UUID, list[LeaveEntry]] = {}
    for r in records:
        by_employee.setdefault(r["employee_id"], []).append(LeaveEntry(*r.values()))
    return [by_employee.get(employee_id, []) for employee_id in employee_ids]


async def leave_balance(pool: asyncpg.Pool, employee: EmployeeRow, year: int) -> AnnualLeaveBalance:
    """The employee's cuti tahunan balance for `year`, by the same rule the commands enforce."""
    [entries] = await leave_records(pool, [employee.id])
    history = [LeaveRecord(LeaveType(e.leave_type), e.start, e.end, e.days) for e in entries]
    context = LeaveContext(
        EmploymentType(employee.employment_type), Sex(employee.sex), employee.service_start
    )
    return annual_leave_balance(year, history, context)
