"""Loading a plan through the real application, in batches, with time and ids injected.

Each batch (`PersonnelApplication.batch()`) runs the commands of a few hundred employees
against in-memory aggregates, with the API's validation, and saves them in one go. The clock
reads the business date of the step being run (08:00 WIB that day, one second per step of the
employee), and ids derive from NIPs and unit codes, so the same plan always records the same
events, whatever the batch size. A refused command raises: the plan, not the data, is wrong.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import psycopg

from domain.meta import Actor
from scripts.datagen.plan import EmployeePlan, Plan, TenantPlan, build_plan
from scripts.datagen.regions import REGIONS, Region
from scripts.datagen.steps import Target
from services.caller import Caller, Role
from services.database import Database
from services.personnel import PersonnelApplication

DEFAULT_BATCH_SIZE = 250
DEMO_EMPLOYEES, DEMO_SEED = 500, 2025
ACTOR = Actor("datagen", Role.ADMIN.value)  # generated data says so in every event
_OFFICE_OPENS_UTC = timedelta(hours=1)  # 08:00 WIB
_DEMO_LOCK = 7_160_002  # advisory lock: one process loads the demo data

Progress = Callable[[int, int], None]  # (events done, events in all)


class LogNotEmpty(RuntimeError):
    """Generated data goes into an empty event log only."""


class BusinessClock:
    """The application's clock while loading: the business date of the step being run."""

    def __init__(self) -> None:
        self._at = datetime(1970, 1, 1, tzinfo=UTC)

    def at(self, day: date, step: int) -> None:
        """Set the time for the `step`-th step of an employee (or unit) on `day`."""
        self._at = datetime(day.year, day.month, day.day, tzinfo=UTC) + _OFFICE_OPENS_UTC
        self._at += timedelta(seconds=step)

    def __call__(self) -> datetime:
        return self._at


@dataclass(frozen=True)
class LoadReport:
    """What a load recorded and how fast."""

    employees: int
    units: int
    events: int
    plan_seconds: float
    load_seconds: float

    @property
    def rate(self) -> float:
        """Events recorded per second of loading."""
        return self.events / self.load_seconds if self.load_seconds else 0.0


def caller_for(region: Region, seed: int) -> Caller:
    """Who the generated events say acted: the generator, for the region's tenant."""
    return Caller(ACTOR, region.tenant, f"datagen-seed-{seed}")


def load(
    plan: Plan,
    personnel: PersonnelApplication,
    clock: BusinessClock,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
) -> int:
    """Run every step of the plan through `personnel`; returns the events recorded."""
    if batch_size < 1:
        raise ValueError("The batch size must be at least 1.")
    total, done = plan.events, 0
    if progress is not None:
        progress(done, total)
    for tenant in plan.tenants:
        caller = caller_for(tenant.region, plan.seed)
        with personnel.batch():
            _run_units(tenant, personnel, caller, clock)
        done += len(tenant.units)
        if progress is not None:
            progress(done, total)
        for start in range(0, len(tenant.employees), batch_size):
            chunk = tenant.employees[start : start + batch_size]
            with personnel.batch():
                for employee in chunk:
                    _run_employee(employee, personnel, caller, clock)
            done += sum(len(e.steps) for e in chunk)
            if progress is not None:
                progress(done, total)
    return done


def _run_units(
    tenant: TenantPlan, personnel: PersonnelApplication, caller: Caller, clock: BusinessClock
) -> None:
    target = Target(personnel, caller)
    for i, step in enumerate(tenant.units):
        clock.at(step.on, i)
        step.run(target)


def _run_employee(
    employee: EmployeePlan, personnel: PersonnelApplication, caller: Caller, clock: BusinessClock
) -> None:
    target = Target(personnel, caller, employee.nip)
    for i, step in enumerate(employee.steps):
        clock.at(step.on, i)
        step.run(target)


def generate(
    database: Database,
    employees: int,
    seed: int,
    regions: Sequence[Region] = REGIONS,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
) -> LoadReport:
    """Plan and load generated data into the empty event log of `database`."""
    clock = BusinessClock()
    personnel = _personnel(database, clock)
    try:
        if personnel.recorder.max_notification_id():
            raise LogNotEmpty("The event log is not empty: generate into a fresh database.")
        started = time.perf_counter()
        plan = build_plan(employees, seed, tuple(regions))
        planned = time.perf_counter()
        events = load(plan, personnel, clock, batch_size=batch_size, progress=progress)
        loaded = time.perf_counter()
    finally:
        personnel.close()
    units = sum(len(t.units) for t in plan.tenants)
    return LoadReport(plan.employees, units, events, planned - started, loaded - planned)


def _personnel(database: Database, clock: BusinessClock) -> PersonnelApplication:
    """The application of `services.runtime.build_personnel`, with a cache of aggregates.

    Every appointment and mutasi re-reads its unit, saved in an earlier batch; the cache
    answers from memory instead of the database. No fast-forward: this process is the one
    writing these new aggregates, and a unit is only read to check it exists in the tenant.
    """
    env = database.eventsourcing_env()
    env |= {"AGGREGATE_CACHE_MAXSIZE": "5000", "AGGREGATE_CACHE_FASTFORWARD": "n"}
    return PersonnelApplication(env=env, clock=clock)


def load_demo_if_empty(database: Database) -> bool:
    """Load the demo data (500 employees, fixed seed) if the event log is empty.

    Returns whether it loaded. An advisory lock keeps two starting processes from both loading.
    """
    with psycopg.connect(**database.psycopg_kwargs(), autocommit=True) as lock:
        lock.execute("SELECT pg_advisory_lock(%s)", (_DEMO_LOCK,))
        try:
            generate(database, DEMO_EMPLOYEES, DEMO_SEED)
        except LogNotEmpty:
            return False
        finally:
            lock.execute("SELECT pg_advisory_unlock(%s)", (_DEMO_LOCK,))
    return True
