"""Read model of days absent without a valid reason, per employee and year, and the hukuman
decided on them; the count, the runs and the proposal are computed by the domain's rules
(domain/absence.py, domain/discipline.py) from these rows, as the commands compute them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar
from uuid import UUID

import asyncpg
from psycopg import Cursor

from projections.base import READ_SCHEMA, Envelope, handlers_for


@dataclass(frozen=True)
class AbsenceDay:
    """A recorded day: absent, or later excused with its reason and evidence."""

    day: date
    position: int
    source: str
    excused: bool
    excuse_reason: str | None
    evidence_ref: str | None


@dataclass(frozen=True)
class AbsenceDecision:
    """A hukuman imposed for the year's absences: what was imposed, on what count."""

    position: int
    imposed_kind: str
    proposed_kind: str | None
    days_absent: int
    longest_run: int
    effective_on: date
    departure_reason: str | None


class AbsencesProjection:
    name: ClassVar[str] = "absences"

    def ddl(self, schema: str) -> Sequence[str]:
        return [
            f"""CREATE TABLE IF NOT EXISTS {schema}.absence_years (
                attendance_id uuid PRIMARY KEY, employee_id uuid NOT NULL, nip text NOT NULL,
                year int NOT NULL, tenant text NOT NULL)""",
            f"CREATE INDEX IF NOT EXISTS absence_years_by_employee "
            f"ON {schema}.absence_years (employee_id, year)",
            f"""CREATE TABLE IF NOT EXISTS {schema}.absence_days (
                attendance_id uuid NOT NULL, day date NOT NULL, position bigint NOT NULL,
                source text NOT NULL, excused boolean NOT NULL DEFAULT false,
                excuse_reason text, evidence_ref text, tenant text NOT NULL,
                PRIMARY KEY (attendance_id, day))""",
            f"""CREATE TABLE IF NOT EXISTS {schema}.absence_decisions (
                position bigint PRIMARY KEY, attendance_id uuid NOT NULL,
                imposed_kind text NOT NULL, proposed_kind text, days_absent int NOT NULL,
                longest_run int NOT NULL, effective_on date NOT NULL, departure_reason text,
                tenant text NOT NULL)""",
            f"CREATE INDEX IF NOT EXISTS absence_decisions_by_year "
            f"ON {schema}.absence_decisions (attendance_id)",
        ]

    def apply(self, batch: Sequence[Envelope], cur: Cursor[Any], schema: str) -> None:
        for handler, envelope in handlers_for(self, batch):
            sql, params = handler(envelope)
            cur.execute(sql.format(s=schema), params)

    def on_Attendance_Opened(self, env: Envelope) -> tuple[str, tuple[Any, ...]]:  # noqa: N802
        e = env.event
        return (
            "INSERT INTO {s}.absence_years VALUES (%s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
            (e.originator_id, e.employee_id, e.nip, e.year, e.meta.tenant),
        )

    def on_Attendance_AbsenceRecorded(self, env: Envelope) -> tuple[str, tuple[Any, ...]]:  # noqa: N802
        e = env.event
        return (
            "INSERT INTO {s}.absence_days (attendance_id, day, position, source, tenant) "
            "VALUES (%s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
            (e.originator_id, e.day, env.position, e.source, e.meta.tenant),
        )

    def on_Attendance_AbsenceExcused(self, env: Envelope) -> tuple[str, tuple[Any, ...]]:  # noqa: N802
        e = env.event
        return (
            "UPDATE {s}.absence_days SET excused = true, excuse_reason = %s, evidence_ref = %s "
            "WHERE attendance_id = %s AND day = %s",
            (e.meta.reason, e.evidence_ref, e.originator_id, e.day),
        )

    def on_Attendance_SanctionDecided(self, env: Envelope) -> tuple[str, tuple[Any, ...]]:  # noqa: N802
        e = env.event
        return (
            "INSERT INTO {s}.absence_decisions VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
            (
                env.position, e.originator_id, e.imposed_kind, e.proposed_kind, e.days_absent,
                e.longest_run, e.effective_on, e.departure_reason, e.meta.tenant,
            ),
        )  # fmt: skip


async def absences_of(
    pool: asyncpg.Pool, employee_id: UUID, year: int
) -> tuple[list[AbsenceDay], list[AbsenceDecision]]:
    """The employee's recorded days of `year` (date order) and the hukuman decided on them."""
    days = await pool.fetch(
        f"SELECT d.day, d.position, d.source, d.excused, d.excuse_reason, d.evidence_ref "
        f"FROM {READ_SCHEMA}.absence_days d JOIN {READ_SCHEMA}.absence_years y "
        "USING (attendance_id) WHERE y.employee_id = $1 AND y.year = $2 ORDER BY d.day",
        employee_id,
        year,
    )
    decisions = await pool.fetch(
        f"SELECT d.position, d.imposed_kind, d.proposed_kind, d.days_absent, d.longest_run, "
        f"d.effective_on, d.departure_reason FROM {READ_SCHEMA}.absence_decisions d "
        f"JOIN {READ_SCHEMA}.absence_years y USING (attendance_id) "
        "WHERE y.employee_id = $1 AND y.year = $2 ORDER BY d.position",
        employee_id,
        year,
    )
    return [AbsenceDay(*r.values()) for r in days], [
        AbsenceDecision(*r.values()) for r in decisions
    ]
