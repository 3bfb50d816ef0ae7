"""Audit queries across the whole log: events by actor, role, tenant, type, period and reason.

One module for the API, the exports and the CLI, so the three answer the same question the same
way. Reads the event_log read model, paged by position (`after` the last one seen), with the
indexes `projections.event_log.audit_indexes` makes. Through the API's pool, row-level
security keeps an auditor to their tenant; the platform admin reads the platform's own acts
through `platform_acts()` (projections/event_log.py).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from projections.base import READ_SCHEMA
from projections.event_log import LOGGED_FIELDS, PLATFORM_ROLE, LoggedEvent

EXPORT_PAGE = 2000  # rows per statement while an export streams
REASON_WORDS = "to_tsvector('simple', coalesce(reason, ''))"  # as event_log_by_reason has it


@dataclass(frozen=True)
class EventFilter:
    """Which events: every given field must match (None: any)."""

    actor: str | None = None  # the user id recorded on the event
    role: str | None = None  # the role it was recorded in
    tenant: str | None = None
    event_type: str | None = None  # "Promoted", or "Employee.Promoted" with its aggregate
    since: datetime | None = None  # recorded at or after
    until: datetime | None = None  # recorded before
    text: str | None = None  # words in the reason, every one of them (whole words)
    platform_only: bool = False  # the platform's acts: recorded in role admin

    def conditions(self) -> tuple[list[str], list[Any]]:
        """SQL conditions on `event_log` and their arguments ($1, $2, … in order)."""
        clauses: list[str] = []
        args: list[Any] = []

        def add(clause: str, value: Any) -> None:
            args.append(value)
            clauses.append(clause.replace("?", f"${len(args)}"))

        for column, value in (("actor_id", self.actor), ("tenant", self.tenant)):
            if value is not None:
                add(f"{column} = ?", value)
        role = PLATFORM_ROLE if self.platform_only else self.role
        if self.platform_only and self.role not in (None, PLATFORM_ROLE):
            clauses.append("false")
        if role is not None:
            add("actor_role = ?", role)
        if self.event_type is not None:
            aggregate, _, name = self.event_type.rpartition(".")
            add("event_type = ?", name)
            if aggregate:
                add("aggregate_type = ?", aggregate)
        if self.since is not None:
            add("recorded_at >= ?", self.since)
        if self.until is not None:
            add("recorded_at < ?", self.until)
        words = text_query(self.text)
        if words is not None:
            add(f"{REASON_WORDS} @@ plainto_tsquery('simple', ?)", words)
        return clauses, args


def text_query(text: str | None) -> str | None:
    """The words to look for, parsed by PostgreSQL as the index parsed the reasons (the
    `simple` configuration: lower case, no stemming, no stop words); None when there are none."""
    if text is None or not any(c.isalnum() for c in text):
        return None
    return text


_SELECT = f"SELECT {', '.join(LOGGED_FIELDS[:-1])}, payload::text AS payload"
TENANT_SOURCE = f"{READ_SCHEMA}.event_log"  # under the tenant's row-level security
PLATFORM_SOURCE = f"{READ_SCHEMA}.platform_acts()"  # see projections.event_log


def audit_sql(where: EventFilter, after: int | None, first: int) -> tuple[str, list[Any]]:
    """The statement of one page and its arguments (for EXPLAIN as well as for reading)."""
    clauses, args = where.conditions()
    source = PLATFORM_SOURCE if where.platform_only else TENANT_SOURCE
    args.append(after or 0)
    clauses.append(f"position > ${len(args)}")
    args.append(first)
    where_sql = " AND ".join(clauses)
    statement = f"{_SELECT} FROM {source} WHERE {where_sql} ORDER BY position LIMIT ${len(args)}"
    return statement, args


async def audit_events(
    pool: Any, where: EventFilter, after: int | None, first: int
) -> list[LoggedEvent]:
    """One page of the events `where` selects, in log order, after a position."""
    statement, args = audit_sql(where, after, first)
    records = await pool.fetch(statement, *args)
    return [LoggedEvent(*(r[name] for name in LOGGED_FIELDS)) for r in records]


async def all_audit_events(
    pool: Any, where: EventFilter, up_to: int | None = None, page: int = EXPORT_PAGE
) -> AsyncIterator[LoggedEvent]:
    """Every event `where` selects (up to position `up_to`), page by page, for a stream."""
    after = 0
    while True:
        events: Sequence[LoggedEvent] = await audit_events(pool, where, after, page)
        for event in events:
            if up_to is not None and event.position > up_to:
                return
            yield event
        if len(events) < page:
            return
        after = events[-1].position
