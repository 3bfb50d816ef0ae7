"""How the one log takes concurrent writers: 1, 8 and 32 threads, each on its own aggregates.

The recorder Jejak configures (services/store.py) locks the events table EXCLUSIVE and
NOTIFYs inside every insert transaction, so positions commit in order; a NOTIFY also takes
one lock per database at commit, and the table lock is held until the commit's WAL flush.
Each point runs on a fresh copy of a small generated log and samples pg_stat_activity
meanwhile, to show where writers wait:
`Lock:relation` is the table lock, `Lock:object` the NOTIFY queue's lock at commit.
Three kinds of write: `raw` appends one stored event through the recorder (the floor of the
path), `raw-nosync` the same with synchronous_commit off (what the WAL flush inside the lock
costs; not a setting for a system of record), `award` runs PersonnelApplication.record_award
as the API's mutation does (load the employee, decide, save).

    python -m scripts.bench.scaling_writers --seconds 3 --writers 1,8,32
"""

from __future__ import annotations

import argparse
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

import psycopg
from eventsourcing.persistence import StoredEvent

from domain.meta import Actor
from scripts.bench.scaling_common import (
    generate_log,
    load_average,
    percentile,
    private_server,
    scratch_database,
    server_settings,
)
from scripts.bench.scaling_waits import sampling
from services.caller import Caller
from services.database import Database
from services.personnel import PersonnelApplication
from services.runtime import catch_up_read_models

TEMPLATE = "jejak_scaling_writers_template"
POINT = "jejak_scaling_writers_point"
RAW_TOPIC = "scripts.bench.scaling_writers:RawAppend"  # never decoded: the copy is dropped
Work = Callable[[int], Callable[[], None]]  # writer index → one commit


@dataclass(frozen=True)
class WriterPoint:
    """One kind of write at one number of writers."""

    kind: str
    writers: int
    commits: int
    events: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int
    waits: dict[str, float] = field(default_factory=dict)  # mean backends per sample

    @property
    def commits_per_second(self) -> float:
        return self.commits / self.seconds if self.seconds else 0.0

    @property
    def events_per_second(self) -> float:
        return self.events / self.seconds if self.seconds else 0.0


def measure_writers(
    admin: Database,
    *,
    writers: Sequence[int] = (1, 8, 32),
    kinds: Sequence[str] = ("raw", "raw-nosync", "award"),
    seconds: float = 3.0,
    employees: int = 120,
) -> list[WriterPoint]:
    """Every kind at every number of writers, each on a fresh copy of one generated log."""
    points: list[WriterPoint] = []
    with scratch_database(admin, TEMPLATE) as template:
        generate_log(template, employees)
        catch_up_read_models(template)  # only to find each tenant's active NIPs
        staff = _active_staff(template)
        state_bytes = _mean_state_bytes(template)
        for kind in kinds:
            for n in writers:
                with scratch_database(admin, POINT, template=TEMPLATE) as database:
                    points.append(_point(database, kind, n, seconds, staff, state_bytes))
    return points


def _point(
    database: Database,
    kind: str,
    writers: int,
    seconds: float,
    staff: list[tuple[str, str]],
    state_bytes: int,
) -> WriterPoint:
    # A connection per writer (JEJAK_WRITE_POOL_SIZE): with the default 5 (+10 overflow) more
    # writers would queue in the pool instead of at PostgreSQL's locks.
    env = {**database.eventsourcing_env(), "POSTGRES_POOL_SIZE": str(writers)}
    if kind == "raw-nosync":  # the same appends, without waiting for the WAL flush at commit
        env["JEJAK_POSTGRES_OPTIONS"] = "options='-c synchronous_commit=off'"
    personnel = PersonnelApplication(env=env)
    try:
        if kind in ("raw", "raw-nosync"):
            work = _raw_work(personnel, state_bytes)
        elif kind == "award":
            work = _award_work(personnel, staff, writers)
        else:
            raise ValueError(f"unknown kind of write {kind!r}: raw, raw-nosync or award")
        before = personnel.recorder.max_notification_id() or 0
        with sampling(database) as waits:
            latencies, errors, took = _run(work, writers, seconds)
        events = (personnel.recorder.max_notification_id() or 0) - before
    finally:
        personnel.close()
    every = [x for per in latencies for x in per]
    return WriterPoint(
        kind,
        writers,
        len(every) - errors,
        events,
        took,
        percentile(every, 0.5) * 1000,
        percentile(every, 0.99) * 1000,
        errors,
        dict(waits),
    )


