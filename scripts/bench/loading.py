"""(5): loading an employee with ten years of history against loading a new one.

Both through `PersonnelApplication.get_employee` (the repository, with its snapshots) on the
same database, in alternating blocks; the figure is the median time of one load.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date

import psycopg

from domain.aggregates.employee import Employee
from projections.base import READ_SCHEMA
from scripts.bench.stats import median
from services.database import Database
from services.personnel import PersonnelApplication, normalize_nip
from services.runtime import build_personnel

SNAPSHOT_INTERVAL = PersonnelApplication.snapshotting_intervals[Employee]


@dataclass(frozen=True)
class Loaded:
    nip: str
    version: int
    service_start: date
    snapshot_version: int | None
    median_ms: float


@dataclass(frozen=True)
class LoadingComparison:
    old: Loaded
    new: Loaded
    runs: int

    @property
    def ratio(self) -> float:
        return self.old.median_ms / self.new.median_ms if self.new.median_ms else 0.0


def _pick(database: Database) -> tuple[tuple[str, date], tuple[str, date]]:
    """The longest history among employees of ten years' service or more; the shortest one."""
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        old = conn.execute(
            f"SELECT nip, version, service_start FROM {READ_SCHEMA}.employees "
            "WHERE service_start <= current_date - interval '10 years' "
            "ORDER BY version DESC, nip LIMIT 1"
        ).fetchone()
        new = conn.execute(
            f"SELECT nip, version, service_start FROM {READ_SCHEMA}.employees "
            "ORDER BY version, service_start DESC, nip LIMIT 1"
        ).fetchone()
    if old is None or new is None:
        raise LookupError("No employees in the read models.")
    return (old[0], old[2]), (new[0], new[2])


def compare_loading(database: Database, loads: int, repetitions: int) -> LoadingComparison:
    (old_nip, old_start), (new_nip, new_start) = _pick(database)
    personnel = build_personnel(database)
    times: dict[str, list[float]] = {old_nip: [], new_nip: []}
    try:
        for nip in times:  # warm-up: connections, prepared statements, imports
            personnel.get_employee(nip)
        for _ in range(repetitions):
            for nip in times:
                started = time.perf_counter()
                for _ in range(loads):
                    personnel.get_employee(nip)
                times[nip].append((time.perf_counter() - started) / loads * 1000)
        versions = {nip: personnel.get_employee(nip).version for nip in times}
        snapshots = {nip: _snapshot_version(personnel, nip) for nip in times}
    finally:
        personnel.close()
    return LoadingComparison(
        Loaded(old_nip, versions[old_nip], old_start, snapshots[old_nip], median(times[old_nip])),
        Loaded(new_nip, versions[new_nip], new_start, snapshots[new_nip], median(times[new_nip])),
        repetitions,
    )


def _snapshot_version(personnel: PersonnelApplication, nip: str) -> int | None:
    if personnel.snapshots is None:
        return None
    found = list(personnel.snapshots.get(Employee.id_for(normalize_nip(nip)), desc=True, limit=1))
    return int(found[0].originator_version) if found else None
