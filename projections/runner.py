"""The projection runner: applies the log to the read models in batches, exactly once.

Each batch is one transaction that writes every read model and records each one's position,
so a crash leaves the read models exactly as they were before the batch. A transaction-level
advisory lock lets several runners (serve processes, `jejak projections run`, a rebuild's
swap) coexist: one applies a batch at a time, and each re-reads the positions under the lock.

An event a projection cannot apply (text PostgreSQL refuses, a bug in a handler, an event
class this code cannot decode) must not stop the others. The batch runs in one savepoint;
only if it fails is each projection retried alone in a savepoint and a failing one bisected
to the event (`projections.isolation`). That projection is then *held*: it applies the events
before the bad one and stops there, its dead letter and `held_at` written in the same
transaction as its rows and position; the others go on. Holding, not skipping, because this
is a system of record: a skipped event would leave a hole that makes the read model silently
wrong (a promotion missing, a count off by one), and applying it later, out of order, could
not repair a model built on the order of events; a held model is visibly stale instead —
DEGRADED in `jejak projections status` and /readyz, and read-your-writes for a position past
the hold fails at once. A projection that reads another's tables (`READS_FROM`) stops where
that one is held. `projections.retry` gives the held projections another go after a fix.

Split by tenant across processes, each worker is a `projections.shard_runner.ShardRunner`
(this runner with its own position rows, its share of the log and a lock of its shard); this
one leaves read models split that way alone.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import psycopg
from eventsourcing.utils import get_topic
from psycopg import Cursor, sql

from projections.base import READ_SCHEMA, Envelope, Projection
from projections.dead_letters import (
    DeadLetter,
    dead_letters_ddl,
    record_dead_letter,
    unresolved_dead_letters,
)
from projections.follow import follow
from projections.isolation import first_failure, is_transient
from projections.reader import EventReader, UndecodableEvent
from projections.registry import READS_FROM, all_projections
from projections.security import secure_schema
from projections.shards import split_layout
from projections.standings import Standings
from services.database import Database

log = logging.getLogger("jejak.projections")

RUNNER_LOCK = 7_160_001  # advisory lock key shared by every runner of this database
POSITIONS_CHANNEL = "jejak_read_models"  # NOTIFYd after each batch that moved a position


@dataclass
class Step:
    """What one batch did: how many events it read, and which projections it held."""

    events: int = 0
    held: set[str] = field(default_factory=set)


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
        reads_from: Mapping[str, Sequence[str]] = READS_FROM,
    ) -> None:
        self.database = database
        self.reader = reader
        self.schema = schema
        self.batch_size = batch_size
        self.projections = list(projections) if projections is not None else all_projections()
        self.reads_from = reads_from
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
            # Where a projection is held (its unresolved dead letter): readable by the API,
            # which may not see the dead letters' error messages.
            cur.execute(
                f"ALTER TABLE {self.schema}.projection_positions "
                "ADD COLUMN IF NOT EXISTS held_at bigint"
            )
            for statement in dead_letters_ddl(self.schema):
                cur.execute(statement)
            for projection in self.projections:
                for statement in projection.ddl(self.schema):
                    cur.execute(statement)
            self.track(cur)
            secure_schema(cur, self.schema)  # the API role's grants and tenant policies

    def track(self, cur: Cursor[Any]) -> None:
        """A position row per projection, unless shard workers split the read models."""
        if split_layout(cur, self.schema) is not None:
            return  # this runner then waits (see `advance`): `projections.shard_runner` runs
        for projection in self.projections:
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
        return self._locked_step().events

    def _locked_step(self) -> Step:
        with self.conn.transaction(), self.conn.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (RUNNER_LOCK,))
            return self.advance(cur)

    def apply_pending(self, cur: Cursor[Any]) -> int:
        """Inside the caller's transaction: apply the next batch and record the positions."""
        return self.advance(cur).events

    def advance(self, cur: Cursor[Any], retrying: Collection[str] = ()) -> Step:
        """Apply the next batch to every projection not held (nor those in `retrying`)."""
        names = [p.name for p in self.projections]
        standing = Standings.read(cur, self.schema, names, self.reads_from, retrying)
        if not standing.tracks(names):  # split by shard workers meanwhile: theirs to apply
            return Step()
        movable = [p for p in self.projections if standing.movable(p.name)]
        if not movable:
            return Step()
        start = min(standing.positions[p.name] for p in movable)
        try:
            batch, last, scanned = self.read(start)
        except UndecodableEvent as bad:
            return self._hold_at_undecodable(cur, movable, standing, bad)
        if not scanned:
            return Step()
        try:
            with cur.connection.transaction():  # the fast path: one savepoint per batch
                reached = {p.name: self._apply(p, batch, last, standing, cur) for p in movable}
            step = Step(scanned)
        except Exception as error:
            if is_transient(error) or cur.connection.broken:
                raise
            log.warning("A batch after #%s failed (%r); isolating it.", start, error)
            reached, step = self._apply_isolated(cur, movable, batch, last, standing)
            step.events = scanned
        self._write(cur, standing, reached)
        return step

    def dead_letters(self) -> list[DeadLetter]:
        """The dead letters not yet resolved, in log order."""
        with self.conn.transaction(), self.conn.cursor() as cur:
            return unresolved_dead_letters(cur, self.schema)

    def catch_up(self) -> int:
        """Apply batches until the log is exhausted; returns how many events were applied."""
        total = 0
        while (step := self._locked_step()).events or step.held:  # a hold may free the rest
            total += step.events
        return total

    def run_forever(self, stop: threading.Event, idle_wait: float = 1.0) -> None:
        """Follow the log: catch up, then sleep until the recorder NOTIFYs a new event."""
        follow(self.database, self.reader.channel, self.catch_up, stop, idle_wait)

    def _position(self, cur: Cursor[Any]) -> int:
        cur.execute(f"SELECT coalesce(min(position), 0) FROM {self.schema}.projection_positions")
        row = cur.fetchone()
        return int(row[0]) if row else 0

    # --- one batch ----------------------------------------------------------------------------
    def read(self, start: int) -> tuple[list[Envelope], int, int]:
        """The next batch after `start`: its events, the last position read, how many read."""
        batch = self.reader.read(start, self.batch_size)
        return batch, batch[-1].position if batch else start, len(batch)

    def events_for(self, projection: Projection, batch: list[Envelope]) -> list[Envelope]:
        """The events of `batch` that `projection` applies (a shard's runner narrows it)."""
        return batch

    def _apply(
        self,
        projection: Projection,
        batch: list[Envelope],
        last: int,
        standing: Standings,
        cur: Cursor[Any],
    ) -> int:
        events, reached = standing.due(projection.name, self.events_for(projection, batch), last)
        if events:
            projection.apply(events, cur, self.schema)
        return reached

    def _apply_isolated(
        self,
        cur: Cursor[Any],
        movable: list[Projection],
        batch: list[Envelope],
        last: int,
        standing: Standings,
    ) -> tuple[dict[str, int], Step]:
        """Each projection alone in a savepoint; one that fails is held at its bad event."""
        reached, step = {}, Step(len(batch))
        for projection in movable:
            name = projection.name
            events, reached[name] = standing.due(name, self.events_for(projection, batch), last)
            failure = first_failure(projection, events, cur, self.schema) if events else None
            if failure is not None:
                bad, error = failure.envelope, failure.error
                topic = get_topic(type(bad.event))
                record_dead_letter(cur, self.schema, name, bad.position, topic, error)
                log.error("Projection %s is held at #%s (%s): %r", name, bad.position, topic, error)
                standing.hold(name, bad.position)
                reached[name] = max(standing.positions[name], bad.position - 1)
                step.held.add(name)
        return reached, step

    def _hold_at_undecodable(
        self,
        cur: Cursor[Any],
        movable: list[Projection],
        standing: Standings,
        bad: UndecodableEvent,
    ) -> Step:
        """No projection can tell whether it needs an event nobody can decode: hold them all."""
        step = Step()
        for projection in movable:
            name = projection.name
            if standing.positions[name] < bad.position <= standing.limit(name):
                record_dead_letter(cur, self.schema, name, bad.position, bad.topic, bad.error)
                standing.hold(name, bad.position)
                step.held.add(name)
        log.error("Projections %s are held at #%s: %s", sorted(step.held), bad.position, bad)
        self._write(cur, standing, {})
        return step

    def _write(self, cur: Cursor[Any], standing: Standings, reached: dict[str, int]) -> None:
        furthest = standing.write(cur, reached)
        if furthest is not None:
            cur.execute("SELECT pg_notify(%s, %s)", (POSITIONS_CHANNEL, str(furthest)))
