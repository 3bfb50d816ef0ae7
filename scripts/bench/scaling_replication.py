"""Read models copied to a second PostgreSQL server by logical replication, while the
projection runner writes them on the first: the runner's rate with and without the
publication, and how far the subscriber trails.

pgserver's servers start with wal_level=replica; the first server here is switched to
`logical` (ALTER SYSTEM, then a restart, under a second; scaling_common.private_server).
The publication holds every table of the read-model schema, `projection_positions` among
them, so the subscriber's copy of that table says which log position its read models
reflect: the lag is read there, in events and in milliseconds since the publisher had
reached that position.

    python -m scripts.bench.scaling_replication --employees 250
"""

from __future__ import annotations

import argparse
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass

import psycopg
from psycopg import sql

from projections.base import READ_SCHEMA
from projections.reader import EventReader
from projections.runner import ProjectionRunner
from scripts.bench.scaling_common import (
    generate_log,
    load_average,
    percentile,
    private_server,
    scratch_database,
    server_settings,
)
from scripts.bench.scaling_servers import lag_in_ms, read_position
from scripts.bench.stats import median
from services.database import Database
from services.runtime import build_personnel

TEMPLATE, LOG, COPY = "jejak_scaling_repl_template", "jejak_scaling_repl_log", "jejak_scaling_copy"
PUBLICATION = SUBSCRIPTION = "jejak_read_models"
SAMPLE_EVERY = 0.02
DRAIN_LIMIT = 60.0  # seconds the subscriber may take to catch up after the runner finished


@dataclass(frozen=True)
class Replicated:
    """One catch-up of the runner on the first server, with or without a subscriber."""

    subscribed: bool
    events: int
    runner_seconds: float
    subscriber_seconds: float  # from the start until the subscriber held the last position
    lag_events_p50: float
    lag_events_max: float
    lag_ms_p50: float
    lag_ms_p99: float
    caught_up: bool  # the subscriber reached the runner's last position within DRAIN_LIMIT

    @property
    def runner_rate(self) -> float:
        return self.events / self.runner_seconds if self.runner_seconds else 0.0

    @property
    def subscriber_rate(self) -> float:
        return self.events / self.subscriber_seconds if self.subscriber_seconds else 0.0


def measure_replication(
    publisher: Database, subscriber: Database, *, employees: int = 250, repetitions: int = 2
) -> list[Replicated]:
    """The runner's catch-up alone, then with a subscriber, alternated `repetitions` times."""
    found: list[Replicated] = []
    with scratch_database(publisher, TEMPLATE) as template:
        generate_log(template, employees)
        for _ in range(repetitions):
            with scratch_database(publisher, LOG, template=TEMPLATE) as log:
                found.append(_catch_up(log, None))
            with (
                scratch_database(publisher, LOG, template=TEMPLATE) as log,
                scratch_database(subscriber, COPY) as copy,
            ):
                found.append(_catch_up(log, copy))
    return found


def _catch_up(log: Database, copy: Database | None) -> Replicated:
    personnel = build_personnel(log)
    runner = ProjectionRunner(log, EventReader(personnel))
    try:
        runner.ensure_schema()
        if copy is not None:
            _subscribe(log, copy, personnel_reader=EventReader(personnel))
        stop = threading.Event()
        samples: list[tuple[float, int, int]] = []  # (t, runner's position, subscriber's)
        sampler = threading.Thread(target=_sample, args=(log, copy or log, samples, stop))
        sampler.start()
        began = time.perf_counter()
        events = runner.catch_up()
        runner_seconds = time.perf_counter() - began
        last = runner.position()
        while (not samples or samples[-1][2] < last) and (
            time.perf_counter() - began < runner_seconds + DRAIN_LIMIT
        ):
            time.sleep(SAMPLE_EVERY)
        subscriber_seconds = time.perf_counter() - began
        caught_up = bool(samples) and samples[-1][2] >= last
        stop.set()
        sampler.join()
        if copy is not None:
            _unsubscribe(copy)
    finally:
        runner.close()
        personnel.close()
    heads = [(t, a) for t, a, _ in samples]
    positions = [(t, b) for t, _, b in samples]
    lag_events = [float(a - b) for _, a, b in samples]
    lag_ms = lag_in_ms(heads, positions) if copy is not None else []  # no copy, no lag
    return Replicated(
        copy is not None,
        events,
        runner_seconds,
        subscriber_seconds,
        percentile(lag_events, 0.5),
        max(lag_events, default=0.0),
        percentile(lag_ms, 0.5),
        percentile(lag_ms, 0.99),
        caught_up,
    )


