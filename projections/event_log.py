"""Read model of the audit trail: every event with its position, actor, tenant and reason."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any, ClassVar
from uuid import UUID

import asyncpg
from psycopg import Cursor

from projections.base import READ_SCHEMA, Envelope

_ENVELOPE_FIELDS = {"originator_id", "originator_version", "timestamp", "meta", "originator_topic"}


@dataclass(frozen=True)
class LoggedEvent:
    position: int
    originator_id: UUID
    originator_version: int
    aggregate_type: str
    event_type: str
    recorded_at: datetime
    actor_id: str
    actor_role: str
    tenant: str
    correlation_id: str
    reason: str | None
    payload: str


_FIELDS = [f.name for f in fields(LoggedEvent)]
LOGGED_FIELDS = tuple(_FIELDS)  # the columns, in the order LoggedEvent takes them


def _plain(value: Any) -> str:
    """A field JSON has no type for: dates and times as ISO 8601 (with offset), else its text."""
    return value.isoformat() if isinstance(value, date) else str(value)


# One encoder for every payload: `json.dumps` with options builds a new one per call.
_PAYLOAD = json.JSONEncoder(default=_plain, sort_keys=True, ensure_ascii=False)


def logged(envelope: Envelope) -> LoggedEvent:
    """The audit view of one event: envelope fields apart, the rest as JSON."""
    return LoggedEvent(*logged_row(envelope))


def logged_row(envelope: Envelope) -> tuple[Any, ...]:
    """`logged` as the table's row, without the dataclass between (a row per event)."""
    e = envelope.event
    payload = {k: v for k, v in vars(e).items() if k not in _ENVELOPE_FIELDS}
    return (
        envelope.position,
        e.originator_id,
        e.originator_version,
        envelope.aggregate_type,
        envelope.event_type,
        e.timestamp,
        e.meta.actor_id,
        e.meta.actor_role,
        e.meta.tenant,
        e.meta.correlation_id,
        e.meta.reason,
        _PAYLOAD.encode(payload),
    )


PLATFORM_SETTING = "jejak.platform"  # 'on' for the platform admin's audit reads
PLATFORM_ROLE = "admin"  # the role whose acts are the platform's, not one tenant's


def audit_indexes(schema: str) -> list[str]:
    """What the audit queries (projections/audit_events.py) filter on, within a tenant, paged by
    position; the reason's words in a GIN index (docs/benchmarks.md "Audit export")."""
    keyed = {"actor": "actor_id", "role": "actor_role", "type": "event_type"}
    return [
        f"CREATE INDEX IF NOT EXISTS event_log_by_tenant ON {schema}.event_log (tenant, position)",
        *(
            f"CREATE INDEX IF NOT EXISTS event_log_by_{name} "
            f"ON {schema}.event_log (tenant, {column}, position)"
            for name, column in keyed.items()
        ),
        f"CREATE INDEX IF NOT EXISTS event_log_by_time ON {schema}.event_log (tenant, recorded_at)",
        f"CREATE INDEX IF NOT EXISTS event_log_by_reason ON {schema}.event_log "
        f"USING gin (to_tsvector('simple', coalesce(reason, '')))",
    ]


def platform_acts_function(schema: str) -> str:
    """`platform_acts()`: the acts recorded in role admin (instansi registered, national
    policy) of every tenant, for a session with `jejak.platform` on, and nothing else. It runs
    as the tables' owner, so the API role reads them past the tenant policy without a second
    policy on event_log (an OR on every tenant's plan); BEGIN ATOMIC binds the table, not
    its schema's name, so a rebuild's swap keeps it pointing at its own schema's table."""
    return f"""CREATE OR REPLACE FUNCTION {schema}.platform_acts()
        RETURNS SETOF {schema}.event_log LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = pg_catalog
        BEGIN ATOMIC
            SELECT * FROM {schema}.event_log WHERE actor_role = '{PLATFORM_ROLE}'
            AND current_setting('{PLATFORM_SETTING}', true) = 'on';
        END"""


class EventLogProjection:
    name: ClassVar[str] = "event_log"

    def ddl(self, schema: str) -> Sequence[str]:
        return [
            f"""CREATE TABLE IF NOT EXISTS {schema}.event_log (
                position bigint PRIMARY KEY, originator_id uuid NOT NULL,
                originator_version int NOT NULL, aggregate_type text NOT NULL,
                event_type text NOT NULL, recorded_at timestamptz NOT NULL,
                actor_id text NOT NULL, actor_role text NOT NULL, tenant text NOT NULL,
                correlation_id text NOT NULL, reason text, payload json NOT NULL)""",
            # json, not jsonb: the stored text is the canonical one the CLI audit prints too.
            f"CREATE INDEX IF NOT EXISTS event_log_by_originator "
            f"ON {schema}.event_log (originator_id, position)",
            *audit_indexes(schema),
            platform_acts_function(schema),
            # A draft of platform_acts was a second policy on event_log, OR'ed into every
            # tenant's plan; data sets projected while it existed still carry it.
            f"DROP POLICY IF EXISTS platform_acts ON {schema}.event_log",
        ]

    def apply(self, batch: Sequence[Envelope], cur: Cursor[Any], schema: str) -> None:
        # COPY, not INSERT: this table takes a row per event and dominated rebuilds
        # (docs/benchmarks.md).
        with cur.copy(f"COPY {schema}.event_log ({', '.join(_FIELDS)}) FROM STDIN") as copy:
            for envelope in batch:
                if hasattr(envelope.event, "meta"):
                    copy.write_row(logged_row(envelope))


async def events_of(
    pool: asyncpg.Pool, originator_id: UUID, after_position: int | None, first: int
) -> list[LoggedEvent]:
    """One aggregate's events in log order, after a position, at most `first`."""
    records = await pool.fetch(
        f"SELECT {', '.join(_FIELDS[:-1])}, payload::text AS payload FROM {READ_SCHEMA}.event_log "
        "WHERE originator_id = $1 AND position > $2 ORDER BY position LIMIT $3",
        originator_id,
        after_position or 0,
        first,
    )
    return [LoggedEvent(*(r[name] for name in _FIELDS)) for r in records]


async def events_about(
    pool: asyncpg.Pool, employee_id: UUID, after_position: int | None, first: int
) -> list[LoggedEvent]:
    """Every event concerning one employee (see `projections.subjects`), in log order."""
    columns = ", ".join(f"l.{name}" for name in _FIELDS[:-1])
    records = await pool.fetch(
        f"SELECT {columns}, l.payload::text AS payload "
        f"FROM {READ_SCHEMA}.event_subjects s JOIN {READ_SCHEMA}.event_log l USING (position) "
        "WHERE s.employee_id = $1 AND s.position > $2 ORDER BY s.position LIMIT $3",
        employee_id,
        after_position or 0,
        first,
    )
    return [LoggedEvent(*(r[name] for name in _FIELDS)) for r in records]
