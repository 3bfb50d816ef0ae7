"""Batches for any Jejak application: many commands, one save.

The data generator loads years of history through the same commands (and so the same
validation) as the API; a transaction per command would make a province impossible. While a
batch is open on a thread, `save()` keeps the aggregates in memory and returns no recordings
(command outcomes then have position 0: nothing is in the log yet), and the repository answers
those pending aggregates before the event store, so the next command sees the last one's
changes. Closing the batch saves them all in one go: one transaction, snapshots as usual.

The repository also replays events with `replay` rather than the library's `project_aggregate`,
which asserts each event against a runtime-checkable Protocol: `isinstance` walks the
Protocol's attributes every time, 40 µs an event, a third of loading a long history
(docs/benchmarks.md, loading).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, cast
from uuid import UUID

from eventsourcing.application import Application, Repository
from eventsourcing.domain import BaseAggregate
from eventsourcing.persistence import IntegrityError, Recording

Pending = dict[UUID, BaseAggregate[UUID]]


def replay(aggregate: Any, events: Iterable[Any]) -> Any:
    """Apply each event (a snapshot first, if any) in turn: every stored event mutates."""
    for event in events:
        aggregate = event.mutate(aggregate)
    return aggregate


class BatchingRepository(Repository[UUID]):
    """The application's repository, answering from the open batch first."""

    def __init__(self, batches: threading.local, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._batches = batches

    def get(self, aggregate_id: UUID, *, version: int | None = None, **kwargs: Any) -> Any:
        pending: Pending | None = getattr(self._batches, "pending", None)
        # A past version (as snapshotting asks for) is always in the store.
        if pending is not None and version is None and aggregate_id in pending:
            return pending[aggregate_id]
        kwargs.setdefault("projector_func", replay)
        return super().get(aggregate_id, version=version, **kwargs)


class BatchingApplication(Application[UUID]):
    """A mixin giving an application `batch()`; put it first among the bases."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Before the base initialiser: it constructs the repository, which reads the batches.
        self._batches = threading.local()  # a batch belongs to the thread that opened it
        super().__init__(*args, **kwargs)

    def construct_repository(self) -> Repository[UUID]:
        plain = super().construct_repository()  # as the env configures it
        repository = BatchingRepository(
            self._batches,
            event_store=plain.event_store,
            snapshot_store=plain.snapshot_store,
            fastforward=plain.fastforward,
            fastforward_skipping=plain.fastforward_skipping,
            deepcopy_from_cache=plain.deepcopy_from_cache,
        )
        repository.cache = plain.cache
        return repository

    @contextmanager
    def batch(self, *, check_new_ids: bool = True) -> Iterator[None]:
        """Run commands against in-memory aggregates and save them all at the end, in one go.

        A new aggregate whose id is recorded already is refused when it is saved into the
        batch, as a save outside a batch would refuse it: a query per new aggregate. A caller
        that knows its ids are new (the data generator, writing an empty log) may skip that
        with `check_new_ids=False`; a duplicate then fails the batch's save as a whole.
        If the block raises, nothing of the batch is saved.
        """
        if self._pending is not None:
            raise RuntimeError("Batches do not nest.")
        pending: Pending = {}
        self._batches.pending, self._batches.check_new_ids = pending, check_new_ids
        self._batches.saved = {}  # aggregate id: how many of its pending events were saved
        try:
            yield
        finally:
            self._batches.pending = self._batches.saved = None
        if pending:
            self.save(*pending.values())

    def save(self, *objs: Any, **kwargs: Any) -> list[Recording[UUID]]:
        """Save now, or, in a batch, keep the aggregates for the batch's save."""
        pending = self._pending
        if pending is None:
            return super().save(*objs, **kwargs)
        if kwargs:
            raise TypeError("A batch saves aggregates only, without save arguments.")
        for obj in objs:
            if obj is None:
                continue
            if not isinstance(obj, BaseAggregate):
                raise TypeError(f"A batch saves aggregates only, not {type(obj).__name__}.")
            aggregate = cast("BaseAggregate[UUID]", obj)
            known = pending.get(aggregate.id)
            if known is None and self._batches.check_new_ids and _is_new(aggregate):
                self._check_new(aggregate)
            elif known is not None and known is not aggregate:
                raise IntegrityError(f"{aggregate.id} is already in this batch")
            pending[aggregate.id] = aggregate
            self._batches.saved[aggregate.id] = len(aggregate.pending_events)
        return []

    def unchecked_events(self, aggregate: Any) -> Sequence[object]:
        """The aggregate's pending events not yet saved into this batch, whose tenant the
        application's `save_outcome` checks before saving (services/application.py). A batch
        keeps an aggregate's events pending across all its commands: checking them all at
        every save made a batch's cost grow with the square of its size."""
        events: Sequence[object] = aggregate.pending_events
        saved: dict[UUID, int] | None = getattr(self._batches, "saved", None)
        return events if saved is None else events[saved.get(aggregate.id, 0) :]

    @property
    def _pending(self) -> Pending | None:
        pending: Pending | None = getattr(self._batches, "pending", None)
        return pending

    def _check_new(self, aggregate: BaseAggregate[UUID]) -> None:
        """Refuse early what the batch's save would refuse late: an id already recorded."""
        if next(iter(self.events.get(aggregate.id, limit=1)), None) is not None:
            raise IntegrityError(f"{aggregate.id} already exists")


def _is_new(aggregate: BaseAggregate[UUID]) -> bool:
    """Whether all of the aggregate's events are pending: it is not in the store yet."""
    return aggregate.version == len(aggregate.pending_events)
