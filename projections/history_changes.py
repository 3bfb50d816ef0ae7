"""What became known about one employee in a period: the known axis read as a list.

Career changes carry their actor and reason in the career table; a leave grant takes its
recording time and actor from the event log. A change is retroactive when it took effect
before the day it was recorded (a promotion recorded in March with TMT 1 January).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

import asyncpg

from projections.base import READ_SCHEMA


@dataclass(frozen=True)
class KnownChange:
    position: int
    kind: str
    effective_on: date
    recorded_at: datetime
    actor_id: str
    actor_role: str
    reason: str | None
    detail: str

    @property
    def retroactive(self) -> bool:
        """It took effect before the (UTC) day it became known."""
        return self.effective_on < self.recorded_at.date()


_CHANGES = f"""
SELECT position, kind, effective_on, recorded_at, actor_id, actor_role, reason, detail
FROM {READ_SCHEMA}.career_entries
WHERE employee_id = $1 AND recorded_at >= $2 AND recorded_at < $3 AND position > $4
UNION ALL
SELECT v.position, 'LEAVE_GRANTED', v.start_on, l.recorded_at, l.actor_id, l.actor_role,
       v.reason, v.leave_type || ' ' || v.start_on || '..' || v.end_on || ', ' || v.days || ' days'
FROM {READ_SCHEMA}.leave_entries v JOIN {READ_SCHEMA}.event_log l USING (position)
WHERE v.employee_id = $1 AND l.recorded_at >= $2 AND l.recorded_at < $3 AND v.position > $4
ORDER BY position LIMIT $5"""


async def changes_known(
    pool: asyncpg.Pool,
    employee_id: UUID,
    since: datetime,
    until: datetime,
    *,
    after_position: int | None,
    first: int,
) -> list[KnownChange]:
    """The employee's changes recorded in [since, until), in log order, after a position."""
    records = await pool.fetch(_CHANGES, employee_id, since, until, after_position or 0, first)
    return [KnownChange(*record.values()) for record in records]
