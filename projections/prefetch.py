"""Reading the log one batch ahead, on a thread, while the previous batch is being applied.

A rebuild spends a fifth of its time waiting for PostgreSQL to write a batch; decoding the
next batch meanwhile (the wait releases the GIL) hides most of the reading behind it
(docs/benchmarks.md, rebuild).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from projections.base import Envelope
from projections.reader import EventReader

_AHEAD = 2  # batches decoded and waiting: enough to never starve, little memory
_DONE = object()


@contextmanager
def batches_ahead(
    reader: EventReader, *, after: int, until: int, batch_size: int
) -> Iterator[Iterator[list[Envelope]]]:
    """The log's batches after position `after` up to (the batch holding) `until`, in order."""
    ready: queue.Queue[object] = queue.Queue(maxsize=_AHEAD)
    stop = threading.Event()

    def read() -> None:
        position = after
        try:
            while position < until and not stop.is_set():
                batch = reader.read(position, batch_size)
                if not batch:
                    break
                position = batch[-1].position
                _put(ready, batch, stop)
        except BaseException as error:  # handed to the consumer, who raises it
            _put(ready, error, stop)
        _put(ready, _DONE, stop)

    def consume() -> Iterator[list[Envelope]]:
        while (item := ready.get()) is not _DONE:
            if isinstance(item, BaseException):
                raise item
            yield item  # type: ignore[misc]

    thread = threading.Thread(target=read, name="jejak-log-prefetch", daemon=True)
    thread.start()
    try:
        yield consume()
    finally:
        stop.set()
        while thread.is_alive():  # unblock a reader waiting for room, then let it end
            try:
                ready.get_nowait()
            except queue.Empty:
                thread.join(timeout=0.05)


def _put(ready: queue.Queue[object], item: object, stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            ready.put(item, timeout=0.1)
            return
        except queue.Full:
            continue
