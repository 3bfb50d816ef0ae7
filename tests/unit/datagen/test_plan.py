"""The plan: a pure function of the seed, open to more history sources."""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import date

import pytest

from scripts.datagen.appraisal_policy import SCORING_EVENTS
from scripts.datagen.careers import Career
from scripts.datagen.plan import HISTORY_SOURCES, HistorySource, Plan, build_plan
from scripts.datagen.regions import KERTAPATI, PALANGKARAYA, find_region, split_employees
from scripts.datagen.steps import RecordAward, Step
from scripts.datagen.tpp_policy import TPP_EVENTS_PER_TENANT


def test_the_same_seed_and_today_give_the_same_plan() -> None:
    today = date(2026, 12, 5)

    assert build_plan(120, seed=3, today=today) == build_plan(120, seed=3, today=today)


def test_another_seed_gives_another_plan() -> None:
    today = date(2026, 12, 5)

    assert build_plan(120, seed=3, today=today) != build_plan(120, seed=4, today=today)


def test_the_plan_runs_up_to_the_real_date_unless_today_is_given() -> None:
    before = date.today()
    plan = build_plan(40, seed=3)

    assert before <= plan.until <= date.today()  # the date may turn while planning


@pytest.mark.parametrize("today", [date(2026, 1, 1), date(2026, 7, 14), date(2026, 12, 31)])
def test_nothing_in_the_plan_is_dated_after_today(today: date) -> None:
    plan = build_plan(120, seed=3, today=today)

    steps = [s.on for t in plan.tenants for e in t.employees for s in e.steps]
    activities = [a.on for t in plan.tenants for a in t.activities]
    assert max(steps + activities) <= today
    assert plan.until == today


def test_the_plan_counts_the_holiday_lists_each_registration_and_the_events_of_each_step(
    plan: Plan,
) -> None:
    holiday_lists = len(plan.holiday_lists)
    registrations = len(plan.tenants)
    steps = sum(s.events for t in plan.tenants for e in t.employees for s in e.steps)
    units = sum(len(t.units) for t in plan.tenants)
    activities = sum(a.events for t in plan.tenants for a in t.activities)
    activities += sum(a.events for t in plan.tenants for a in t.latsar)  # each intake's Latsar

    # 2020 and its final amendment, 2021 and two, 2022 and one, 2023 and two, 2024 and two
    # Keppres, 2025 and one, 2026: all signed by TODAY (scripts/datagen/holiday_lists.py)
    assert holiday_lists == 2 + 3 + 2 + 3 + 3 + 2 + 1
    policy = 1 + holiday_lists  # the national register's opening, then one event per list
    assert len(plan.promotion_periods) == 3  # PP 99/2000, Peraturan BKN 4/2023 and 4/2025
    policy += 1 + len(plan.promotion_periods)  # the periods' register, then each version
    policy += TPP_EVENTS_PER_TENANT * registrations  # each tenant's example TPP table
    policy += SCORING_EVENTS  # the national scoring policy's register and its one version
    assert plan.events == policy + registrations + steps + units + activities
    assert plan.employees == 600


def test_employees_are_shared_among_the_regions_by_weight() -> None:
    shares = split_employees(101, (PALANGKARAYA, KERTAPATI))

    assert shares == {"palangkaraya": 56, "kertapati": 45}
    assert sum(split_employees(9_999, (PALANGKARAYA, KERTAPATI)).values()) == 9_999


def test_regions_are_found_by_short_name_or_tenant_code() -> None:
    assert find_region("Kertapati") is find_region("pemkot-kertapati") is KERTAPATI
    with pytest.raises(ValueError, match="Unknown region 'bandung'"):
        find_region("bandung")


def test_too_few_employees_for_the_tenants_are_refused() -> None:
    with pytest.raises(ValueError, match="too few for 4 tenant"):
        build_plan(39, seed=1)


def test_a_further_history_source_adds_its_steps_and_changes_no_other_choice() -> None:
    def commendations(career: Career, rng: random.Random) -> Iterable[Step]:
        day = career.last_day
        yield RecordAward(
            day, "PENGHARGAAN_LAINNYA", "Piagam Penghargaan", f"No. {rng.randint(1, 9)}"
        )

    base = build_plan(60, seed=5, regions=(KERTAPATI,))
    more = build_plan(
        60,
        seed=5,
        regions=(KERTAPATI,),
        sources=(*HISTORY_SOURCES, HistorySource("x", commendations)),
    )

    for before, after in zip(base.tenants[0].employees, more.tenants[0].employees, strict=True):
        added = [s for s in after.steps if s not in before.steps]
        assert len(added) == 1
        assert isinstance(added[0], RecordAward)
        assert [s for s in after.steps if s not in added] == list(before.steps)
