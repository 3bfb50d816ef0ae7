"""The `eventsourcing` library's own ProjectionRunner doing Jejak's projection work.

The library's runner subscribes to the application and hands each event to
`Projection.process_event`; here that applies every Jejak read model to a batch of one and
records the library's tracking row, in one transaction per event: the same projection code
and the same exactly-once guarantee, one event at a time.
"""

from __future__ import annotations

import time
from typing import Any

import psycopg
from eventsourcing.persistence import Tracking
from eventsourcing.postgres import PostgresTrackingRecorder
from eventsourcing.projection import Projection, ProjectionRunner
from psycopg import sql
from psycopg.rows import tuple_row

from projections.base import Envelope
from projections.reader import EventReader
from projections.registry import all_projections
from projections.runner import ProjectionRunner as JejakRunner
from services.database import Database
from services.personnel import PersonnelApplication

SCHEMA = "bench_per_event"
NAME = "jejak_bench_per_event"


class PerEventView(PostgresTrackingRecorder):
    """A materialised view that writes the Jejak read models in the SCHEMA schema."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.projections = all_projections()

    def apply(self, envelope: Envelope, tracking: Tracking) -> None:
        with self.datastore.transaction(commit=True) as curs:
            # The read models expect tuple rows; the datastore's cursors give dicts.
            with curs.connection.cursor(row_factory=tuple_row) as cur:
                for projection in self.projections:
                    projection.apply([envelope], cur, SCHEMA)
            self._insert_tracking(curs, tracking)


class PerEventProjection(Projection[PerEventView]):
    name = NAME

    def process_event(self, domain_event: Any, tracking: Tracking) -> None:
        self.view.apply(Envelope(tracking.notification_id, domain_event), tracking)


def reset(database: Database, reader: EventReader) -> None:
    """An empty SCHEMA with every read-model table, and no tracking row."""
    with psycopg.connect(**database.psycopg_kwargs(), autocommit=True) as conn:
        conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(SCHEMA)))
        conn.execute(sql.SQL("DROP TABLE IF EXISTS {}").format(sql.Identifier(f"{NAME}_tracking")))
    runner = JejakRunner(database, reader, schema=SCHEMA)
    try:
        runner.ensure_schema()
    finally:
        runner.close()


def time_per_event_runner(database: Database, reader: EventReader, upto: int) -> float:
    """Seconds for the library's runner to apply positions 1..`upto`."""
    reset(database, reader)
    started = time.perf_counter()
    runner: ProjectionRunner[PersonnelApplication, PerEventView] = ProjectionRunner(
        application_class=PersonnelApplication,
        projection_class=PerEventProjection,
        view_class=PerEventView,
        env=database.eventsourcing_env(),
    )
    with runner:
        runner.wait(upto, timeout=3600)
        seconds = time.perf_counter() - started
    return seconds


def time_batched_runner(
    database: Database, reader: EventReader, upto: int, batch_size: int
) -> float:
    """Seconds for Jejak's runner, in batches, to apply positions 1..`upto` to SCHEMA."""
    reset(database, reader)
    runner = JejakRunner(database, reader, schema=SCHEMA, batch_size=batch_size)
    try:
        started = time.perf_counter()
        while (position := runner.position()) < upto:
            runner.batch_size = min(batch_size, upto - position)
            if not runner.process_batch():
                break
        return time.perf_counter() - started
    finally:
        runner.close()
