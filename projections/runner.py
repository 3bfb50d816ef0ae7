"""The projection runner: applies the log to the read models in batches, exactly once.

Each batch is one transaction that writes every read model and records the new position, so
a crash leaves the read models exactly as they were before the batch. A transaction-level
advisory lock lets several runners (serve processes, `jejak projections run`, a rebuild's
swap) coexist: one applies a batch at a time, and each re-reads the position under the lock.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from typing import Any

import psycopg
from psycopg import Cursor, sql

from projections.base import READ_SCHEMA, Projection
from projections.reader import EventReader
from projections.registry import all_projections
from services.database import Database

log = logging.getLogger("jejak.projections")

RUNNER_LOCK = 7_160_001  # advisory lock key shared by every runner of this database
POSITIONS_CHANNEL = "jejak_read_models"  # NOTIFYd with the new position after each batch


class ProjectionRunner:
    """Applies pending events to the read models in `schema`, in batches."""

    def __init__(
        self,
        database: Database,
        reader: EventReader,
        *,
        schema: str = READ_SCHEMA,
        batch_size: int = 1000,
        projections: Sequence[Projection] | None = None,
    ) -> None:
        self.database = database
        self.reader = reader
        self.schema = schema
        self.batch_size = batch_size
        self.projections = list(projections) if projections is not None else all_projections()
        self.conn = psycopg.connect(**database.psycopg_kwargs(), autocommit=True)

    def close(self) -> None:
        self.conn.close()

    # --- schema -----------------------------------------------------------------------------
    def ensure_schema(self) -> None:
        """Create the schema, every read-model table and a position row per projection."""
        with self.conn.transaction(), self.conn.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (RUNNER_LOCK,))
            cur.execute(
                sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(self.schema))
            )
            cur.execute(
                f"CREATE TABLE IF NOT EXISTS {self.schema}.projection_positions ("
                "name text PRIMARY KEY, position bigint NOT NULL, updated_at timestamptz NOT NULL)"
            )
            for projection in self.projections:
                for statement in projection.ddl(self.schema):
                    cur.execute(statement)
                cur.execute(
                    f"INSERT INTO {self.schema}.projection_positions VALUES (%s, 0, now()) "
                    "ON CONFLICT (name) DO NOTHING",
                    (projection.name,),
                )

    # --- applying ---------------------------------------------------------------------------
    def position(self) -> int:
        """The position every read model in this schema has reached."""
        with self.conn.transaction(), self.conn.cursor() as cur:
            return self._position(cur)

    def position_in(self, cur: Cursor[Any]) -> int:
        """The position, read inside the caller's transaction."""
        return self._position(cur)

    def process_batch(self) -> int:
        """Apply the next batch in its own transaction; returns how many events it applied."""
        with self.conn.transaction(), self.conn.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (RUNNER_LOCK,))
            return self.apply_pending(cur)

    def apply_pending(self, cur: Cursor[Any]) -> int:
        """Inside the caller's transaction: apply the next batch and record the position."""
        batch = self.reader.read(self._position(cur), self.batch_size)
        if not batch:
            return 0
        for projection in self.projections:
            projection.apply(batch, cur, self.schema)
        last = batch[-1].position
        cur.execute(
            f"UPDATE {self.schema}.projection_positions SET position = %s, updated_at = now()",
            (last,),
        )
        cur.execute("SELECT pg_notify(%s, %s)", (POSITIONS_CHANNEL, str(last)))
        return len(batch)

    def catch_up(self) -> int:
        """Apply batches until the log is exhausted; returns how many events were applied."""
        total = 0
        while applied := self.process_batch():
            total += applied
        return total

    def run_forever(self, stop: threading.Event, idle_wait: float = 1.0) -> None:
        """Follow the log: catch up, then sleep until the recorder NOTIFYs a new event."""
        listener = psycopg.connect(**self.database.psycopg_kwargs(), autocommit=True)
        try:
            listener.execute(sql.SQL("LISTEN {}").format(sql.Identifier(self.reader.channel)))
            while not stop.is_set():
                try:
                    self.catch_up()
                except Exception:  # a bad batch must not kill the follower: log, wait, retry
                    log.exception("projection batch failed; retrying")
                    stop.wait(idle_wait)
                    continue
                for _ in listener.notifies(timeout=idle_wait, stop_after=1):
                    pass
        finally:
            listener.close()

    def _position(self, cur: Cursor[Any]) -> int:
        cur.execute(f"SELECT coalesce(min(position), 0) FROM {self.schema}.projection_positions")
        row = cur.fetchone()
        return int(row[0]) if row else 0
