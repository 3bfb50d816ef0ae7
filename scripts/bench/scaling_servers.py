"""Read models on a second PostgreSQL server: the projection runner reads the log from the
first server and writes the read models to the second, against both on one server.

Both sides start from a copy of the same generated log and run the same code: catch up
the whole log (events/s), then follow it while writers record awards, sampling how far the
read models trail the log (in events, and in milliseconds since the log held that position).
The runner's own follow loop (`ProjectionRunner.run_forever`) LISTENs on the read models'
database, which hears no NOTIFY once the log is elsewhere; this loop LISTENs on the log's.
Both servers run on this one machine, so the figures are what the split costs, not what a
second machine would add.

    python -m scripts.bench.scaling_servers --employees 80 --follow-seconds 3
"""

from __future__ import annotations

import argparse
import bisect
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import psycopg
from psycopg import sql

from domain.meta import Actor
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
from scripts.bench.stats import median
from services.caller import Caller
from services.database import Database
from services.personnel import PersonnelApplication
from services.runtime import build_personnel

TEMPLATE = "jejak_scaling_servers_template"
LOG, READ_MODELS = "jejak_scaling_servers_log", "jejak_scaling_servers_rm"
SAMPLE_EVERY = 0.02  # seconds between lag samples
ONE, TWO = "one server", "two servers"


@dataclass(frozen=True)
class Placement:
    """One placement of the read models: catch-up rate and lag while following."""

    name: str
    events: int
    catch_up_seconds: float
    followed_events: int
    lag_events_p50: float
    lag_events_max: float
    lag_ms_p50: float
    lag_ms_p99: float
    drain_ms: float  # from the last write to the read models holding it

    @property
    def catch_up_rate(self) -> float:
        return self.events / self.catch_up_seconds if self.catch_up_seconds else 0.0


def measure_placements(
    first: Database,
    second: Database,
    *,
    employees: int = 80,
    follow_seconds: float = 3.0,
    repetitions: int = 3,
) -> list[Placement]:
    """Read models beside the log on `first`, then on `second` with the log on `first`,
    alternated `repetitions` times so neither side always runs first (or warm)."""
    placements: list[Placement] = []
    with scratch_database(first, TEMPLATE) as template:
        generate_log(template, employees)
        for _ in range(repetitions):
            with scratch_database(first, LOG, template=TEMPLATE) as log:
                placements.append(_placement(ONE, log, log, follow_seconds))
            with (
                scratch_database(first, LOG, template=TEMPLATE) as log,
                scratch_database(second, READ_MODELS) as read_models,
            ):
                placements.append(_placement(TWO, log, read_models, follow_seconds))
    return placements


def _placement(name: str, log: Database, read_models: Database, follow_seconds: float) -> Placement:
    personnel = build_personnel(log)
    runner = ProjectionRunner(read_models, EventReader(personnel))
    try:
        runner.ensure_schema()
        began = time.perf_counter()
        events = runner.catch_up()
        catch_up_seconds = time.perf_counter() - began
        staff = _active_staff(read_models)
        heads, positions, followed, drain = _follow(
            personnel, runner, log, read_models, staff, follow_seconds
        )
    finally:
        runner.close()
        personnel.close()
    lag_events = [float(h - p) for (_, h), (_, p) in zip(heads, positions, strict=True)]
    lag_ms = lag_in_ms(heads, positions)
    return Placement(
        name,
        events,
        catch_up_seconds,
        followed,
        percentile(lag_events, 0.5),
        max(lag_events, default=0.0),
        percentile(lag_ms, 0.5),
        percentile(lag_ms, 0.99),
        drain,
    )


