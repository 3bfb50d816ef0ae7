"""(6a): command throughput with the ledger integrator running against without it.

Like with like: the same command mix (appointments, awards, jabatan changes, mutasi, cuti
sakit), called in-process through `PersonnelApplication` as the API's resolvers call it, by
`connections` threads each on its own employees, on the same scratch database. The "with" side
runs the real runtime thread (`services/ledger/keeper.start_ledger_thread`: integrate on each
NOTIFY, checkpoint every 1,000 events or 60 s, push to witnesses — none configured here); the
"without" side runs nothing beside the commands. Rounds alternate (without, with, without …);
the ledger is caught up before every round, untimed, so a "with" round integrates only the
events written while it runs (its steady state), never a backlog of the previous round.
"""

from __future__ import annotations

import itertools
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from uuid import UUID

import psycopg

from domain.meta import Actor
from projections.base import READ_SCHEMA
from projections.reader import EventReader
from scripts.bench.queries import alternate
from scripts.bench.settings import Settings
from scripts.bench.stats import LoadResult, LoadSummary, median
from services.caller import Caller
from services.database import Database
from services.ledger.keeper import LedgerKeeper, start_ledger_thread
from services.ledger.schema import SCHEMA
from services.ledger.settings import LedgerSettings
from services.personnel import PersonnelApplication
from services.runtime import build_personnel

Command = Callable[[PersonnelApplication, Caller], object]
JABATAN = ("Pengadministrasi Umum", "Pengolah Data")  # jabatan pelaksana
MIX = ("appoint", "award", "jabatan", "mutasi", "cuti sakit")


@dataclass(frozen=True)
class LedgerThroughput:
    """Commands/s of the same mix with and without the ledger integrator thread."""

    with_ledger: LoadSummary
    without: LoadSummary
    integrated: int  # leaves the integrator appended during the timed "with" rounds
    batches: int  # the integrator's transactions that appended them
    events: int  # events the commands recorded, both sides
    rounds: tuple[tuple[float, float], ...] = ()  # commands/s of each (without, with) pair

    @property
    def ratio(self) -> float:
        return self.with_ledger.rps / self.without.rps if self.without.rps else 0.0

    @property
    def pair_ratio(self) -> float:
        """The median of each round pair's with/without: drift between pairs cancels."""
        return median([w / wo for wo, w in self.rounds if wo]) if self.rounds else self.ratio


