"""Catching up an empty read-model schema with 1 worker against 2 shard workers, side by side.

`python -m scripts.bench.shard_workers [--employees 1000] [--seconds 20] [--rounds 2]` joins
the generated data set `e<employees>-s2025` (it must exist: this generates nothing) and, per
round, builds a fresh schema with one unsplit runner, then another with two processes of
`--shard 1/2` and `--shard 2/2`, each for at most `--seconds`. A worker process reads the
whole log and applies its tenants' share, so the log is caught up once the slowest shard is:
the rate is the slowest shard's position over the wall time. Schemas are dropped after.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from multiprocessing.synchronize import Barrier
from pathlib import Path

import psycopg
from psycopg import sql

from projections.reader import EventReader
from projections.runner import ProjectionRunner
from projections.shard_runner import ShardRunner
from projections.shards import Shard
from services.database import Database, EmbeddedPostgres
from services.runtime import build_personnel

DATA_DIR = Path(".jejak/bench")
SCHEMA = "rm_bench_shards"
SCRATCH = "jejak_bench_shard_workers"  # on the data set's server, beside its database


@dataclass(frozen=True)
class Usage:
    """One worker's share: where it got, and the CPU it and its backend used or waited for."""

    reached: int
    cpu: float  # the worker process (Python: read, decode, apply)
    server_cpu: float  # its PostgreSQL backend (the read models' writes)
    waited: float  # both, runnable but waiting for a core (/proc schedstat): the machine's load

    def line(self) -> str:
        return f"CPU {self.cpu:.1f} s + backend {self.server_cpu:.1f} s, waited {self.waited:.1f} s"


@dataclass(frozen=True)
class Run:
    """One catch-up: workers, the log position all reached, seconds, events/s."""

    workers: int
    reached: int
    seconds: float
    usage: tuple[Usage, ...]  # each worker's

    @property
    def rate(self) -> float:
        return self.reached / self.seconds if self.seconds else 0.0


def _worker(
    database: Database,
    shard: Shard | None,
    seconds: float,
    start: Barrier,
    out: mp.Queue[Usage],
    ready: mp.Queue[bool],
) -> None:
    personnel = build_personnel(database)
    reader = EventReader(personnel)
    runner = (
        ProjectionRunner(database, reader, schema=SCHEMA)
        if shard is None
        else ShardRunner(database, reader, shard, schema=SCHEMA)
    )
    try:
        runner.ensure_schema()
        backend = runner.conn.info.backend_pid
        ready.put(True)
        start.wait()
        deadline = time.perf_counter() + seconds
        before = (_cpu("self"), _cpu(str(backend)))
        while time.perf_counter() < deadline and runner.process_batch():
            pass
        after = (_cpu("self"), _cpu(str(backend)))
        names = [p.name for p in runner.projections]
        with runner.conn.cursor() as cur:  # this worker's own rows, not the other shard's
            cur.execute(
                f"SELECT min(position) FROM {SCHEMA}.projection_positions WHERE name = ANY(%s)",
                (names,),
            )
            row = cur.fetchone()
        (cpu, waited), (server_cpu, server_waited) = (
            (a[0] - b[0], a[1] - b[1]) for a, b in zip(after, before, strict=True)
        )
        out.put(Usage(int(row[0]) if row else 0, cpu, server_cpu, waited + server_waited))
    finally:
        runner.close()
        personnel.close()


def catch_up(database: Database, workers: int, seconds: float) -> Run:
    """A fresh schema caught up by `workers` processes for at most `seconds`."""
    _drop(database)
    context = mp.get_context("spawn")
    start, out, ready = context.Barrier(workers + 1), context.Queue(), context.Queue()
    shards: list[Shard | None] = (
        [None] if workers == 1 else [Shard(i, workers) for i in range(1, workers + 1)]
    )
    processes = [
        context.Process(target=_worker, args=(database, shard, seconds, start, out, ready))
        for shard in shards
    ]
    for process in processes:  # one at a time: the event store's start-up races with itself
        process.start()
        ready.get(timeout=120)
    start.wait()
    began = time.perf_counter()
    reached = [out.get() for _ in processes]
    elapsed = time.perf_counter() - began
    for process in processes:
        process.join()
    _drop(database)
    return Run(workers, min(u.reached for u in reached), elapsed, tuple(reached))


def _cpu(pid: str) -> tuple[float, float]:
    """Seconds a local process (its main thread) ran on a core and waited runnable for one
    (/proc/PID/schedstat: Linux, the same host as the PostgreSQL server)."""
    ran, waited, _ = Path(f"/proc/{pid}/schedstat").read_text().split()
    return int(ran) / 1e9, int(waited) / 1e9


def _drop(database: Database) -> None:
    with psycopg.connect(**database.psycopg_kwargs(), autocommit=True) as conn:
        conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(SCHEMA)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--employees", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    folder = DATA_DIR / f"e{args.employees}-s2025"
    if not (folder / "generated.json").exists():
        raise SystemExit(f"{folder} is not generated: this benchmark generates nothing.")
    embedded = EmbeddedPostgres(folder / "pgdata")
    try:
        with scratch_log(embedded.start()) as (database, head):
            _compare(database, head, args.seconds, args.rounds)
    finally:
        embedded.stop()


@contextmanager
def scratch_log(dataset: Database) -> Iterator[tuple[Database, int]]:
    """A scratch database beside the data set's holding a copy of its log (the data set is
    only read), and the log's length; dropped after."""
    scratch = replace(dataset, dbname=SCRATCH)
    name = sql.Identifier(SCRATCH)
    with psycopg.connect(**dataset.psycopg_kwargs(), autocommit=True) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(name))
        try:
            personnel = build_personnel(scratch)  # creates the event store's tables
            table = sql.Identifier(personnel.recorder.events_table_name)  # type: ignore[attr-defined]
            personnel.close()
            with (
                psycopg.connect(**dataset.psycopg_kwargs()) as source,
                psycopg.connect(**scratch.psycopg_kwargs()) as target,
                source.cursor().copy(
                    sql.SQL("COPY {} TO STDOUT (FORMAT binary)").format(table)
                ) as out,
                target.cursor().copy(
                    sql.SQL("COPY {} FROM STDIN (FORMAT binary)").format(table)
                ) as into,
            ):
                for data in out:
                    into.write(data)
            with psycopg.connect(**scratch.psycopg_kwargs()) as conn:
                row = conn.execute(
                    sql.SQL("SELECT max(notification_id) FROM {}").format(table)
                ).fetchone()
            yield scratch, int(row[0]) if row and row[0] is not None else 0
        finally:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))


def _compare(database: Database, head: int, seconds: float, rounds: int) -> None:
    """Alternate 1 worker and 2 shard workers, `rounds` times, printing each catch-up."""
    print(f"log: {head:,} events; time box {seconds:.0f} s per catch-up")
    for round_ in range(1, rounds + 1):
        for workers in (1, 2):
            run = catch_up(database, workers, seconds)
            print(
                f"round {round_}: {run.workers} worker(s) reached {run.reached:,} of "
                f"{head:,} in {run.seconds:.1f} s: {run.rate:,.0f} events/s; "
                + "; ".join(usage.line() for usage in run.usage),
                flush=True,
            )


if __name__ == "__main__":
    main()
