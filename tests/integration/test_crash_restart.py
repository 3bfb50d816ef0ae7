"""Exactly once: a runner killed mid-batch, or a batch that fails, leaves no partial batch.

The failures here are the database's (a serialization failure): the whole batch is undone and
retried. An event a projection cannot apply is isolated instead (tests/integration/
test_dead_letters.py).
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

import psycopg
import pytest
from psycopg import Cursor

from projections.base import Envelope
from projections.reader import EventReader
from projections.rebuild import rebuild
from projections.registry import all_projections
from projections.runner import ProjectionRunner
from services.caller import Caller
from services.database import Database
from services.personnel import PersonnelApplication
from services.runtime import prepare_read_models
from tests.integration.scenarios import (
    REGISTERED,
    database_url,
    read_model_contents,
    record_careers,
    wait_until,
)

pytestmark = pytest.mark.integration

REPOSITORY = Path(__file__).resolve().parents[2]
KILLS = 4
BATCH_SIZE = 5


class FailsOnPosition:
    """A projection of the test's own that fails, as the database would, in the batch holding
    `position`."""

    name: ClassVar[str] = "fails_on_position"

    def __init__(self, position: int, times: int | None = None) -> None:
        self.position, self.failures_left = position, times

    def ddl(self, schema: str) -> Sequence[str]:
        return []

    def apply(self, batch: Sequence[Envelope], cur: Cursor[Any], schema: str) -> None:
        if self.failures_left == 0 or all(e.position != self.position for e in batch):
            return
        if self.failures_left is not None:
            self.failures_left -= 1
        raise psycopg.errors.SerializationFailure(f"Projection failed at position {self.position}.")


def start_worker(database: Database) -> subprocess.Popen[bytes]:
    """`python -m tests.integration.projection_worker` on the test database."""
    env = {**os.environ, "DATABASE_URL": database_url(database)}
    env["PROJECTION_BATCH_SIZE"] = str(BATCH_SIZE)
    return subprocess.Popen(
        [sys.executable, "-m", "tests.integration.projection_worker"], cwd=REPOSITORY, env=env
    )


def applied_so_far(database: Database) -> tuple[int, int, int]:
    """In one snapshot: the recorded position, the event_log's row count and its last row."""
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        row = conn.execute(
            "SELECT (SELECT min(position) FROM rm.projection_positions), count(*), "
            "coalesce(max(position), 0) FROM rm.event_log"
        ).fetchone()
    assert row is not None
    position, logged, last = row
    return int(position), int(logged), int(last)


def test_a_runner_killed_at_random_moments_applies_every_event_exactly_once(
    database: Database, personnel: PersonnelApplication, caller: Caller, reader: EventReader
) -> None:
    head = record_careers(personnel, caller, employees=375)
    prepare_read_models(database, reader)
    rng = random.Random(head)

    # Kill the runner with SIGKILL a random while after it has made progress, several times.
    for _ in range(KILLS):
        before, _, _ = applied_so_far(database)
        worker = start_worker(database)
        try:
            wait_until(lambda: applied_so_far(database)[0] > before)  # noqa: B023
            time.sleep(rng.uniform(0.0, 0.3))
        finally:
            worker.kill()
            worker.wait()
        position, logged, last = applied_so_far(database)
        assert before < position < head, "the worker should die part-way through the log"
        assert logged == last == position, "a killed batch must leave nothing behind"

    # Restart and finish; the result must be what a clean rebuild gives.
    assert start_worker(database).wait(timeout=60) == 0
    resumed = read_model_contents(database)
    rebuild(database, reader)
    assert applied_so_far(database) == (head, head, head)
    assert resumed == read_model_contents(database)


def test_a_batch_that_fails_leaves_nothing_visible_and_the_position_where_it_was(
    database: Database, personnel: PersonnelApplication, caller: Caller, reader: EventReader
) -> None:
    record_careers(personnel, caller, employees=10)
    runner = ProjectionRunner(
        database,
        reader,
        batch_size=BATCH_SIZE,
        projections=[*all_projections(), FailsOnPosition(13)],  # fails after the others wrote
    )
    try:
        runner.ensure_schema()
        with pytest.raises(psycopg.errors.SerializationFailure, match="position 13"):
            runner.catch_up()
        assert runner.position() == 10
    finally:
        runner.close()

    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        latest = conn.execute(
            "SELECT (SELECT max(position) FROM rm.units), "
            "(SELECT max(last_position) FROM rm.employees), "
            "(SELECT max(position) FROM rm.career_entries), "
            "(SELECT max(position) FROM rm.event_log), "
            "(SELECT count(*) FROM rm.event_log), "
            "(SELECT max(position) FROM rm.projection_positions)"
        ).fetchone()
    assert latest == (REGISTERED + 5, 10, 10, 10, 10, 10)  # the units follow the registration


def test_a_following_runner_retries_a_failed_batch_until_it_is_applied_once(
    database: Database, personnel: PersonnelApplication, caller: Caller, reader: EventReader
) -> None:
    head = record_careers(personnel, caller, employees=10)
    failing = FailsOnPosition(13, times=2)
    runner = ProjectionRunner(
        database, reader, batch_size=BATCH_SIZE, projections=[*all_projections(), failing]
    )
    stop = threading.Event()
    follower = threading.Thread(target=runner.run_forever, args=(stop, 0.05), daemon=True)
    try:
        runner.ensure_schema()
        follower.start()
        wait_until(lambda: applied_so_far(database)[0] == head)
    finally:
        stop.set()
        follower.join(10)
        runner.close()
    followed = read_model_contents(database)
    assert failing.failures_left == 0

    rebuild(database, reader)

    rebuilt = read_model_contents(database)
    assert {name: followed[name] for name in rebuilt if name != "projection_positions"} == {
        name: rebuilt[name] for name in rebuilt if name != "projection_positions"
    }
