"""Read model of unit kerja: the tree per tenant, with head counts on query."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar
from uuid import UUID

import asyncpg
from psycopg import Cursor

from projections.base import READ_SCHEMA, Envelope, handlers_for


@dataclass(frozen=True)
class UnitRow:
    id: UUID
    tenant: str
    code: str
    name: str
    kind: str
    parent_id: UUID | None
    depth: int
    head_count: int


class UnitsProjection:
    name: ClassVar[str] = "units"

    def ddl(self, schema: str) -> Sequence[str]:
        return [
            f"""CREATE TABLE IF NOT EXISTS {schema}.units (
                id uuid PRIMARY KEY, tenant text NOT NULL, code text NOT NULL,
                name text NOT NULL, kind text NOT NULL, parent_id uuid,
                path text COLLATE "C" NOT NULL, depth int NOT NULL, position bigint NOT NULL)""",
            f"CREATE INDEX IF NOT EXISTS units_tenant_path ON {schema}.units (tenant, path)",
        ]

    def apply(self, batch: Sequence[Envelope], cur: Cursor[Any], schema: str) -> None:
        self.cur, self.schema = cur, schema
        self.paths: dict[UUID, tuple[str, int]] = {}
        for handler, envelope in handlers_for(self, batch):
            handler(envelope)

    def on_OrgUnit_Created(self, envelope: Envelope) -> None:  # noqa: N802
        event = envelope.event
        parent_path, depth = "/", 0
        if event.parent_id is not None:
            parent_path, depth = self._path_of(event.parent_id)
        path = f"{parent_path}{event.originator_id}/"
        self.paths[event.originator_id] = (path, depth + 1)
        self.cur.execute(
            f"INSERT INTO {self.schema}.units VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s)",
            (
                event.originator_id,
                event.tenant,
                event.code,
                event.name,
                event.kind,
                event.parent_id,
                path,
                depth + 1,
                envelope.position,
            ),
        )

    def on_OrgUnit_Renamed(self, envelope: Envelope) -> None:  # noqa: N802
        self.cur.execute(
            f"UPDATE {self.schema}.units SET name = %s, position = %s WHERE id = %s",
            (envelope.event.name, envelope.position, envelope.event.originator_id),
        )

    def _path_of(self, unit_id: UUID) -> tuple[str, int]:
        if unit_id not in self.paths:
            self.cur.execute(
                f"SELECT path, depth FROM {self.schema}.units WHERE id = %s", (unit_id,)
            )
            row = self.cur.fetchone()
            if row is None:
                raise LookupError(f"Parent unit {unit_id} is not in the read model")
            self.paths[unit_id] = (str(row[0]), int(row[1]))
        return self.paths[unit_id]


# --- queries --------------------------------------------------------------------------------
_COLUMNS = "id, tenant, code, name, kind, parent_id, depth, path"


def _row(record: asyncpg.Record, head_count: int = 0) -> UnitRow:
    return UnitRow(
        record["id"],
        record["tenant"],
        record["code"],
        record["name"],
        record["kind"],
        record["parent_id"],
        record["depth"],
        head_count,
    )


async def units_by_ids(pool: asyncpg.Pool, ids: Sequence[UUID]) -> list[UnitRow | None]:
    """Units for a DataLoader, in the order of `ids` (head counts are not computed here)."""
    records = await pool.fetch(
        f"SELECT {_COLUMNS} FROM {READ_SCHEMA}.units WHERE id = ANY($1::uuid[])", list(ids)
    )
    found = {r["id"]: _row(r) for r in records}
    return [found.get(unit_id) for unit_id in ids]


async def unit_tree(pool: asyncpg.Pool, tenant: str, root_id: UUID | None) -> list[UnitRow]:
    """The tenant's units (or one subtree), parents first, with active head counts rolled up."""
    units = await pool.fetch(
        f"SELECT {_COLUMNS} FROM {READ_SCHEMA}.units WHERE tenant = $1 ORDER BY path", tenant
    )
    counts = await pool.fetch(
        f"SELECT unit_id, n FROM {READ_SCHEMA}.employee_totals "
        "WHERE tenant = $1 AND status = 'ACTIVE'",
        tenant,
    )
    direct = {r["unit_id"]: r["n"] for r in counts}
    totals: dict[UUID, int] = {}
    for unit in reversed(units):  # children come after parents in path order
        totals[unit["id"]] = totals.get(unit["id"], 0) + direct.get(unit["id"], 0)
        if unit["parent_id"] is not None:
            totals[unit["parent_id"]] = totals.get(unit["parent_id"], 0) + totals[unit["id"]]
    rows = [(_row(u, totals[u["id"]]), u["path"]) for u in units]
    if root_id is None:
        return [row for row, _ in rows]
    root_path = next((path for row, path in rows if row.id == root_id), None)
    if root_path is None:
        return []
    return [row for row, path in rows if path.startswith(root_path)]
