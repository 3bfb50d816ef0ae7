"""Loading a plan through the real applications, in batches, with time and ids injected.

Each batch (`BatchingApplication.batch()`) runs the commands of a few hundred employees, or a
few thousand tenant activities (appraisal, training), against in-memory aggregates, with the
API's validation, and saves them in one go. The platform admin registers every tenant first
(nothing is recorded for an unregistered one) and records the official holiday lists, each on
the day its SKB was signed (so every leave and absence after them counts the working days the
plan counted), then careers load, every tenant's (each in two parts around the tenant's Latsar
programmes: the appointments, the Latsar, then the confirmations as PNS and the rest), then the
tenant activities in date order.
The clock reads the business date of the step being run (08:00 WIB that day, one second per
step of the employee or activity of the day), and ids
derive from NIPs, unit codes and the plan, so the same plan always records the same events,
whatever the batch size. A refused command raises: the plan, not the data, is wrong.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

import psycopg

from domain.instansi import InstansiKind
from domain.meta import Actor
from scripts.datagen.activities import Activity, Desk
from scripts.datagen.applications import Applications, BusinessClock
from scripts.datagen.appraisal_policy import SCORING_EVENTS, record_scoring_policy
from scripts.datagen.appraisal_policy import SIGNED_ON as SCORING_SIGNED_ON
from scripts.datagen.demo_stamp import record_demo
from scripts.datagen.plan import UNITS_FOUNDED, EmployeePlan, Plan, TenantPlan, build_plan
from scripts.datagen.policies import policy_events, record_holiday_list
from scripts.datagen.promotion_periods import period_events, record_promotion_periods, recorded_on
from scripts.datagen.regions import REGIONS, Region, RegionKind
from scripts.datagen.steps import ConfirmAsPns, Target
from scripts.datagen.tpp_policy import TPP_EVENTS_PER_TENANT, record_tpp_example
from services.caller import Caller, Role
from services.database import Database
from services.personnel import PersonnelApplication
from services.policy import PolicyApplication
from services.tenants import TenantsApplication

DEFAULT_BATCH_SIZE = 250
# Tenant activities saved together. Fixed, not the batch size: a batch saves each aggregate's
# events together, so where batches split the activities decides the order of the log.
ACTIVITIES_PER_BATCH = 5_000
DEMO_EMPLOYEES, DEMO_SEED = 500, 2025
ACTOR = Actor("datagen", Role.HR_OFFICER.value)  # generated data says so in every event
OPERATOR = Actor("datagen", Role.ADMIN.value)  # registers the generated tenants
INSTANSI_KINDS = {RegionKind.KABUPATEN: InstansiKind.PEMKAB, RegionKind.KOTA: InstansiKind.PEMKOT}
_DEMO_LOCK = 7_160_002  # advisory lock: one process loads the demo data
_LAST_SECOND = 10 * 3600  # activities of a busy day all stay within its office hours

Progress = Callable[[int, int], None]  # (events done, events in all)


class LogNotEmpty(RuntimeError):
    """Generated data goes into an empty event log only."""


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
    apps: Applications,
    clock: BusinessClock,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
) -> int:
    """Run every step and activity of the plan through `apps`; returns the events recorded."""
    if batch_size < 1:
        raise ValueError("The batch size must be at least 1.")
    total, done = plan.events, 0
    if progress is not None:
        progress(done, total)
    report = progress or (lambda done, total: None)
    done = _register_tenants(plan, apps.tenants, clock)
    done += _record_policy(plan, apps.policy, clock)
    done = _load_careers(plan, apps, clock, batch_size, report, done)
    for tenant in plan.tenants:
        desk = Desk(apps.appraisal, apps.training, apps.ids, caller_for(tenant.region, plan.seed))
        for start in range(0, len(tenant.activities), ACTIVITIES_PER_BATCH):
            chunk = tenant.activities[start : start + ACTIVITIES_PER_BATCH]
            # New ids derive from NIPs and the plan, and the log was empty: no check per id.
            with (
                apps.appraisal.batch(check_new_ids=False),
                apps.training.batch(check_new_ids=False),
            ):
                _run_activities(chunk, desk, clock)
            done += sum(a.events for a in chunk)
            report(done, total)
    return done


def _run_activities(activities: Sequence[Activity], desk: Desk, clock: BusinessClock) -> None:
    day, second = None, 0
    for activity in activities:
        second = second + 1 if activity.on == day else 0
        day = activity.on
        clock.at(activity.on, min(second, _LAST_SECOND))
        activity.run(desk)


def _register_tenants(plan: Plan, tenants: TenantsApplication, clock: BusinessClock) -> int:
    """The platform admin registers each tenant before its first unit; returns the events."""
    for tenant in plan.tenants:
        region = tenant.region
        clock.at(tenant.units[0].on, 0)
        tenants.register_tenant(
            Caller(OPERATOR, region.tenant, f"datagen-seed-{plan.seed}"),
            code=region.tenant,
            name=region.instansi,
            kind=INSTANSI_KINDS[region.kind].value,
        )
    return len(plan.tenants)


def _record_policy(plan: Plan, policy: PolicyApplication, clock: BusinessClock) -> int:
    """The platform admin records the national policy of the plan's today (holiday lists,
    scoring, promotion periods); returns the events."""
    admin = Caller(OPERATOR, plan.tenants[0].region.tenant, f"datagen-seed-{plan.seed}")
    for holiday_list in plan.holiday_lists:
        clock.at(holiday_list.signed_on, 0)
        record_holiday_list(policy, admin, holiday_list)
    clock.at(SCORING_SIGNED_ON, 0)  # the national scoring policy every cycle adopts
    record_scoring_policy(policy, admin)
    for periods in plan.promotion_periods:
        clock.at(recorded_on(periods, UNITS_FOUNDED), 0)
        record_promotion_periods(policy, admin, periods)
    for tenant in plan.tenants:  # an EXAMPLE TPP table per tenant, by its HR (tpp_policy.py)
        clock.at(tenant.units[0].on, 0)
        record_tpp_example(policy, caller_for(tenant.region, plan.seed))
    events = policy_events(plan.holiday_lists) + SCORING_EVENTS
    events += TPP_EVENTS_PER_TENANT * len(plan.tenants)
    return events + period_events(plan.promotion_periods)


def _load_careers(
    plan: Plan,
    apps: Applications,
    clock: BusinessClock,
    batch_size: int,
    progress: Progress,
    done: int,
) -> int:
    """Every tenant's units and careers, after `done` events; returns the events done since
    the start. A career runs in two parts around the Latsar programmes: the steps before a
    confirmation as PNS (the appointment: the participants must exist), then the rest (the
    confirmation reads the programme's training record)."""
    personnel, total = apps.personnel, plan.events
    for tenant in plan.tenants:
        caller = caller_for(tenant.region, plan.seed)
        with personnel.batch():
            _run_units(tenant, personnel, caller, clock)
        done += len(tenant.units)
        progress(done, total)
        for before_pns in (True, False):
            for start in range(0, len(tenant.employees), batch_size):
                chunk = tenant.employees[start : start + batch_size]
                with personnel.batch(check_new_ids=False):
                    for employee in chunk:
                        done += _run_employee(employee, personnel, caller, clock, before_pns)
                progress(done, total)
            if before_pns and tenant.latsar:
                desk = Desk(apps.appraisal, apps.training, apps.ids, caller)
                with apps.training.batch(check_new_ids=False):
                    _run_activities(tenant.latsar, desk, clock)
                done += sum(a.events for a in tenant.latsar)
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
    employee: EmployeePlan,
    personnel: PersonnelApplication,
    caller: Caller,
    clock: BusinessClock,
    before_pns: bool,
) -> int:
    """The employee's steps before their confirmation as PNS, or from it on; the events."""
    target = Target(personnel, caller, employee.nip)
    split = next(
        (i for i, s in enumerate(employee.steps) if isinstance(s, ConfirmAsPns)),
        len(employee.steps),
    )
    part = range(split) if before_pns else range(split, len(employee.steps))
    for i in part:
        step = employee.steps[i]
        clock.at(step.on, i)
        step.run(target)
    return sum(employee.steps[i].events for i in part)


