"""Each projection's position and lag behind the head of the log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import psycopg

from projections.base import READ_SCHEMA
from projections.reader import EventReader
from services.database import Database


@dataclass(frozen=True)
class ProjectionStatus:
    name: str
    position: int
    head: int
    updated_at: datetime | None

    @property
    def lag(self) -> int:
        return max(self.head - self.position, 0)


def projection_status(database: Database, reader: EventReader) -> list[ProjectionStatus]:
    """Every projection's position, the head of the log and when it last advanced."""
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
    return [ProjectionStatus(name, position, head, at) for name, position, at in rows]
