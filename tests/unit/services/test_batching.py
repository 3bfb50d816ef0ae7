"""BatchingApplication: commands in a batch run on in-memory aggregates, saved in one go."""

from __future__ import annotations

import threading
from typing import Any, ClassVar
from uuid import UUID, uuid4

import pytest
from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.domain import Aggregate, event
from eventsourcing.persistence import IntegrityError

from services.batching import BatchingApplication

IN_MEMORY = {"PERSISTENCE_MODULE": "eventsourcing.popo"}


class Tally(Aggregate):
    @event("Opened")
    def __init__(self, id: UUID) -> None:
        self.count = 0

    @event("Counted")
    def count_one(self) -> None:
        self.count += 1


class Tallies(BatchingApplication, Application[UUID]):
    snapshotting_intervals: ClassVar[dict[type[Any], int]] = {Tally: 3}

    def open(self, tally_id: UUID) -> list[Any]:
        return self.save(Tally(id=tally_id))

    def count(self, tally_id: UUID) -> list[Any]:
        tally: Tally = self.repository.get(tally_id)
        tally.count_one()
        return self.save(tally)


@pytest.fixture
def app() -> Tallies:
    return Tallies(env=dict(IN_MEMORY))


def logged(app: Tallies) -> int:
    return app.recorder.max_notification_id() or 0


def test_outside_a_batch_save_records_at_once(app: Tallies) -> None:
    recordings = app.open(uuid4())

    assert [r.notification.id for r in recordings] == [1]


def test_in_a_batch_save_returns_no_recordings_and_the_log_stays_empty(app: Tallies) -> None:
    with app.batch():
        assert app.open(uuid4()) == []
        assert logged(app) == 0


def test_in_a_batch_a_command_sees_the_pending_changes_of_the_one_before(app: Tallies) -> None:
    tally_id = uuid4()
    with app.batch():
        app.open(tally_id)
        app.count(tally_id)
        app.count(tally_id)

    assert app.repository.get(tally_id).count == 2


def test_closing_a_batch_saves_every_pending_event_in_one_go(app: Tallies) -> None:
    first, second = uuid4(), uuid4()
    with app.batch():
        app.open(first)
        app.open(second)
        app.count(first)

    assert logged(app) == 3


def test_a_batch_whose_block_raises_saves_nothing(app: Tallies) -> None:
    tally_id = uuid4()

    def open_then_fail() -> None:
        with app.batch():
            app.open(tally_id)
            raise ZeroDivisionError

    with pytest.raises(ZeroDivisionError):
        open_then_fail()

    with pytest.raises(AggregateNotFoundError):
        app.repository.get(tally_id)


def test_batches_do_not_nest(app: Tallies) -> None:
    with app.batch(), pytest.raises(RuntimeError, match="nest"), app.batch():
        pass


def test_in_a_batch_a_new_aggregate_with_a_recorded_id_is_refused_at_once(app: Tallies) -> None:
    tally_id = uuid4()
    app.open(tally_id)

    with app.batch(), pytest.raises(IntegrityError):
        app.open(tally_id)


def test_in_a_batch_another_copy_of_a_pending_aggregate_is_refused(app: Tallies) -> None:
    tally_id = uuid4()
    with app.batch():
        app.open(tally_id)
        with pytest.raises(IntegrityError):
            app.open(tally_id)


def test_a_batch_belongs_to_the_thread_that_opened_it(app: Tallies) -> None:
    saved_elsewhere: list[Any] = []
    with app.batch():
        worker = threading.Thread(target=lambda: saved_elsewhere.extend(app.open(uuid4())))
        worker.start()
        worker.join()

        assert len(saved_elsewhere) == 1  # the other thread saved at once
        assert logged(app) == 1


def test_closing_a_batch_takes_the_snapshots_due(app: Tallies) -> None:
    tally_id = uuid4()
    with app.batch():
        app.open(tally_id)
        app.count(tally_id)
        app.count(tally_id)

    assert app.snapshots is not None
    assert [s.originator_version for s in app.snapshots.get(tally_id)] == [3]


def test_a_batch_told_its_ids_are_new_refuses_a_recorded_id_only_when_it_saves(
    app: Tallies,
) -> None:
    tally_id = uuid4()
    app.open(tally_id)

    def open_again_unchecked() -> None:
        with app.batch(check_new_ids=False):
            app.open(tally_id)  # no query: accepted into the batch

    with pytest.raises(IntegrityError):
        open_again_unchecked()
    assert logged(app) == 1
