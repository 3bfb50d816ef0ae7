"""The whole plan: each tenant's units, then each employee's history, as steps.

The plan is a pure function of its arguments: every random choice comes from a
`random.Random` seeded with the seed and what it is for (a tenant's staffing, a hire, a NIP and
a history source), so the same seed gives the same plan, and adding a history source leaves
the others' choices unchanged.

History sources plug in here: each takes an employee's `Career` and its own random stream and
yields the steps of one kind of history (leave, awards, discipline). Steps of one employee run
in date order. Tenant-wide history (appraisal cycles, training) is planned from the finished
careers (`scripts.datagen.tenant_history`) and runs after them, in date order.

Histories run up to `today`, an argument (the real date unless given), so nothing is dated
after it: the same seed and the same `today` give the same plan. The official holiday lists
signed by then are recorded first (scripts.datagen.policies), and every planner sees the working
calendar they make (`Career.calendar`), so planned working days are the ones the domain charges.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date

from domain.awards import BARRING_SANCTION_LEVELS
from domain.holidays import WorkingCalendar
from domain.promotion_periods import PromotionPeriods
from scripts.datagen.activities import Activity
from scripts.datagen.appraisal_policy import SCORING_EVENTS
from scripts.datagen.careers import Career, plan_career
from scripts.datagen.discipline import plan_discipline
from scripts.datagen.honours import plan_awards
from scripts.datagen.latsar import plan_latsar
from scripts.datagen.leave import plan_leave
from scripts.datagen.people import NipRegistry
from scripts.datagen.policies import HolidayList, calendar_of, lists_signed_by, policy_events
from scripts.datagen.promotion_periods import period_events, periods_in_force_by
from scripts.datagen.regions import REGIONS, Region, split_employees
from scripts.datagen.staffing import staff
from scripts.datagen.steps import CreateUnit, ImposeSanction, RecordAward, Step
from scripts.datagen.tenant_history import plan_tenant_history
from scripts.datagen.tpp_policy import TPP_EVENTS_PER_TENANT
from scripts.datagen.training_steps import AddCompetency
from scripts.datagen.unit_tree import build_tree

UNITS_FOUNDED = date(1985, 1, 2)  # before the earliest appointment
MIN_EMPLOYEES_PER_TENANT = 10
REGISTRATION_EVENTS = 1  # the platform admin registers each tenant before its first unit


@dataclass(frozen=True)
class HistorySource:
    """A planner of one kind of history; its name seeds its own random stream."""

    name: str
    plan: Callable[[Career, random.Random], Iterable[Step]]


HISTORY_SOURCES: tuple[HistorySource, ...] = (
    HistorySource("leave", plan_leave),
    HistorySource("awards", plan_awards),
    HistorySource("discipline", plan_discipline),
)


@dataclass(frozen=True, slots=True)
class EmployeePlan:
    """One employee's history: the appointment first, then every step in date order."""

    nip: str
    employment_type: str  # as of the plan's end
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class TenantPlan:
    """A tenant's units (parents first), its employees, then its tenant-wide activities."""

    region: Region
    units: tuple[CreateUnit, ...]
    employees: tuple[EmployeePlan, ...]
    activities: tuple[Activity, ...] = ()  # in the order they run
    # Run between the appointments and the confirmations as PNS (scripts/datagen/latsar.py).
    latsar: tuple[Activity, ...] = ()

    @property
    def events(self) -> int:
        """How many events loading it records: its registration, one per step, and as planned
        per activity."""
        steps = len(self.units) + sum(s.events for e in self.employees for s in e.steps)
        activities = sum(a.events for a in (*self.latsar, *self.activities))
        return REGISTRATION_EVENTS + steps + activities