def generate(
    database: Database,
    employees: int,
    seed: int,
    regions: Sequence[Region] = REGIONS,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
    today: date | None = None,
) -> LoadReport:
    """Plan and load generated data up to `today` (default: the real date) into the empty
    event log of `database`."""
    clock = BusinessClock()
    apps = Applications.build(clock, database.eventsourcing_env())
    try:
        if apps.personnel.recorder.max_notification_id():
            raise LogNotEmpty("The event log is not empty: generate into a fresh database.")
        started = time.perf_counter()
        plan = build_plan(employees, seed, tuple(regions), today=today)
        planned = time.perf_counter()
        events = load(plan, apps, clock, batch_size=batch_size, progress=progress)
        loaded = time.perf_counter()
    finally:
        apps.close()
    units = sum(len(t.units) for t in plan.tenants)
    return LoadReport(plan.employees, units, events, planned - started, loaded - planned)


def load_demo_if_empty(database: Database, today: date | None = None) -> bool:
    """Load the demo data (500 employees, fixed seed, up to `today`) if the event log is empty.

    Returns whether it loaded. An advisory lock keeps two starting processes from both loading.
    """
    with psycopg.connect(**database.psycopg_kwargs(), autocommit=True) as lock:
        lock.execute("SELECT pg_advisory_lock(%s)", (_DEMO_LOCK,))
        until = date.today() if today is None else today
        try:
            generate(database, DEMO_EMPLOYEES, DEMO_SEED, today=until)
            record_demo(lock, DEMO_SEED, DEMO_EMPLOYEES, until)
        except LogNotEmpty:
            return False
        finally:
            lock.execute("SELECT pg_advisory_unlock(%s)", (_DEMO_LOCK,))
    return True