def _raw_work(personnel: PersonnelApplication, state_bytes: int) -> Work:
    """One stored event per commit, straight through the recorder, on a writer's own stream."""
    state = b"x" * state_bytes

    def for_writer(_: int) -> Callable[[], None]:
        originator, version = uuid.uuid4(), iter(range(1, 10**9))

        def commit() -> None:
            event = StoredEvent(originator, next(version), RAW_TOPIC, state)
            personnel.recorder.insert_events([event])

        return commit

    return for_writer


def _award_work(
    personnel: PersonnelApplication, staff: list[tuple[str, str]], writers: int
) -> Work:
    """record_award on the writer's own share of the employees, round robin."""
    today = datetime.now(UTC).date()

    def for_writer(n: int) -> Callable[[], None]:
        mine = staff[n::writers] or staff[n % len(staff) : n % len(staff) + 1]
        turn = iter(range(10**9))

        def commit() -> None:
            tenant, nip = mine[next(turn) % len(mine)]
            caller = Caller(Actor("bench-1", "hr_officer"), tenant, "bench-scaling")
            personnel.record_award(
                caller, nip=nip, kind="PENGHARGAAN_INSTANSI", title="Bench", awarded_on=today
            )

        return commit

    return for_writer


def _run(work: Work, writers: int, seconds: float) -> tuple[list[list[float]], int, float]:
    """`writers` threads committing until the deadline: latencies per thread, errors, seconds."""
    latencies: list[list[float]] = [[] for _ in range(writers)]
    errors = [0] * writers
    commits = [work(n) for n in range(writers)]
    start = threading.Barrier(writers + 1)

    def loop(n: int) -> None:
        start.wait()
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline:
            began = time.perf_counter()
            try:
                commits[n]()
            except Exception:  # a refused write counts, as a load generator counts errors
                errors[n] += 1
            latencies[n].append(time.perf_counter() - began)

    threads = [threading.Thread(target=loop, args=(n,)) for n in range(writers)]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    return latencies, sum(errors), time.perf_counter() - began


def _active_staff(database: Database) -> list[tuple[str, str]]:
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        rows = conn.execute(
            "SELECT tenant, nip FROM rm.employees WHERE status = 'ACTIVE' ORDER BY nip"
        ).fetchall()
    return [(str(t), str(n)) for t, n in rows]


def _mean_state_bytes(database: Database) -> int:
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        row = conn.execute("SELECT avg(length(state))::int FROM jejak_events").fetchone()
    return int(row[0]) if row and row[0] else 200


def print_points(points: Sequence[WriterPoint], settings: str) -> None:
    """The table docs/scaling.md holds, with the ratio to one writer of the same kind."""
    print(f"# writers on the one log; load average {load_average()}; {settings}")
    print(
        "| kind | writers | commits/s | events/s | × 1 writer | p50 ms | p99 ms | errors "
        "| waiting on table lock | waiting on NOTIFY lock | LWLock | IO | on CPU |"
    )
    print("| --- |" + " ---: |" * 12)
    single = {p.kind: p.commits_per_second for p in points if p.writers == 1}
    for p in points:
        base = single.get(p.kind, 0.0)
        times = f"{p.commits_per_second / base:.2f}×" if base else "–"
        w = p.waits
        print(
            f"| {p.kind} | {p.writers} | {p.commits_per_second:,.0f} | {p.events_per_second:,.0f} "
            f"| {times} | {p.p50_ms:.1f} | {p.p99_ms:.1f} | {p.errors} "
            f"| {w.get('Lock:relation', 0):.1f} | {w.get('Lock:object', 0):.1f} "
            f"| {w.get('LWLock', 0):.1f} | {w.get('IO', 0):.1f} | {w.get('CPU', 0):.1f} |"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--seconds", type=float, default=3.0, help="per point")
    parser.add_argument("--writers", default="1,8,32", help="comma-separated thread counts")
    parser.add_argument("--kinds", default="raw,raw-nosync,award", help="raw, raw-nosync, award")
    parser.add_argument("--employees", type=int, default=120, help="of the generated log")
    args = parser.parse_args(argv)
    writers = [int(x) for x in args.writers.split(",")]
    kinds = [k.strip() for k in args.kinds.split(",")]
    with private_server() as admin:
        points = measure_writers(
            admin, writers=writers, kinds=kinds, seconds=args.seconds, employees=args.employees
        )
        print_points(points, server_settings(admin))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
