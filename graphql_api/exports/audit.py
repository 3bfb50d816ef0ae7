"""`audit-events` (auditors) and `platform-events` (the platform admin): any audit query
(projections/audit_events.py) streamed as JSON Lines or CSV.

Each row is one event, its payload a JSON object (a JSON text in CSV), times ISO 8601 with
their offset, and the stamp of what it was taken at: the log position the read models had
reached (`log_position`, as every export has) and the ledger's latest signed checkpoint then,
its size and root (`ledger_size`, `ledger_root` in hex; empty before the ledger has one), so
the file can be tied to a checkpoint and its events proven included. Events after that
position are left out even when the read models move on while the file streams.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import datetime
from typing import Any

from access.roles import AUDITORS, PLATFORM
from domain.errors import N_
from graphql_api.audit.filters import NO_OFFSET, TEXT_LIMIT, TEXT_TOO_LONG
from graphql_api.audit.platform import PlatformPool
from graphql_api.errors import InvalidArgument
from graphql_api.exports.sheet import Export, Params, RawJson, Reading, Row
from graphql_api.ids import to_id
from projections.audit_events import EventFilter, all_audit_events
from projections.event_log import LoggedEvent
from projections.positions import PositionWatcher
from services.ledger.schema import SCHEMA as LEDGER_SCHEMA
from services.read_pool import TenantPool

COLUMNS = (
    "position", "recorded_at", "aggregate", "aggregate_id", "version", "type", "actor_id",
    "actor_role", "tenant", "correlation_id", "reason", "payload", "ledger_size", "ledger_root",
)  # fmt: skip
FILTERS = ("actor", "role", "tenant", "type", "from", "to", "text")


def event_filter(params: Params, platform: bool = False) -> EventFilter:
    """The export's arguments (query string or command line) as the query module's filter."""
    values = params.values
    text = values.get("text")
    if text is not None and len(text) > TEXT_LIMIT:
        raise InvalidArgument(TEXT_TOO_LONG, params={"limit": TEXT_LIMIT})
    return EventFilter(
        actor=values.get("actor"),
        role=values.get("role"),
        tenant=values.get("tenant"),
        event_type=values.get("type"),
        since=_moment(values.get("from"), "from"),
        until=_moment(values.get("to"), "to"),
        text=text,
        platform_only=platform,
    )


def _moment(raw: str | None, name: str) -> datetime | None:
    if raw is None:
        return None
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError:
        message = N_("{name} is an ISO 8601 time with its offset, not {raw}.")
        raise InvalidArgument(message, params={"name": name, "raw": repr(raw[:40])}) from None
    if moment.tzinfo is None:
        raise InvalidArgument(NO_OFFSET)
    return moment


async def latest_checkpoint(pool: Any) -> tuple[int, str] | None:
    """(size, root in hex) of the ledger's latest signed checkpoint; None before it has one."""
    try:
        records = await pool.fetch(
            f"SELECT size, encode(root, 'hex') AS root FROM {LEDGER_SCHEMA}.checkpoints "
            "ORDER BY size DESC LIMIT 1"
        )
    except Exception as error:  # asyncpg's UndefinedTableError: no ledger on this database
        if type(error).__name__ == "UndefinedTableError":
            return None
        raise
    return (int(records[0]["size"]), str(records[0]["root"])) if records else None


def event_row(event: LoggedEvent, checkpoint: tuple[int, str] | None) -> Row:
    """One event as the export's row (columns: COLUMNS)."""
    size, root = checkpoint if checkpoint else (None, None)
    return [
        event.position, event.recorded_at, event.aggregate_type, to_id(event.originator_id),
        event.originator_version, event.event_type, event.actor_id, event.actor_role,
        event.tenant, event.correlation_id, event.reason, RawJson(event.payload), size, root,
    ]  # fmt: skip


async def audit_rows(reading: Reading, params: Params) -> AsyncIterator[Row]:
    """Every event of the reading's tenant the filter selects (the operator's pool has no
    row-level security: `jejak export audit-events --tenant T` filters as the API's would)."""
    where = event_filter(params)
    if where.tenant not in (None, reading.tenant):
        return
    async for row in _rows(reading, reading.pool, replace(where, tenant=reading.tenant)):
        yield row


async def platform_rows(reading: Reading, params: Params) -> AsyncIterator[Row]:
    """The platform's own acts the filter selects, through the platform's row-level policy."""
    pool = reading.pool.pool if isinstance(reading.pool, TenantPool) else reading.pool
    async for row in _rows(reading, PlatformPool(pool), event_filter(params, platform=True)):
        yield row


async def _rows(reading: Reading, pool: Any, where: EventFilter) -> AsyncIterator[Row]:
    up_to = await PositionWatcher(reading.pool).current()
    checkpoint = await latest_checkpoint(reading.pool)
    async for event in all_audit_events(pool, where, up_to):
        yield event_row(event, checkpoint)


_READ = ("position", "type", "actorId", "payload")
AUDIT_EVENTS = Export(
    name="audit-events",
    root="auditEvents",
    fields=tuple(f"EmployeeEvent.{f}" for f in _READ),
    columns=COLUMNS,
    rows=audit_rows,
    roles=AUDITORS,
    formats=("jsonl", "csv"),
    stamped=True,
)
PLATFORM_EVENTS = Export(
    name="platform-events",
    root="platformEvents",
    fields=tuple(f"PlatformEvent.{f}" for f in _READ),
    columns=COLUMNS,
    rows=platform_rows,
    roles=PLATFORM,
    formats=("jsonl", "csv"),
    stamped=True,
)
