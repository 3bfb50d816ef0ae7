"""(3) and the rebuild half of (4): rebuild rate against reading the log raw, and against the
`eventsourcing` library's per-event ProjectionRunner on a prefix of the same log."""

from __future__ import annotations

import time
from dataclasses import dataclass

from projections.reader import EventReader
from projections.rebuild import rebuild
from scripts.bench.es_runner import reset, time_batched_runner, time_per_event_runner
from scripts.bench.stats import median, rate
from services.database import Database

BATCH_SIZE = 2000  # `jejak projections rebuild`'s default


@dataclass(frozen=True)
class RebuildComparison:
    events: int
    rebuild_seconds: float  # medians
    raw_seconds: float
    runs: int
    # This process's CPU seconds (medians): on a shared machine the wall clock also counts the
    # time others' work kept this one waiting for a core; the CPU does not.
    rebuild_cpu: float = 0.0
    raw_cpu: float = 0.0

    @property
    def rebuild_rate(self) -> float:
        return rate(self.events, self.rebuild_seconds)

    @property
    def raw_rate(self) -> float:
        return rate(self.events, self.raw_seconds)

    @property
    def ratio(self) -> float:
        return self.rebuild_rate / self.raw_rate if self.raw_rate else 0.0


@dataclass(frozen=True)
class RunnerComparison:
    events: int
    batched_seconds: float  # medians
    per_event_seconds: float
    runs: int

    @property
    def batched_rate(self) -> float:
        return rate(self.events, self.batched_seconds)

    @property
    def per_event_rate(self) -> float:
        return rate(self.events, self.per_event_seconds)

    @property
    def ratio(self) -> float:
        return self.batched_rate / self.per_event_rate if self.per_event_rate else 0.0


def read_raw(reader: EventReader, batch_size: int = BATCH_SIZE) -> tuple[int, float]:
    """Read and decode the whole log in batches, doing nothing else: (events, seconds)."""
    started, position, events = time.perf_counter(), 0, 0
    while batch := reader.read(position, batch_size):
        position, events = batch[-1].position, events + len(batch)
    return events, time.perf_counter() - started


def compare_rebuild(database: Database, reader: EventReader, repetitions: int) -> RebuildComparison:
    """Alternate a raw read of the log and a full rebuild (build beside, then swap)."""
    raw: list[float] = []
    built: list[float] = []
    raw_cpu: list[float] = []
    built_cpu: list[float] = []
    events = 0
    for _ in range(repetitions):
        cpu = time.process_time()
        events, seconds = read_raw(reader)
        raw_cpu.append(time.process_time() - cpu)
        raw.append(seconds)
        cpu = time.process_time()
        report = rebuild(database, reader, batch_size=BATCH_SIZE)
        built_cpu.append(time.process_time() - cpu)
        built.append(report.seconds)
    return RebuildComparison(
        events,
        median(built),
        median(raw),
        repetitions,
        rebuild_cpu=median(built_cpu),
        raw_cpu=median(raw_cpu),
    )


def compare_runners(
    database: Database, reader: EventReader, prefix: int, repetitions: int
) -> RunnerComparison:
    """Jejak's batched runner and the library's per-event runner on the first `prefix` events."""
    first = reader.read(0, prefix)
    upto, events = (first[-1].position, len(first)) if first else (0, 0)
    batched: list[float] = []
    per_event: list[float] = []
    try:
        for _ in range(repetitions):
            batched.append(time_batched_runner(database, reader, upto, BATCH_SIZE))
            per_event.append(time_per_event_runner(database, reader, upto))
    finally:
        reset(database, reader)  # leave no copy of the read models behind
    return RunnerComparison(events, median(batched), median(per_event), repetitions)
