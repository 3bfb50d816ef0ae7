"""Read model of policy data: every recorded version, and the one in force for a scope and day.

Published rules, not any one tenant's data: the table has a `scope` (national or a tenant code)
instead of a `tenant` column, and the API may read it whole (projections/security.py
API_READABLE); the queries still answer for one scope with the national fallback.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

import asyncpg
from psycopg import Cursor

from domain.holidays import HOLIDAYS_KIND, WorkingCalendar
from domain.policy import NATIONAL, PolicyVersion, in_force_for_scope
from projections.base import READ_SCHEMA, Envelope, handlers_for


@dataclass(frozen=True)
class PolicyRow:
    """One recorded version, with who recorded it and why."""

    version: PolicyVersion
    position: int
    actor_id: str
    actor_role: str
    reason: str | None


_COLUMNS = (
    "position, kind, scope, label, effective_from, policy_values, source, recorded_at, "
    "sequence, actor_id, actor_role, reason"
)


class PolicyValuesProjection:
    name: ClassVar[str] = "policy_values"

    def ddl(self, schema: str) -> Sequence[str]:
        return [
            f"""CREATE TABLE IF NOT EXISTS {schema}.policy_values (
                position bigint PRIMARY KEY, kind text NOT NULL, scope text NOT NULL,
                label text NOT NULL, effective_from date NOT NULL, policy_values jsonb NOT NULL,
                source text NOT NULL, recorded_at timestamptz NOT NULL, sequence int NOT NULL,
                actor_id text NOT NULL, actor_role text NOT NULL, reason text)""",
            f"CREATE INDEX IF NOT EXISTS policy_by_kind "
            f"ON {schema}.policy_values (kind, scope, effective_from)",
        ]

    def apply(self, batch: Sequence[Envelope], cur: Cursor[Any], schema: str) -> None:
        rows = [handler(envelope) for handler, envelope in handlers_for(self, batch)]
        if rows:
            cur.executemany(
                f"INSERT INTO {schema}.policy_values ({_COLUMNS}) "
                "VALUES (%s, %s, %s, %s, %s, %s::jsonb, %s, %s, "
                f"(SELECT count(*) FROM {schema}.policy_values WHERE kind = %s AND scope = %s), "
                "%s, %s, %s)",
                rows,
            )

    def on_PolicyRegister_PolicyValuesRecorded(self, env: Envelope) -> tuple[Any, ...]:  # noqa: N802
        e = env.event
        return (
            env.position, e.kind, e.scope, e.label, e.effective_from,
            json.dumps(e.values, sort_keys=True), e.source, e.timestamp, e.kind, e.scope,
            e.meta.actor_id, e.meta.actor_role, e.meta.reason,
        )  # fmt: skip


# --- queries --------------------------------------------------------------------------------
def _row(record: asyncpg.Record) -> PolicyRow:
    version = PolicyVersion(
        kind=record["kind"],
        scope=record["scope"],
        label=record["label"],
        effective_from=record["effective_from"],
        values=json.loads(record["policy_values"]),
        source=record["source"],
        recorded_at=record["recorded_at"],
        sequence=record["sequence"],
    )
    return PolicyRow(
        version, record["position"], record["actor_id"], record["actor_role"], record["reason"]
    )


async def policy_history(pool: asyncpg.Pool, kind: str, scope: str) -> list[PolicyRow]:
    """Every version of `kind` recorded for `scope`, in recording order."""
    records = await pool.fetch(
        f"SELECT {_COLUMNS} FROM {READ_SCHEMA}.policy_values WHERE kind = $1 AND scope = $2 "
        "ORDER BY position",
        kind,
        scope,
    )
    return [_row(r) for r in records]


async def policy_in_force(pool: asyncpg.Pool, kind: str, scope: str, on: date) -> PolicyRow | None:
    """The version of `kind` in force on `on` for `scope`, the national one as fallback."""
    records = await pool.fetch(
        f"SELECT {_COLUMNS} FROM {READ_SCHEMA}.policy_values "
        "WHERE kind = $1 AND scope = ANY($2::text[]) AND effective_from <= $3 ORDER BY position",
        kind,
        list({scope, NATIONAL}),
        on,
    )
    rows = [_row(r) for r in records]
    chosen = in_force_for_scope(
        [r.version for r in rows if r.version.scope == scope and scope != NATIONAL],
        [r.version for r in rows if r.version.scope == NATIONAL],
        on,
    )
    return next((r for r in rows if r.version is chosen), None)


async def working_calendar(
    pool: asyncpg.Pool, scope: str, first_year: int, last_year: int
) -> WorkingCalendar:
    """The recorded holidays of the years first_year to last_year, read as the write side
    reads them (services.policy.working_calendar): a year without its list is Mon–Fri only."""
    lists = []
    for year in range(first_year, last_year + 1):
        row = await policy_in_force(pool, HOLIDAYS_KIND, scope, date(year, 12, 31))
        if row is not None and row.version.values.get("year") == year:
            lists.append(row.version.values)
    return WorkingCalendar.of_years(lists)
