"""Read model of award nominations: who was nominated on which year's predikat, by whom, why.

One row per AwardNomination (one per employee and year); the tenant column puts it under
row-level security like every tenant table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any, ClassVar
from uuid import UUID

import asyncpg
from psycopg import Cursor

from projections.base import READ_SCHEMA, Envelope, handlers_for


@dataclass(frozen=True)
class NominationRow:
    position: int
    tenant: str
    employee_id: UUID
    nip: str
    year: int
    consecutive_years: int
    nominated_at: datetime
    actor_id: str
    actor_role: str
    reason: str | None


_FIELDS = [f.name for f in fields(NominationRow)]


class AwardNominationsProjection:
    name: ClassVar[str] = "award_nominations"

    def ddl(self, schema: str) -> Sequence[str]:
        return [
            f"""CREATE TABLE IF NOT EXISTS {schema}.award_nominations (
                position bigint PRIMARY KEY, tenant text NOT NULL, employee_id uuid NOT NULL,
                nip text NOT NULL, year int NOT NULL, consecutive_years int NOT NULL,
                nominated_at timestamptz NOT NULL, actor_id text NOT NULL,
                actor_role text NOT NULL, reason text)""",
            f"CREATE INDEX IF NOT EXISTS award_nominations_by_employee "
            f"ON {schema}.award_nominations (employee_id, year)",
        ]

    def apply(self, batch: Sequence[Envelope], cur: Cursor[Any], schema: str) -> None:
        rows = [handler(envelope) for handler, envelope in handlers_for(self, batch)]
        if rows:
            cur.executemany(
                f"INSERT INTO {schema}.award_nominations ({', '.join(_FIELDS)}) "
                f"VALUES ({', '.join(['%s'] * len(_FIELDS))})",
                rows,
            )

    def on_AwardNomination_Nominated(self, env: Envelope) -> tuple[Any, ...]:  # noqa: N802
        e = env.event
        return (
            env.position, e.meta.tenant, e.employee_id, e.nip, e.year, e.consecutive_years,
            e.timestamp, e.meta.actor_id, e.meta.actor_role, e.meta.reason,
        )  # fmt: skip


async def nominations_of(
    pool: asyncpg.Pool, employee_ids: Sequence[UUID]
) -> dict[UUID, list[NominationRow]]:
    """Each employee's nominations, oldest first."""
    records = await pool.fetch(
        f"SELECT {', '.join(_FIELDS)} FROM {READ_SCHEMA}.award_nominations "
        "WHERE employee_id = ANY($1::uuid[]) ORDER BY position",
        list(employee_ids),
    )
    found: dict[UUID, list[NominationRow]] = {i: [] for i in employee_ids}
    for r in records:
        found[r["employee_id"]].append(NominationRow(*(r[name] for name in _FIELDS)))
    return found