class CommandMix:
    """Per thread, an endless cycle over the mix on that thread's own employees; every command
    is one a user sends and the rules accept (a new NIP; a jabatan or a unit the employee does
    not hold, as HR picks it seeing the current one; a one-day cuti sakit further ahead)."""

    def __init__(self, thread: int, nips: list[str], units: list[UUID], today: date) -> None:
        self.thread, self.nips, self.units, self.today = thread, nips, units, today
        self.count = itertools.count()

    def commands(self) -> Iterator[Command]:
        for i in self.count:
            nip, kind = self.nips[i // len(MIX) % len(self.nips)], MIX[i % len(MIX)]
            turn = i // (len(MIX) * len(self.nips))  # how often this employee came round
            yield self._command(kind, nip, turn, i)

    def _command(self, kind: str, nip: str, turn: int, i: int) -> Command:
        today = self.today
        if kind == "appoint":
            born = date(1980, 1, 1) + timedelta(days=i)
            new = f"{born:%Y%m%d}{today:%Y%m}1{self.thread + 1:03d}"
            unit = self.units[i % len(self.units)]
            return lambda p, c: p.appoint_employee(
                c, nip=new, name="Pegawai Bench", employment_type="CPNS", golongan="II/a",
                jabatan_kind="PELAKSANA", jabatan_title="Pengadministrasi Umum",
                unit_id=unit, appointed_on=today,
            )  # fmt: skip
        if kind == "award":
            return lambda p, c: p.record_award(
                c, nip=nip, kind="PENGHARGAAN_INSTANSI", title="Pegawai Teladan (bench)",
                awarded_on=today,
            )  # fmt: skip
        if kind == "jabatan":
            return lambda p, c: p.change_jabatan(
                c, nip=nip, jabatan_kind="PELAKSANA", jabatan_title=self._other_title(p, nip),
                effective_on=today,
            )  # fmt: skip
        if kind == "mutasi":
            return lambda p, c: p.transfer(
                c, nip=nip, to_unit_id=self._other_unit(p, nip), effective_on=today
            )
        start = today + timedelta(days=30 + 2 * turn)  # a day apart: never one chain
        return lambda p, c: p.grant_leave(c, nip=nip, leave_type="CS", start=start, end=start)

    def _other_title(self, personnel: PersonnelApplication, nip: str) -> str:
        """A jabatan pelaksana the employee does not hold (HR sees the current one)."""
        current = personnel.get_employee(nip).jabatan_title
        return next(title for title in JABATAN if title != current)

    def _other_unit(self, personnel: PersonnelApplication, nip: str) -> UUID:
        """A unit the employee is not in (HR picks the destination seeing the current one)."""
        current = personnel.get_employee(nip).unit_id
        return next(u for u in self.units if u != current)


def tenant_units(database: Database, tenant: str, most: int = 20) -> list[UUID]:
    """Units of the tenant to appoint into and move people between, by code."""
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        rows = conn.execute(
            f"SELECT id FROM {READ_SCHEMA}.units WHERE tenant = %s ORDER BY code LIMIT %s",
            (tenant, most),
        ).fetchall()
    return [row[0] for row in rows]


def compare_ledger_throughput(
    database: Database, tenant: str, nips: list[str], settings: Settings
) -> LedgerThroughput:
    """The mix without and with the ledger thread, alternating; `database` is a scratch copy."""
    units = tenant_units(database, tenant)
    with tempfile.TemporaryDirectory() as folder:
        ledger = LedgerSettings(origin="bench.jejak.local/ledger", key_file=Path(folder) / "key")
        catch_up = _ledger_catch_up(database, ledger)
        catch_up()  # the generated log, once: the rounds measure the steady state
        personnel = build_personnel(database)
        channel = EventReader(personnel).channel
        caller = Caller(Actor("bench-ledger", "hr_officer"), tenant, "bench-ledger")
        today = datetime.now(UTC).date()
        share = max(1, len(nips) // settings.connections)
        mixes = [
            CommandMix(n, nips[n * share : (n + 1) * share] or nips, units, today)
            for n in range(settings.connections)
        ]
        head_before = personnel.recorder.max_notification_id() or 0
        integrated = batches = 0
        rates: dict[str, list[float]] = {"without": [], "with": []}

        def without() -> LoadResult:
            catch_up()
            found = _run(personnel, caller, mixes, settings.seconds)
            rates["without"].append(found.rps)
            return found

        def with_ledger() -> LoadResult:
            nonlocal integrated, batches
            catch_up()
            stop = threading.Event()
            size, updates = _ledger_size(database), _state_updates(database)
            thread = start_ledger_thread(database, stop, channel, ledger)
            try:
                found = _run(personnel, caller, mixes, settings.seconds)
            finally:
                stop.set()
                thread.join(30)
            integrated += _ledger_size(database) - size
            batches += _state_updates(database) - updates
            rates["with"].append(found.rps)
            return found

        try:
            found = alternate({"without": without, "with": with_ledger}, settings.repetitions)
            events = (personnel.recorder.max_notification_id() or 0) - head_before
        finally:
            personnel.close()
    rounds = tuple(zip(rates["without"], rates["with"], strict=True))
    return LedgerThroughput(found["with"], found["without"], integrated, batches, events, rounds)


def _ledger_catch_up(database: Database, ledger: LedgerSettings) -> Callable[[], int]:
    def catch_up() -> int:
        keeper = LedgerKeeper(database, ledger)
        try:
            return keeper.catch_up()
        finally:
            keeper.close()

    return catch_up


def _ledger_size(database: Database) -> int:
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        row = conn.execute(f"SELECT size FROM {SCHEMA}.state").fetchone()
    return int(row[0]) if row else 0


def _state_updates(database: Database) -> int:
    """Batches the integrator has committed: each updates the one `state` row once (the
    statistics of a closed connection are flushed; a fresh connection sees them)."""
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        row = conn.execute(
            "SELECT n_tup_upd FROM pg_stat_user_tables WHERE schemaname = %s AND relname = 'state'",
            (SCHEMA,),
        ).fetchone()
    return int(row[0]) if row else 0


def _run(
    personnel: PersonnelApplication, caller: Caller, mixes: list[CommandMix], seconds: float
) -> LoadResult:
    """Every thread sends its mix's commands until `seconds` have passed."""
    latencies: list[list[float]] = [[] for _ in mixes]
    errors = [0] * len(mixes)
    failures: Counter[str] = Counter()
    started = time.perf_counter()
    deadline = started + seconds

    def work(n: int) -> None:
        for command in mixes[n].commands():
            if time.perf_counter() >= deadline:
                return
            began = time.perf_counter()
            try:
                command(personnel, caller)
            except Exception as error:  # counted, as the HTTP load generators count failures
                errors[n] += 1
                failures[f"{type(error).__name__}: {str(error)[:80]}"] += 1
            latencies[n].append(time.perf_counter() - began)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(len(mixes))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    for failure, count in failures.items():
        print(f"bench: {count} command(s) failed: {failure}", file=sys.stderr, flush=True)
    every = sorted(x for per in latencies for x in per)
    p99 = every[min(len(every) - 1, int(0.99 * len(every)))] * 1000 if every else 0.0
    return LoadResult(len(every), elapsed, median(every) * 1000, p99, sum(errors))


def main(
    employees: int,
    repetitions: int = 3,
    data_dir: Path = Path(".jejak") / "bench",
    seed: int = 2025,
) -> None:
    """`python -m scripts.bench.ledger_commands 10000 [REPETITIONS]`: (6a) alone, 8 threads,
    rounds of 10 s."""
    from scripts.bench.datasets import open_dataset
    from scripts.bench.scratch import scratch_copy
    from scripts.bench.targets import pick_targets
    from services.runtime import catch_up_read_models

    settings = Settings(
        employees=employees, growth=(employees,), seed=seed, repetitions=repetitions, seconds=10.0,
        connections=8, workers=1, generator="python", prefix=0, loads=0, data_dir=data_dir,
        output=data_dir / "ledger.md",
    )  # fmt: skip
    with open_dataset(data_dir, employees, seed) as dataset:
        catch_up_read_models(dataset.database)
        targets = pick_targets(dataset.database, nips=10 * settings.connections)
        with scratch_copy(dataset.database) as scratch:
            found = compare_ledger_throughput(scratch, targets.tenant, targets.nips, settings)
    for name, side in (("with", found.with_ledger), ("without", found.without)):
        print(f"{name}: {side.rps:,.0f} commands/s, p50 {side.p50_ms:.2f} ms, "
              f"p99 {side.p99_ms:.2f} ms, {side.runs} runs, {side.errors} failed")  # fmt: skip
    print(f"ratio {found.ratio:.2f}×; events {found.events:,}, integrated {found.integrated:,} "
          f"in {found.batches:,} batches")  # fmt: skip
    pairs = ", ".join(f"{a:,.0f}/{b:,.0f}" for a, b in found.rounds)
    print(f"rounds (without/with commands/s): {pairs}; median pair {found.pair_ratio:.2f}×")


if __name__ == "__main__":
    numbers = [int(arg) for arg in sys.argv[1:3]]
    main(numbers[0] if numbers else 1000, numbers[1] if numbers[1:] else 3)
