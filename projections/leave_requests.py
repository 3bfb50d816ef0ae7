"""Read model of leave requests: what was asked, the atasan's pertimbangan, the keputusan.

One row per request, updated as it moves on; the tenant column puts it under row-level
security (projections/security.py). The reasons are private to the person (access/policy/).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, ClassVar
from uuid import UUID

import asyncpg
from psycopg import Cursor

from domain.aggregates.leave_request import GRANTING, Consideration, RequestStatus
from projections.base import READ_SCHEMA, Envelope, handlers_for


@dataclass(frozen=True)
class LeaveRequestRow:
    id: UUID
    employee_id: UUID
    nip: str
    leave_type: str
    start: date  # as asked, or as decided
    end: date
    reason: str | None
    status: str
    requested_at: datetime
    requested_position: int
    recommendation: str | None
    recommendation_reason: str | None
    recommended_by: str | None  # the atasan's NIP
    decision: str | None
    decision_reason: str | None
    decided_by: str | None  # user id of the PPK or of the HR officer under delegation
    authority: str | None  # PPK or DELEGATION
    on_behalf_of: str | None
    delegation: str | None
    decided_at: datetime | None
    position: int  # of the last event


_COLUMNS = (
    "id, employee_id, nip, leave_type, start_on, end_on, reason, status, requested_at, "
    "requested_position, recommendation, recommendation_reason, recommended_by, decision, "
    "decision_reason, decided_by, authority, on_behalf_of, delegation, decided_at, position"
)


class LeaveRequestsProjection:
    name: ClassVar[str] = "leave_requests"

    def ddl(self, schema: str) -> Sequence[str]:
        return [
            f"""CREATE TABLE IF NOT EXISTS {schema}.leave_requests (
                id uuid PRIMARY KEY, employee_id uuid NOT NULL, nip text NOT NULL,
                leave_type text NOT NULL, start_on date NOT NULL, end_on date NOT NULL,
                reason text, status text NOT NULL, requested_at timestamptz NOT NULL,
                requested_position bigint NOT NULL, recommendation text,
                recommendation_reason text, recommended_by text, decision text,
                decision_reason text, decided_by text, authority text, on_behalf_of text,
                delegation text, decided_at timestamptz, position bigint NOT NULL,
                tenant text NOT NULL)""",
            f"CREATE INDEX IF NOT EXISTS leave_requests_of "
            f"ON {schema}.leave_requests (employee_id, requested_position)",
        ]

    def apply(self, batch: Sequence[Envelope], cur: Cursor[Any], schema: str) -> None:
        # In log order, one statement each: a batch may hold a request's whole life.
        for handler, env in handlers_for(self, batch):
            statement, values = handler(env, schema)
            cur.execute(statement, values)

    def on_LeaveRequest_Requested(  # noqa: N802
        self, env: Envelope, schema: str
    ) -> tuple[str, tuple[Any, ...]]:
        e = env.event
        return (
            f"INSERT INTO {schema}.leave_requests (id, employee_id, nip, leave_type, start_on, "
            "end_on, reason, status, requested_at, requested_position, position, tenant) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, 'REQUESTED', %s, %s, %s, %s) "
            "ON CONFLICT (id) DO NOTHING",
            (
                e.originator_id, e.employee_id, e.nip, e.leave_type, e.start, e.end,
                e.meta.reason, e.timestamp, env.position, env.position, e.meta.tenant,
            ),
        )  # fmt: skip

    def on_LeaveRequest_Recommended(  # noqa: N802
        self, env: Envelope, schema: str
    ) -> tuple[str, tuple[Any, ...]]:
        e = env.event
        return (
            f"UPDATE {schema}.leave_requests SET status = 'RECOMMENDED', recommendation = %s, "
            "recommendation_reason = %s, recommended_by = %s, position = %s WHERE id = %s",
            (e.consideration, e.meta.reason, e.recommender_nip, env.position, e.originator_id),
        )

    def on_LeaveRequest_Decided(  # noqa: N802
        self, env: Envelope, schema: str
    ) -> tuple[str, tuple[Any, ...]]:
        e = env.event
        granted = Consideration(e.consideration) in GRANTING
        status = RequestStatus.GRANTED if granted else RequestStatus.NOT_GRANTED
        return (
            f"UPDATE {schema}.leave_requests SET status = %s, decision = %s, "
            "decision_reason = %s, decided_by = %s, authority = %s, on_behalf_of = %s, "
            "delegation = %s, decided_at = %s, start_on = %s, end_on = %s, position = %s "
            "WHERE id = %s",
            (
                status.value, e.consideration, e.meta.reason,
                e.meta.actor_id, e.authority, e.on_behalf_of, e.delegation, e.timestamp,
                e.start, e.end, env.position, e.originator_id,
            ),
        )  # fmt: skip


async def leave_requests_of(pool: asyncpg.Pool, employee_id: UUID) -> list[LeaveRequestRow]:
    """An employee's leave requests, the latest first."""
    records = await pool.fetch(
        f"SELECT {_COLUMNS} FROM {READ_SCHEMA}.leave_requests WHERE employee_id = $1 "
        "ORDER BY requested_position DESC",
        employee_id,
    )
    return [LeaveRequestRow(*r.values()) for r in records]