def _follow(
    personnel: PersonnelApplication,
    runner: ProjectionRunner,
    log: Database,
    read_models: Database,
    staff: list[tuple[str, str]],
    seconds: float,
) -> tuple[list[tuple[float, int]], list[tuple[float, int]], int, float]:
    """Awards recorded for `seconds` while the runner follows; (t, head) and (t, position)
    samples, events followed, and milliseconds from the last write to caught up."""
    stop_writing, stop_following = threading.Event(), threading.Event()
    start = personnel.recorder.max_notification_id() or 0

    def write() -> None:
        today, turn = datetime.now(UTC).date(), 0
        while not stop_writing.is_set():
            tenant, nip = staff[turn % len(staff)]
            caller = Caller(Actor("bench-1", "hr_officer"), tenant, "bench-scaling")
            personnel.record_award(
                caller, nip=nip, kind="PENGHARGAAN_INSTANSI", title="Bench", awarded_on=today
            )
            turn += 1

    def follow() -> None:
        channel = sql.Identifier(runner.reader.channel)
        with psycopg.connect(**log.psycopg_kwargs(), autocommit=True) as listener:
            listener.execute(sql.SQL("LISTEN {}").format(channel))
            while not stop_following.is_set():
                runner.catch_up()
                for _ in listener.notifies(timeout=SAMPLE_EVERY, stop_after=1):
                    pass

    heads: list[tuple[float, int]] = []
    positions: list[tuple[float, int]] = []
    writer = threading.Thread(target=write, name="award-writer")
    follower = threading.Thread(target=follow, name="follower")
    follower.start()
    writer.start()
    with psycopg.connect(**read_models.psycopg_kwargs(), autocommit=True) as conn:
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline:
            now = time.perf_counter()
            heads.append((now, personnel.recorder.max_notification_id() or 0))
            positions.append((now, read_position(conn)))
            time.sleep(SAMPLE_EVERY)
        stop_writing.set()
        writer.join()
        last = personnel.recorder.max_notification_id() or 0
        written = time.perf_counter()
        while read_position(conn) < last and time.perf_counter() - written < 30:
            time.sleep(0.005)
        drain = (time.perf_counter() - written) * 1000
    stop_following.set()
    follower.join()
    return heads, positions, last - start, drain


def lag_in_ms(heads: list[tuple[float, int]], positions: list[tuple[float, int]]) -> list[float]:
    """For each sample, how stale the read models are: ms since the log last held no more
    than they hold (0 while they hold the head sampled with them). An upper bound, by at
    most one sampling interval: the first event they lack came after that sample."""
    times = [t for t, _ in heads]
    values = [h for _, h in heads]  # never decreasing: the log only grows
    lags = []
    for (now, position), (_, head) in zip(positions, heads, strict=True):
        if position >= head:
            lags.append(0.0)
            continue
        lacking_since = times[max(bisect.bisect_right(values, position) - 1, 0)]
        lags.append(max(now - lacking_since, 0.0) * 1000)
    return lags


def read_position(conn: psycopg.Connection[tuple[int]]) -> int:
    row = conn.execute(
        f"SELECT coalesce(min(position), 0) FROM {READ_SCHEMA}.projection_positions"
    ).fetchone()
    return int(row[0]) if row else 0


def _active_staff(database: Database) -> list[tuple[str, str]]:
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        rows = conn.execute(
            f"SELECT tenant, nip FROM {READ_SCHEMA}.employees WHERE status = 'ACTIVE' ORDER BY nip"
        ).fetchall()
    return [(str(t), str(n)) for t, n in rows]


def print_placements(placements: Sequence[Placement], settings: str) -> None:
    """The table docs/scaling.md holds, each placement beside the one-server baseline."""
    print(f"# read models on one or two servers; load average {load_average()}; {settings}")
    print(
        "| placement | catch-up events | catch-up events/s | × one server | followed events "
        "| lag p50 events | lag max events | lag p50 ms | lag p99 ms | drain ms |"
    )
    print("| --- |" + " ---: |" * 9)
    base = median([p.catch_up_rate for p in placements if p.name == ONE])
    for p in placements:
        times = f"{p.catch_up_rate / base:.2f}×" if base else "–"
        print(
            f"| {p.name} | {p.events:,} | {p.catch_up_rate:,.0f} | {times} "
            f"| {p.followed_events:,} | {p.lag_events_p50:.0f} | {p.lag_events_max:.0f} "
            f"| {p.lag_ms_p50:.0f} | {p.lag_ms_p99:.0f} | {p.drain_ms:.0f} |"
        )
    for name in (ONE, TWO):
        mine = [p for p in placements if p.name == name]
        rate = median([p.catch_up_rate for p in mine])
        print(
            f"median {name}: catch-up {rate:,.0f} events/s ({rate / base if base else 0:.2f}×), "
            f"lag p99 {median([p.lag_ms_p99 for p in mine]):.0f} ms, "
            f"drain {median([p.drain_ms for p in mine]):.0f} ms"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--employees", type=int, default=80, help="of the generated log")
    parser.add_argument("--follow-seconds", type=float, default=3.0)
    parser.add_argument("--repetitions", type=int, default=3, help="of each placement")
    args = parser.parse_args(argv)
    with private_server("jejak-scaling-a-") as first, private_server("jejak-scaling-b-") as second:
        placements = measure_placements(
            first,
            second,
            employees=args.employees,
            follow_seconds=args.follow_seconds,
            repetitions=args.repetitions,
        )
        print_placements(placements, server_settings(first))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
