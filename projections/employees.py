"""Read model of employees: one row per ASN with their current rank, position, unit and status.

A batch loads the rows it touches once, applies its events in memory and writes each row
back once, so a rebuild costs a few statements per batch rather than one per event.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date
from typing import Any, ClassVar
from uuid import UUID

import asyncpg
from psycopg import Cursor
from psycopg.rows import dict_row

from projections.base import READ_SCHEMA, Envelope, handlers_for
from projections.employee_counts import (
    count_employees,
    count_subtree,
    counts_ddl,
    write_count_changes,
)


@dataclass(frozen=True)
class EmployeeRow:
    id: UUID
    nip: str
    tenant: str
    name: str
    employment_type: str
    sex: str
    birth_date: date
    golongan: str
    jabatan_kind: str
    jabatan_title: str
    jabatan_jenjang: str | None
    unit_id: UUID
    status: str
    separation: str | None
    ended_on: date | None
    appointed_on: date
    service_start: date
    version: int
    last_position: int


@dataclass(frozen=True)
class EmployeeFilter:
    employment_type: str | None = None
    golongan: str | None = None
    jabatan_kind: str | None = None
    status: str | None = None


@dataclass(frozen=True)
class EmployeePage:
    rows: list[EmployeeRow]
    has_next: bool
    total_count: int


_FIELDS = [f.name for f in fields(EmployeeRow)]
_TABLE_COLUMNS = [*_FIELDS, "unit_path"]


class EmployeesProjection:
    name: ClassVar[str] = "employees"

    def ddl(self, schema: str) -> Sequence[str]:
        return [
            f"""CREATE TABLE IF NOT EXISTS {schema}.employees (
                id uuid PRIMARY KEY, nip text NOT NULL UNIQUE, tenant text NOT NULL,
                name text NOT NULL, employment_type text NOT NULL, sex text NOT NULL,
                birth_date date NOT NULL, golongan text NOT NULL, jabatan_kind text NOT NULL,
                jabatan_title text NOT NULL, jabatan_jenjang text, unit_id uuid NOT NULL,
                status text NOT NULL, separation text, ended_on date, appointed_on date NOT NULL,
                service_start date NOT NULL, version int NOT NULL, last_position bigint NOT NULL,
                unit_path text COLLATE "C" NOT NULL)""",
            f"CREATE INDEX IF NOT EXISTS employees_tenant_nip ON {schema}.employees (tenant, nip)",
            f"CREATE INDEX IF NOT EXISTS employees_unit_path "
            f"ON {schema}.employees (tenant, unit_path, nip)",
            f"CREATE INDEX IF NOT EXISTS employees_unit ON {schema}.employees (unit_id)",
            *counts_ddl(schema),
        ]

    def apply(self, batch: Sequence[Envelope], cur: Cursor[Any], schema: str) -> None:
        paired = handlers_for(self, batch)
        if not paired:
            return
        self.cur, self.schema = cur, schema
        self.unit_paths: dict[UUID, str] = {}
        touched = {envelope.event.originator_id for _, envelope in paired}
        self.rows = self._load(touched)
        before = {employee_id: dict(row) for employee_id, row in self.rows.items()}
        for handler, envelope in paired:
            row = handler(envelope)
            row["version"] = envelope.event.originator_version
            row["last_position"] = envelope.position
        self._store(self.rows.values())
        write_count_changes(cur, schema, before, self.rows.values())

    # --- handlers: each returns the row it changed ------------------------------------------
    def on_Employee_Appointed(self, envelope: Envelope) -> dict[str, Any]:  # noqa: N802
        e = envelope.event
        row = {
            "id": e.originator_id,
            "nip": e.nip,
            "tenant": e.meta.tenant,
            "name": e.name,
            "employment_type": e.employment_type,
            "sex": e.sex,
            "birth_date": e.birth_date,
            "golongan": e.golongan,
            "jabatan_kind": e.jabatan_kind,
            "jabatan_title": e.jabatan_title,
            "jabatan_jenjang": e.jabatan_jenjang,
            "unit_id": e.unit_id,
            "status": "ACTIVE",
            "separation": None,
            "ended_on": None,
            "appointed_on": e.appointed_on,
            "service_start": e.service_start,
            "unit_path": self._unit_path(e.unit_id),
        }
        self.rows[e.originator_id] = row
        return row

    def on_Employee_Promoted(self, envelope: Envelope) -> dict[str, Any]:  # noqa: N802
        return self._set(envelope, golongan=envelope.event.to_golongan)

    def on_Employee_JabatanChanged(self, envelope: Envelope) -> dict[str, Any]:  # noqa: N802
        e = envelope.event
        return self._set(
            envelope,
            jabatan_kind=e.jabatan_kind,
            jabatan_title=e.jabatan_title,
            jabatan_jenjang=e.jabatan_jenjang,
        )

    def on_Employee_Transferred(self, envelope: Envelope) -> dict[str, Any]:  # noqa: N802
        unit_id = envelope.event.to_unit_id
        return self._set(envelope, unit_id=unit_id, unit_path=self._unit_path(unit_id))

    def on_Employee_ConfirmedAsPNS(self, envelope: Envelope) -> dict[str, Any]:  # noqa: N802
        return self._set(envelope, employment_type="PNS")

    def on_Employee_AwardRecorded(self, envelope: Envelope) -> dict[str, Any]:  # noqa: N802
        return self._set(envelope)

    def on_Employee_IjazahRecorded(self, envelope: Envelope) -> dict[str, Any]:  # noqa: N802
        return self._set(envelope)  # the row's version follows every event of the employee

    def on_Employee_SanctionImposed(self, envelope: Envelope) -> dict[str, Any]:  # noqa: N802
        return self._set(envelope)

    def on_Employee_LeaveGranted(self, envelope: Envelope) -> dict[str, Any]:  # noqa: N802
        return self._set(envelope)

    def on_Employee_EmploymentEnded(self, envelope: Envelope) -> dict[str, Any]:  # noqa: N802
        e = envelope.event
        return self._set(envelope, status="ENDED", separation=e.separation, ended_on=e.effective_on)

    # --- storage ----------------------------------------------------------------------------
    def _set(self, envelope: Envelope, **changes: Any) -> dict[str, Any]:
        row = self.rows[envelope.event.originator_id]
        row.update(changes)
        return row

    def _unit_path(self, unit_id: UUID) -> str:
        if unit_id not in self.unit_paths:
            self.cur.execute(f"SELECT path FROM {self.schema}.units WHERE id = %s", (unit_id,))
            found = self.cur.fetchone()
            if found is None:
                raise LookupError(f"Unit {unit_id} is not in the read model")
            self.unit_paths[unit_id] = str(found[0])
        return self.unit_paths[unit_id]

    def _load(self, ids: set[UUID]) -> dict[UUID, dict[str, Any]]:
        with self.cur.connection.cursor(row_factory=dict_row) as cur:
            cur.execute(f"SELECT * FROM {self.schema}.employees WHERE id = ANY(%s)", (list(ids),))
            return {row["id"]: row for row in cur.fetchall()}

    def _store(self, rows: Any) -> None:
        columns = ", ".join(_TABLE_COLUMNS)
        values = ", ".join(["%s"] * len(_TABLE_COLUMNS))
        updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in _TABLE_COLUMNS if c != "id")
        self.cur.executemany(
            f"INSERT INTO {self.schema}.employees ({columns}) VALUES ({values}) "
            f"ON CONFLICT (id) DO UPDATE SET {updates}",
            [tuple(row[c] for c in _TABLE_COLUMNS) for row in rows],
        )


# --- queries --------------------------------------------------------------------------------
_SELECT = f"SELECT {', '.join(_FIELDS)} FROM {READ_SCHEMA}.employees"


def _row(record: asyncpg.Record) -> EmployeeRow:
    return EmployeeRow(*(record[name] for name in _FIELDS))


async def employees_by_ids(pool: asyncpg.Pool, ids: Sequence[UUID]) -> list[EmployeeRow | None]:
    """Employees for a DataLoader, in the order of `ids`."""
    records = await pool.fetch(f"{_SELECT} WHERE id = ANY($1::uuid[])", list(ids))
    found = {r["id"]: _row(r) for r in records}
    return [found.get(employee_id) for employee_id in ids]


async def employee_by_nip(pool: asyncpg.Pool, nip: str) -> EmployeeRow | None:
    """One employee by NIP."""
    record = await pool.fetchrow(f"{_SELECT} WHERE nip = $1", nip)
    return _row(record) if record else None


async def list_employees(
    pool: asyncpg.Pool,
    *,
    tenant: str,
    unit_id: UUID,
    include_subunits: bool,
    filter: EmployeeFilter,
    first: int,
    after_nip: str | None,
) -> EmployeePage:
    """A page of a unit's employees (and its sub-units'), ordered by NIP."""
    path = await pool.fetchval(
        f"SELECT path FROM {READ_SCHEMA}.units WHERE id = $1 AND tenant = $2", unit_id, tenant
    )
    if path is None:
        return EmployeePage([], False, 0)
    where: list[str] = ["tenant = $1"]
    args: list[object] = [tenant]
    columns = ["tenant"]
    if include_subunits:
        # Paths are '/<id>/<id>/'; every path in the subtree sorts in [path, path-with-'0').
        args += [path, path[:-1] + "0"]
        where.append(f"unit_path >= ${len(args) - 1} AND unit_path < ${len(args)}")
        columns.append("unit_path")
    else:
        args.append(unit_id)
        where.append(f"unit_id = ${len(args)}")
        columns.append("unit_id")
    for column, value in (
        ("employment_type", filter.employment_type),
        ("golongan", filter.golongan),
        ("jabatan_kind", filter.jabatan_kind),
        ("status", filter.status),
    ):
        if value is not None:
            args.append(value)
            where.append(f"{column} = ${len(args)}")
            columns.append(column)
    condition = " AND ".join(where)
    if include_subunits and set(columns) <= {"tenant", "unit_path", "status"}:
        total = await count_subtree(pool, tenant, unit_id, filter.status)
    else:
        total = await count_employees(pool, condition, args, columns)
    if after_nip is not None:
        args.append(after_nip)
        condition += f" AND nip > ${len(args)}"
    records = await pool.fetch(
        f"{_SELECT} WHERE {condition} ORDER BY nip LIMIT {int(first) + 1}", *args
    )
    rows = [_row(r) for r in records[:first]]
    return EmployeePage(rows, len(records) > first, total)