def _subscribe(log: Database, copy: Database, personnel_reader: EventReader) -> None:
    """The same empty read-model tables on the copy, then publish the first and subscribe."""
    tables = ProjectionRunner(copy, personnel_reader)
    try:
        tables.ensure_schema()
    finally:
        tables.close()
    with psycopg.connect(**log.psycopg_kwargs(), autocommit=True) as conn:
        conn.execute(
            sql.SQL("CREATE PUBLICATION {} FOR TABLES IN SCHEMA {}").format(
                sql.Identifier(PUBLICATION), sql.Identifier(READ_SCHEMA)
            )
        )
    with psycopg.connect(**copy.psycopg_kwargs(), autocommit=True) as conn:
        # copy_data false: both sides start with the same empty tables and position rows.
        conn.execute(
            sql.SQL(
                "CREATE SUBSCRIPTION {} CONNECTION {} PUBLICATION {} WITH (copy_data = false)"
            ).format(
                sql.Identifier(SUBSCRIPTION),
                sql.Literal(log.conninfo()),
                sql.Identifier(PUBLICATION),
            )
        )


def _unsubscribe(copy: Database) -> None:
    """Drop the subscription first: it drops its slot on the publisher, which would otherwise
    keep WAL for ever."""
    with psycopg.connect(**copy.psycopg_kwargs(), autocommit=True) as conn:
        conn.execute(sql.SQL("DROP SUBSCRIPTION {}").format(sql.Identifier(SUBSCRIPTION)))


def _sample(
    log: Database, copy: Database, samples: list[tuple[float, int, int]], stop: threading.Event
) -> None:
    with (
        psycopg.connect(**log.psycopg_kwargs(), autocommit=True) as first,
        psycopg.connect(**copy.psycopg_kwargs(), autocommit=True) as second,
    ):
        while not stop.wait(SAMPLE_EVERY):
            samples.append((time.perf_counter(), read_position(first), read_position(second)))


def print_replicated(found: Sequence[Replicated], settings: str) -> None:
    """The table docs/scaling.md holds: the runner with and without a subscriber."""
    print(f"# read models by logical replication; load average {load_average()}; {settings}")
    print(
        "| subscriber | events | runner events/s | × without | subscriber events/s "
        "| lag p50 events | lag max events | lag p50 ms | lag p99 ms |"
    )
    print("| --- |" + " ---: |" * 8)
    base = median([r.runner_rate for r in found if not r.subscribed])
    for r in found:
        times = f"{r.runner_rate / base:.2f}×" if base else "–"
        lags = (
            f"{r.subscriber_rate:,.0f} | {r.lag_events_p50:.0f} | {r.lag_events_max:.0f} "
            f"| {r.lag_ms_p50:.0f} | {r.lag_ms_p99:.0f}"
            if r.subscribed
            else "– | – | – | – | –"
        )
        print(
            f"| {'yes' if r.subscribed else 'no'} | {r.events:,} | {r.runner_rate:,.0f} "
            f"| {times} | {lags} |"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--employees", type=int, default=250, help="of the generated log")
    parser.add_argument("--repetitions", type=int, default=2)
    args = parser.parse_args(argv)
    logical = {"wal_level": "logical"}
    with (
        private_server("jejak-scaling-pub-", logical) as publisher,
        private_server("jejak-scaling-sub-") as subscriber,
    ):
        found = measure_replication(
            publisher, subscriber, employees=args.employees, repetitions=args.repetitions
        )
        print_replicated(found, server_settings(publisher))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
