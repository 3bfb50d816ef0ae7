"""Two time axes over the career and leave read models: the record as known, and as valid.

The career and leave tables already hold one row per event with both axes: `position` is
when a fact became known (its known range is [position, ∞): the log is never rewritten),
`effective_on` / `start_on` is when it took effect (its valid range runs to the next fact of
the same kind). So an answer "known at position P, valid on D" keeps the rows with
position <= P and effective date <= D and takes, per facet, the latest by effective date.
No second copy of the history is kept (docs/benchmarks.md, "Time travel", says why).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from uuid import UUID

import asyncpg

from domain.employment import EmploymentType, Sex
from domain.leave import (
    AnnualLeaveBalance,
    LeaveContext,
    LeaveRecord,
    LeaveType,
    annual_leave_balance,
)
from projections.base import READ_SCHEMA
from projections.career import CareerEntry
from projections.employees import EmployeeRow
from projections.jp_ledger import CreditRow
from projections.leave import LeaveEntry


@dataclass(frozen=True)
class TimePoint:
    """Where an answer stands on both axes: a log position and a valid date."""

    position: int
    known_at: datetime | None
    valid_on: date


# Which facets of the record each career kind sets (with the row's state after it).
_FACETS = """CASE c.kind
    WHEN 'APPOINTED' THEN ARRAY['golongan', 'jabatan', 'unit', 'type', 'status']
    WHEN 'PROMOTED' THEN ARRAY['golongan'] WHEN 'JABATAN_CHANGED' THEN ARRAY['jabatan']
    WHEN 'TRANSFERRED' THEN ARRAY['unit'] WHEN 'CONFIRMED_AS_PNS' THEN ARRAY['type']
    WHEN 'EMPLOYMENT_ENDED' THEN ARRAY['status'] ELSE ARRAY[]::text[] END"""

_FACET_NAMES = ("golongan", "jabatan", "unit", "type", "status")
_STATE_AS_OF = f"""
SELECT DISTINCT ON (facet) facet, c.position, c.effective_on, c.employment_type, c.golongan,
       c.jabatan_kind, c.jabatan_title, c.unit_id, c.status, c.detail,
       CASE WHEN facet = 'jabatan' THEN (SELECT l.payload->>'jabatan_jenjang'
            FROM {READ_SCHEMA}.event_log l WHERE l.position = c.position) END AS jenjang,
       (SELECT max(l.originator_version) FROM {READ_SCHEMA}.event_log l
         WHERE l.originator_id = $1 AND l.position <= $2) AS version
FROM {READ_SCHEMA}.career_entries c, unnest({_FACETS}) AS facet
WHERE c.employee_id = $1 AND c.position <= $2 AND c.effective_on <= $3
ORDER BY facet, c.effective_on DESC, c.position DESC"""


async def reached_position(pool: asyncpg.Pool) -> int:
    """The log position every read model has reached: what "now" means on the known axis."""
    value = await pool.fetchval(
        f"SELECT coalesce(min(position), 0) FROM {READ_SCHEMA}.projection_positions"
    )
    return int(value or 0)


async def point_for(
    pool: asyncpg.Pool,
    employee_id: UUID | None,
    *,
    known_at: datetime | None,
    position: int | None,
    valid_on: date,
) -> TimePoint:
    """Resolve the known axis to a log position, never past what the read models reached.

    A time names the last of the employee's own events recorded by then: their record is
    the fold of their events, so the log up to that position is the record known then.
    Without an employee (the unit tree), the last of the tenant's events recorded by then.
    """
    reached = await reached_position(pool)
    if position is not None:
        return TimePoint(min(position, reached), None, valid_on)
    if known_at is None:
        return TimePoint(reached, None, valid_on)
    if employee_id is None:  # row-level security keeps it to the caller's tenant
        found = await pool.fetchval(
            f"SELECT coalesce(max(position), 0) FROM {READ_SCHEMA}.event_log "
            "WHERE recorded_at <= $1 AND position <= $2",
            known_at,
            reached,
        )
        return TimePoint(int(found or 0), known_at, valid_on)
    found = await pool.fetchval(
        f"SELECT coalesce(max(position), 0) FROM {READ_SCHEMA}.event_log "
        "WHERE originator_id = $1 AND recorded_at <= $2 AND position <= $3",
        employee_id,
        known_at,
        reached,
    )
    return TimePoint(int(found or 0), known_at, valid_on)


async def employee_as_of(
    pool: asyncpg.Pool, current: EmployeeRow, point: TimePoint
) -> EmployeeRow | None:
    """The employee's row as known at the point's position and valid on its date; None if
    the appointment was not yet known, or not yet in effect, there."""
    records = await pool.fetch(_STATE_AS_OF, current.id, point.position, point.valid_on)
    facets = {record["facet"]: record for record in records}
    if len(facets) < len(_FACET_NAMES):  # no appointment known and in force at this point
        return None
    unit, jabatan = facets["unit"], facets["jabatan"]
    status = facets["status"]
    ended = status["status"] == "ENDED"
    return replace(
        current,
        employment_type=facets["type"]["employment_type"],
        golongan=facets["golongan"]["golongan"],
        jabatan_kind=jabatan["jabatan_kind"],
        jabatan_title=jabatan["jabatan_title"],
        jabatan_jenjang=jabatan["jenjang"],
        unit_id=unit["unit_id"],
        status=status["status"],
        separation=status["detail"] if ended else None,
        ended_on=status["effective_on"] if ended else None,
        version=int(records[0]["version"] or 1),
        last_position=max(record["position"] for record in records),
    )


def career_as_of(entries: Sequence[CareerEntry], point: TimePoint) -> list[CareerEntry]:
    """The career entries known at the point and in effect by its date, in log order."""
    return [e for e in entries if e.position <= point.position and e.effective_on <= point.valid_on]


def leave_as_of(entries: Sequence[LeaveEntry], point: TimePoint) -> list[LeaveEntry]:
    """The leave known at the point and started by its date."""
    return [e for e in entries if e.position <= point.position and e.start <= point.valid_on]


def leave_balance_as_of(
    entries: Sequence[LeaveEntry], employee: EmployeeRow, year: int, point: TimePoint
) -> AnnualLeaveBalance:
    """The cuti tahunan balance of `year` from the leave known and started at the point."""
    history = [
        LeaveRecord(LeaveType(e.leave_type), e.start, e.end, e.days)
        for e in leave_as_of(entries, point)
    ]
    context = LeaveContext(
        EmploymentType(employee.employment_type), Sex(employee.sex), employee.service_start
    )
    return annual_leave_balance(year, history, context)


def credits_as_of(rows: Sequence[CreditRow], point: TimePoint) -> list[CreditRow]:
    """The JP credits known at the point and completed by its date."""
    return [r for r in rows if r.position <= point.position and r.completed_on <= point.valid_on]
