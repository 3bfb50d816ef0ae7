"""Read model of career history: one row per rank, position, unit, status or record change.

Each row carries the employee's state after the change, so a history reads as it stood on
each date; a batch continues from the latest row of each employee it touches.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any, ClassVar
from uuid import UUID

import asyncpg
from psycopg import Cursor
from psycopg.rows import dict_row

from projections.base import READ_SCHEMA, Envelope, handlers_for
from projections.security import add_tenant_column


@dataclass(frozen=True)
class CareerEntry:
    position: int
    employee_id: UUID
    kind: str
    effective_on: date
    recorded_at: datetime
    employment_type: str
    golongan: str
    jabatan_kind: str
    jabatan_title: str
    unit_id: UUID
    status: str
    detail: str
    actor_id: str
    actor_role: str
    reason: str | None


_FIELDS = [f.name for f in fields(CareerEntry)]
_STATE = ("employment_type", "golongan", "jabatan_kind", "jabatan_title", "unit_id", "status")
_COLUMNS = [*_FIELDS, "tenant"]  # the row carries its tenant for row-level security


class CareerProjection:
    name: ClassVar[str] = "career"

    def ddl(self, schema: str) -> Sequence[str]:
        return [
            f"""CREATE TABLE IF NOT EXISTS {schema}.career_entries (
                position bigint PRIMARY KEY, employee_id uuid NOT NULL, kind text NOT NULL,
                effective_on date NOT NULL, recorded_at timestamptz NOT NULL,
                employment_type text NOT NULL, golongan text NOT NULL,
                jabatan_kind text NOT NULL, jabatan_title text NOT NULL, unit_id uuid NOT NULL,
                status text NOT NULL, detail text NOT NULL, actor_id text NOT NULL,
                actor_role text NOT NULL, reason text, tenant text NOT NULL)""",
            add_tenant_column(schema, "career_entries"),
            f"CREATE INDEX IF NOT EXISTS career_by_employee "
            f"ON {schema}.career_entries (employee_id, position)",
        ]

    def apply(self, batch: Sequence[Envelope], cur: Cursor[Any], schema: str) -> None:
        paired = handlers_for(self, batch)
        if not paired:
            return
        self.cur, self.schema = cur, schema
        self.unit_names: dict[UUID, str] = {}
        self.state = self._latest(cur, schema, {env.event.originator_id for _, env in paired})
        entries = [self._entry(envelope, *handler(envelope)) for handler, envelope in paired]
        with cur.copy(f"COPY {schema}.career_entries ({', '.join(_COLUMNS)}) FROM STDIN") as copy:
            for entry in entries:
                copy.write_row(entry)

    # --- handlers: each returns (kind, effective date, detail) after updating the state ------
    def on_Employee_Appointed(self, env: Envelope) -> tuple[str, date, str]:  # noqa: N802
        e = env.event
        self.state[e.originator_id] = {
            "employment_type": e.employment_type,
            "golongan": e.golongan,
            "jabatan_kind": e.jabatan_kind,
            "jabatan_title": e.jabatan_title,
            "unit_id": e.unit_id,
            "status": "ACTIVE",
        }
        return "APPOINTED", e.appointed_on, f"Appointed as {e.employment_type} {e.golongan}"

    def on_Employee_Promoted(self, env: Envelope) -> tuple[str, date, str]:  # noqa: N802
        e = self._set(env, golongan=env.event.to_golongan)
        return "PROMOTED", e.effective_on, f"{e.from_golongan} → {e.to_golongan}"

    def on_Employee_JabatanChanged(self, env: Envelope) -> tuple[str, date, str]:  # noqa: N802
        e = self._set(
            env, jabatan_kind=env.event.jabatan_kind, jabatan_title=env.event.jabatan_title
        )
        return "JABATAN_CHANGED", e.effective_on, f"{e.jabatan_kind}: {e.jabatan_title}"

    def on_Employee_Transferred(self, env: Envelope) -> tuple[str, date, str]:  # noqa: N802
        e = self._set(env, unit_id=env.event.to_unit_id)
        source, target = self._unit_name(e.from_unit_id), self._unit_name(e.to_unit_id)
        return "TRANSFERRED", e.effective_on, f"Mutasi {source} → {target}"

    def on_Employee_ConfirmedAsPNS(self, env: Envelope) -> tuple[str, date, str]:  # noqa: N802
        e = self._set(env, employment_type="PNS")
        return "CONFIRMED_AS_PNS", e.effective_on, "CPNS → PNS"

    def on_Employee_AwardRecorded(self, env: Envelope) -> tuple[str, date, str]:  # noqa: N802
        e = self._set(env)
        return "AWARD_RECORDED", e.awarded_on, f"{e.award_kind}: {e.title}"

    def on_Employee_SanctionImposed(self, env: Envelope) -> tuple[str, date, str]:  # noqa: N802
        e = self._set(env)
        months = f" ({e.duration_months} months)" if e.duration_months else ""
        return "SANCTION_IMPOSED", e.effective_on, f"{e.level}: {e.sanction_kind}{months}"

    def on_Employee_EmploymentEnded(self, env: Envelope) -> tuple[str, date, str]:  # noqa: N802
        e = self._set(env, status="ENDED")
        return "EMPLOYMENT_ENDED", e.effective_on, e.separation

    # --- state ------------------------------------------------------------------------------
    def _set(self, env: Envelope, **changes: Any) -> Any:
        self.state[env.event.originator_id].update(changes)
        return env.event

    def _entry(self, env: Envelope, kind: str, effective_on: date, detail: str) -> tuple[Any, ...]:
        e, state = env.event, self.state[env.event.originator_id]
        return (
            env.position,
            e.originator_id,
            kind,
            effective_on,
            e.timestamp,
            *(state[name] for name in _STATE),
            detail,
            e.meta.actor_id,
            e.meta.actor_role,
            e.meta.reason,
            e.meta.tenant,
        )

    def _unit_name(self, unit_id: UUID) -> str:
        # The units projection runs first in the batch, so the unit is already there.
        if unit_id not in self.unit_names:
            self.cur.execute(f"SELECT name FROM {self.schema}.units WHERE id = %s", (unit_id,))
            row = self.cur.fetchone()
            self.unit_names[unit_id] = str(row[0]) if row else str(unit_id)
        return self.unit_names[unit_id]

    @staticmethod
    def _latest(cur: Cursor[Any], schema: str, ids: set[UUID]) -> dict[UUID, dict[str, Any]]:
        with cur.connection.cursor(row_factory=dict_row) as dict_cur:
            dict_cur.execute(
                f"SELECT DISTINCT ON (employee_id) employee_id, {', '.join(_STATE)} "
                f"FROM {schema}.career_entries WHERE employee_id = ANY(%s) "
                "ORDER BY employee_id, position DESC",
                (list(ids),),
            )
            return {row.pop("employee_id"): row for row in dict_cur.fetchall()}


async def career_histories(
    pool: asyncpg.Pool, employee_ids: Sequence[UUID]
) -> list[list[CareerEntry]]:
    """Each employee's career history in log order, in the order of `employee_ids`."""
    records = await pool.fetch(
        f"SELECT {', '.join(_FIELDS)} FROM {READ_SCHEMA}.career_entries "
        "WHERE employee_id = ANY($1::uuid[]) ORDER BY employee_id, position",
        list(employee_ids),
    )
    by_employee: dict[UUID, list[CareerEntry]] = {}
    for record in records:
        by_employee.setdefault(record["employee_id"], []).append(
            CareerEntry(*(record[name] for name in _FIELDS))
        )
    return [by_employee.get(employee_id, []) for employee_id in employee_ids]
