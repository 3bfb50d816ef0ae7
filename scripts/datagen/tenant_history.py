"""Tenant-wide history, planned from the finished careers: appraisal cycles and training.

Two years: the last finished one (its cycle finalised) and the current one, in progress on
the plan's `until` (its "today"): a year is planned whole, then what lies after `until` is
left out, so the current cycle is open with what was done so far, and programmes and
mentoring still under way stay open. The current year also has a few programmes announced
with sessions yet to come. Each kind draws from its own random stream, named for what it
plans, so adding one leaves the others' choices unchanged. The activities of a tenant come
back in the order they run: by date, then rank, then plan order.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING
from uuid import UUID, uuid5

from scripts.datagen.activities import Activity
from scripts.datagen.appraisals import plan_appraisal_year
from scripts.datagen.catalogue import catalogue_activities
from scripts.datagen.learning import plan_external_learning, plan_mentoring
from scripts.datagen.regions import Region
from scripts.datagen.serving import Serving, ends_by, serving_all_year, serving_on
from scripts.datagen.steps import Appoint, CreateUnit
from scripts.datagen.training import plan_programmes, plan_upcoming

if TYPE_CHECKING:  # plan.py imports this module
    from scripts.datagen.plan import EmployeePlan

HISTORY_YEARS = 2  # the last finished year and the current one: cycles and training
IDS = UUID("5b7d3c1a-9e2f-4a68-b0d4-2c8e6f1a7b35")  # namespace of planned training ids

Streams = Callable[..., random.Random]  # a random stream for a purpose


def plan_tenant_history(
    region: Region,
    units: Sequence[CreateUnit],
    employees: Sequence[EmployeePlan],
    until: date,
    streams: Streams,
) -> list[Activity]:
    """The tenant's appraisal cycles and training up to `until`, in the order they run."""
    activities: list[Activity] = []
    current = until.year  # in progress: the year is not over on any of its days
    years = [
        y for y in range(current - HISTORY_YEARS + 1, current + 1) if y >= 2022
    ]  # PermenPANRB 6/2022
    for year in years:
        activities += plan_appraisal_year(
            region,
            units,
            employees,
            year,
            finished=year < current,
            rng=streams("appraisal", year),
            checkpoints=streams("checkpoints", year),
        )
    if years:
        activities += _training(region, employees, years, until, streams)
    activities = [a for a in activities if a.on <= until]  # nothing after "today"
    activities.sort(key=lambda a: a.sort_key)  # stable: plan order within a day and rank
    return activities


def _training(
    region: Region,
    employees: Sequence[EmployeePlan],
    years: Sequence[int],
    until: date,
    streams: Streams,
) -> list[Activity]:
    """The catalogue, then each year's programmes, mentoring and external learning."""
    staying = [e for e in employees if not ends_by(e, until)]  # the application admits them

    def ids(kind: str) -> Callable[[str], UUID]:
        return lambda key: uuid5(IDS, f"{region.tenant}/{kind}/{key}")

    first = date(years[0], 1, 3)
    out: list[Activity] = list(catalogue_activities(first, serving_all_year(staying, years[0])))
    for year in years:
        eligible = serving_all_year(staying, year)
        out += plan_programmes(
            region.name, eligible, year, ids("programme"), streams("training", year)
        )
        seniors = [
            s
            for s in (serving_on(e, date(year, 1, 2)) for e in staying)
            if s and s.employment_type == "PNS"
        ]
        out += plan_mentoring(
            _newcomers(staying, year), seniors, until, ids("mentoring"), streams("mentoring", year)
        )
        out += plan_external_learning(
            eligible, year, until, ids("learning"), streams("learning", year)
        )
    if years[-1] == until.year:
        eligible = serving_all_year(staying, until.year)
        out += plan_upcoming(region.name, eligible, until, ids("upcoming"), streams("upcoming"))
    return out


def _newcomers(employees: Sequence[EmployeePlan], year: int) -> list[Serving]:
    """The CPNS appointed in `year`, as on their first day."""
    found = []
    for e in employees:
        first = e.steps[0]
        if isinstance(first, Appoint) and first.on.year == year and first.employment_type == "CPNS":
            serving = serving_on(e, first.on)
            if serving is not None:
                found.append(serving)
    return found
