"""Read model of the registered instansi (tenants): code, name, kind, when and where registered."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar

import asyncpg
from psycopg import Cursor

from projections.base import READ_SCHEMA, Envelope, handlers_for


@dataclass(frozen=True)
class TenantRow:
    code: str
    name: str
    kind: str
    registered_at: datetime
    position: int


class TenantsProjection:
    name: ClassVar[str] = "tenants"

    def ddl(self, schema: str) -> Sequence[str]:
        return [
            f"""CREATE TABLE IF NOT EXISTS {schema}.tenants (
                code text PRIMARY KEY, name text NOT NULL, kind text NOT NULL,
                registered_at timestamptz NOT NULL, position bigint NOT NULL)""",
            # Read models made before tenants were registered: no registration lies behind
            # their position, so this one starts there too rather than at 0 (which would make
            # the runner apply the whole log again to every read model). Not in read models
            # split by shard workers: those track it as `tenants@1/n` (projections/shards.py).
            f"""INSERT INTO {schema}.projection_positions (name, position, updated_at)
                SELECT '{self.name}', coalesce(min(position), 0), now()
                FROM {schema}.projection_positions
                HAVING NOT coalesce(bool_or(strpos(name, '@') > 0), false)
                ON CONFLICT (name) DO NOTHING""",
        ]

    def apply(self, batch: Sequence[Envelope], cur: Cursor[Any], schema: str) -> None:
        self.cur, self.schema = cur, schema
        for handler, envelope in handlers_for(self, batch):
            handler(envelope)

    def on_Instansi_Registered(self, envelope: Envelope) -> None:  # noqa: N802
        event = envelope.event
        self.cur.execute(
            f"INSERT INTO {self.schema}.tenants VALUES (%s, %s, %s, %s, %s)",
            (event.code, event.name, event.kind, event.timestamp, envelope.position),
        )


# --- queries --------------------------------------------------------------------------------
_COLUMNS = "code, name, kind, registered_at, position"


def _row(record: asyncpg.Record) -> TenantRow:
    return TenantRow(
        record["code"], record["name"], record["kind"], record["registered_at"], record["position"]
    )


async def registered_tenants(pool: asyncpg.Pool) -> list[TenantRow]:
    """Every registered instansi, by code."""
    records = await pool.fetch(f"SELECT {_COLUMNS} FROM {READ_SCHEMA}.tenants ORDER BY code")
    return [_row(r) for r in records]


async def tenant_by_code(pool: asyncpg.Pool, code: str) -> TenantRow | None:
    """The registered instansi with this code, or None."""
    record = await pool.fetchrow(
        f"SELECT {_COLUMNS} FROM {READ_SCHEMA}.tenants WHERE code = $1", code
    )
    return _row(record) if record is not None else None
