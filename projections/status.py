"""Each projection's position, lag behind the head of the log, and whether it is held.

A projection is DEGRADED when it is held at an event it could not apply (its dead letter says
which and why) or stopped behind a projection it reads from that is held; otherwise OK.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import psycopg

from projections.base import READ_SCHEMA
from projections.dead_letters import DeadLetter, unresolved_dead_letters
from projections.health import held_source
from projections.reader import EventReader
from services.database import Database

OK = "OK"
DEGRADED = "DEGRADED"


@dataclass(frozen=True)
class ProjectionStatus:
    name: str
    position: int
    head: int
    updated_at: datetime | None
    held: DeadLetter | None = None  # the event it is held at, and the error
    behind: str | None = None  # the held projection it reads from and waits for

    @property
    def lag(self) -> int:
        return max(self.head - self.position, 0)

    @property
    def state(self) -> str:
        return DEGRADED if self.held or self.behind else OK

    @property
    def reason(self) -> str | None:
        """Why it is DEGRADED, for an operator."""
        if self.held is not None:
            held = self.held
            return f"held at #{held.position} ({held.topic}): {held.error}"
        if self.behind is not None:
            return f"waits for {self.behind}, which it reads from and which is held"
        return None


def projection_status(database: Database, reader: EventReader) -> list[ProjectionStatus]:
    """Every projection's position, the head of the log, when it last advanced, its state."""
    head = reader.head()
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        exists = conn.execute("SELECT to_regclass(%s)", (f"{READ_SCHEMA}.projection_positions",))
        row = exists.fetchone()
        if row is None or row[0] is None:
            return []
        rows = conn.execute(
            f"SELECT name, position, updated_at FROM {READ_SCHEMA}.projection_positions "
            "ORDER BY name"
        ).fetchall()
        held: dict[str, DeadLetter] = {}
        recorded = conn.execute("SELECT to_regclass(%s)", (f"{READ_SCHEMA}.dead_letters",))
        if (found := recorded.fetchone()) is not None and found[0] is not None:
            with conn.cursor() as cur:
                held = {d.projection: d for d in unresolved_dead_letters(cur, READ_SCHEMA)}
    return [
        ProjectionStatus(name, position, head, at, held.get(name), held_source(name, held))
        for name, position, at in rows
    ]
