"""Reading the log one batch ahead: every batch once, in order, errors where they belong."""

from __future__ import annotations

import threading
from typing import cast

import pytest

from projections.base import Envelope
from projections.prefetch import batches_ahead
from projections.reader import EventReader


class Log:
    """A log of positions 1..n with gaps, read the way `EventReader.read` reads it."""

    def __init__(self, positions: list[int], fail_after: int | None = None) -> None:
        self.positions = positions
        self.fail_after = fail_after
        self.reads: list[int] = []
        self.threads: set[str] = set()

    def read(self, after: int, limit: int) -> list[Envelope]:
        self.reads.append(after)
        self.threads.add(threading.current_thread().name)
        if self.fail_after is not None and after >= self.fail_after:
            raise ConnectionError("the database went away")
        return [Envelope(p, None) for p in self.positions if p > after][:limit]


def read_all(log: Log, *, after: int = 0, until: int, batch_size: int) -> list[list[int]]:
    reader = cast(EventReader, log)
    with batches_ahead(reader, after=after, until=until, batch_size=batch_size) as batches:
        return [[e.position for e in batch] for batch in batches]


def test_every_batch_up_to_the_one_holding_until_comes_once_in_order() -> None:
    log = Log([1, 2, 3, 5, 8, 9, 10, 12])

    batches = read_all(log, until=9, batch_size=3)

    assert batches == [[1, 2, 3], [5, 8, 9]]
    assert log.threads == {"jejak-log-prefetch"}


def test_reading_starts_after_the_position_given_and_stops_at_the_end_of_the_log() -> None:
    log = Log([1, 2, 3, 4, 5])

    batches = read_all(log, after=2, until=100, batch_size=2)

    assert batches == [[3, 4], [5]]


def test_a_failed_read_is_raised_to_the_consumer_after_the_batches_before_it() -> None:
    log = Log(list(range(1, 21)), fail_after=10)
    seen: list[list[int]] = []

    def consume() -> None:
        with batches_ahead(cast(EventReader, log), after=0, until=20, batch_size=5) as batches:
            for batch in batches:
                seen.append([e.position for e in batch])

    with pytest.raises(ConnectionError, match="went away"):
        consume()

    assert seen == [[1, 2, 3, 4, 5], [6, 7, 8, 9, 10]]


def test_leaving_early_stops_the_reading_thread() -> None:
    log = Log(list(range(1, 1001)))

    with batches_ahead(cast(EventReader, log), after=0, until=1000, batch_size=10) as batches:
        first = next(iter(batches))

    assert [e.position for e in first] == list(range(1, 11))
    assert not any(t.name == "jejak-log-prefetch" for t in threading.enumerate())
    assert len(log.reads) < 100
