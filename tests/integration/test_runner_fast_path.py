"""Isolation costs nothing while every event applies: one savepoint a batch, none per event.

The savepoints are counted in libpq's trace of the runner's own connection (every statement
the client sends), so nothing of the runner is replaced to observe it.
"""

from __future__ import annotations

import math
import re
import tempfile
from collections.abc import Callable, Iterator, Sequence
from typing import Any, ClassVar

import psycopg
import pytest
from psycopg import Cursor

from projections.base import Envelope
from projections.reader import EventReader
from projections.registry import all_projections
from projections.runner import ProjectionRunner
from services.caller import Caller
from services.database import Database
from services.personnel import PersonnelApplication
from tests.integration.poison import Refuses
from tests.integration.scenarios import record_careers

pytestmark = pytest.mark.integration

SAVEPOINT = re.compile(r'\tF\t\d+\tQuery\t "SAVEPOINT ')
PROJECTIONS = len(all_projections())


@pytest.fixture
def head(personnel: PersonnelApplication, caller: Caller) -> int:
    """Five units and 40 careers of eight events: 325 events after the fixtures' own."""
    return record_careers(personnel, caller, employees=40)


@pytest.fixture
def make_runner(
    database: Database, reader: EventReader
) -> Iterator[Callable[..., ProjectionRunner]]:
    """Runners on freshly created read models, closed after the test."""
    made: list[ProjectionRunner] = []

    def make(**options: Any) -> ProjectionRunner:
        made.append(ProjectionRunner(database, reader, **options))
        made[-1].ensure_schema()
        return made[-1]

    yield make
    for runner in made:
        runner.close()


def savepoints_while(runner: ProjectionRunner, work: Callable[[], object]) -> int:
    """How many savepoints the runner's connection opened while `work` ran."""
    with tempfile.TemporaryFile("w+") as trace:
        runner.conn.pgconn.trace(trace.fileno())
        try:
            work()
        finally:
            runner.conn.pgconn.untrace()
        trace.seek(0)
        return len(SAVEPOINT.findall(trace.read()))


def test_a_batch_every_projection_applies_takes_one_savepoint_however_many_events_it_holds(
    make_runner: Callable[..., ProjectionRunner], head: int
) -> None:
    runner = make_runner(batch_size=head)

    assert savepoints_while(runner, runner.catch_up) == 1
    assert runner.position() == head


def test_smaller_batches_take_one_savepoint_each(
    make_runner: Callable[..., ProjectionRunner], head: int
) -> None:
    runner = make_runner(batch_size=50)

    assert savepoints_while(runner, runner.catch_up) == math.ceil(head / 50)


def test_a_failing_batch_tries_each_projection_once_and_halves_only_the_failing_one(
    make_runner: Callable[..., ProjectionRunner], head: int
) -> None:
    runner = make_runner(batch_size=head, projections=[*all_projections(), Refuses(head // 2)])

    taken = savepoints_while(runner, runner.catch_up)

    # The batch, each projection alone, then two halves per step down to the one event.
    assert taken <= 1 + PROJECTIONS + 1 + 2 * math.ceil(math.log2(head))  # ~2·log2(n), not n
    assert [(d.projection, d.position) for d in runner.dead_letters()] == [("refuses", head // 2)]


class FailsLikeTheDatabase:
    """A projection of the test's own that meets a serialization failure at `position`."""

    name: ClassVar[str] = "fails_like_the_database"

    def __init__(self, position: int) -> None:
        self.position = position

    def ddl(self, schema: str) -> Sequence[str]:
        return []

    def apply(self, batch: Sequence[Envelope], cur: Cursor[Any], schema: str) -> None:
        if any(envelope.position == self.position for envelope in batch):
            raise psycopg.errors.SerializationFailure("could not serialize access")


def test_a_database_failure_undoes_the_whole_batch_dead_letters_and_positions_included(
    make_runner: Callable[..., ProjectionRunner], database: Database, head: int
) -> None:
    refuses, fails = Refuses(head // 2), FailsLikeTheDatabase(head // 2 + 1)
    runner = make_runner(batch_size=head, projections=[*all_projections(), refuses, fails])

    with pytest.raises(psycopg.errors.SerializationFailure):
        runner.catch_up()

    assert runner.dead_letters() == []
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        stored = conn.execute("SELECT DISTINCT position, held_at FROM rm.projection_positions")
        assert stored.fetchall() == [(0, None)]
        assert conn.execute("SELECT count(*) FROM rm.event_log").fetchone() == (0,)