@dataclass(frozen=True)
class Plan:
    """The national policy to record first, then everything to load per tenant."""

    seed: int
    until: date  # the plan's "today": nothing is dated after it
    tenants: tuple[TenantPlan, ...]
    holiday_lists: tuple[HolidayList, ...] = ()  # signed by `until`, in recording order
    promotion_periods: tuple[PromotionPeriods, ...] = ()  # in force by `until`, oldest first

    @property
    def events(self) -> int:
        """How many events loading it records."""
        policies = policy_events(self.holiday_lists) + SCORING_EVENTS
        policies += period_events(self.promotion_periods)
        policies += TPP_EVENTS_PER_TENANT * len(self.tenants)  # the example TPP tables
        return policies + sum(t.events for t in self.tenants)

    @property
    def employees(self) -> int:
        """How many employees it appoints."""
        return sum(len(t.employees) for t in self.tenants)


def build_plan(
    employees: int,
    seed: int,
    regions: tuple[Region, ...] = REGIONS,
    *,
    today: date | None = None,
    sources: tuple[HistorySource, ...] = HISTORY_SOURCES,
) -> Plan:
    """Plan `employees` employees over `regions` (shared by weight) up to `today` (default:
    the real date), deterministically for a seed and a `today`."""
    until = date.today() if today is None else today
    if not regions:
        raise ValueError("Give at least one region.")
    if employees < MIN_EMPLOYEES_PER_TENANT * len(regions):
        raise ValueError(
            f"{employees} employees are too few for {len(regions)} tenant(s): give at least "
            f"{MIN_EMPLOYEES_PER_TENANT * len(regions)}, or fewer tenants."
        )
    shares = split_employees(employees, regions)
    nips = NipRegistry()
    lists = lists_signed_by(until)
    calendar = calendar_of(lists)
    tenants = tuple(
        _tenant(region, shares[region.key], seed, nips, until, sources, calendar)
        for region in regions
    )
    return Plan(seed, until, tenants, lists, periods_in_force_by(until))


def _tenant(
    region: Region,
    employees: int,
    seed: int,
    nips: NipRegistry,
    until: date,
    sources: tuple[HistorySource, ...],
    calendar: WorkingCalendar,
) -> TenantPlan:
    tree = build_tree(region, employees)
    units = tuple(CreateUnit(UNITS_FOUNDED, u.code, u.name, u.kind.value, u.parent) for u in tree)
    hires = staff(tree, employees, _rng(seed, region.key, "staffing"))
    plans = []
    for index, hire in enumerate(hires):
        career, steps = plan_career(hire, region, _rng(seed, region.key, index), nips, until)
        career = replace(career, calendar=calendar)
        for source in sources:
            steps += source.plan(career, _rng(seed, career.nip, source.name))
        steps.sort(key=lambda s: s.sort_key)
        steps = _without_barred_awards(steps)
        plans.append(EmployeePlan(career.nip, hire.employment.value, tuple(steps)))
    activities = plan_tenant_history(
        region, units, plans, until, lambda *purpose: _rng(seed, region.key, *purpose)
    )
    latsar = plan_latsar(region.tenant, plans, _rng(seed, region.key, "latsar"))
    if latsar:  # the Latsar programmes opened the competency catalogue
        activities = [_not_first(a) for a in activities]
    return TenantPlan(region, units, tuple(plans), tuple(activities), tuple(latsar))


def _not_first(activity: Activity) -> Activity:
    if isinstance(activity, AddCompetency) and activity.first:
        return replace(activity, first=False)
    return activity


def _rng(seed: int, *purpose: object) -> random.Random:
    # A string seed is hashed with SHA-512: stable across runs, unlike hash().
    return random.Random("/".join(map(str, (seed, *purpose))))  # noqa: S311 - not for secrets


def _without_barred_awards(steps: list[Step]) -> list[Step]:
    """Drop a Satyalancana planned after a hukuman disiplin sedang or berat (PP 25/1994)."""
    kept: list[Step] = []
    barred = False
    for step in steps:
        if isinstance(step, ImposeSanction) and step.level in BARRING_SANCTION_LEVELS:
            barred = True
        if barred and isinstance(step, RecordAward) and step.kind.startswith("SATYALANCANA"):
            continue
        kept.append(step)
    return kept
