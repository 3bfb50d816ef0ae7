"""Loading a plan through the real applications (on a SQLite file: the three share one log):
every command is accepted, and the same seed records the same events byte for byte."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from domain.aggregates.appraisal_cycle import AppraisalCycle
from domain.aggregates.instansi import Instansi
from domain.aggregates.training import Training
from domain.holidays import HOLIDAYS_KIND, working_days
from domain.policy import NATIONAL
from domain.scoring_policy import NATIONAL_LABEL
from scripts.datagen.applications import Applications, BusinessClock
from scripts.datagen.loader import caller_for, load
from scripts.datagen.plan import Plan, build_plan
from scripts.datagen.policies import calendar_of
from scripts.datagen.regions import KEMUNING, MULYOREJO, PALANGKARAYA
from scripts.datagen.training_steps import DefineProgramme
from services.personnel import PersonnelApplication


@pytest.fixture
def loaded(tmp_path: Path) -> Iterator[Callable[..., Applications]]:
    """Load a plan into a fresh SQLite log; closes the applications after the test."""
    opened: list[Applications] = []

    def load_plan(plan: Plan, batch_size: int = 250) -> Applications:
        clock = BusinessClock()
        env = {
            "PERSISTENCE_MODULE": "eventsourcing.sqlite",
            "SQLITE_DBNAME": str(tmp_path / f"log-{len(opened)}.sqlite"),
        }
        apps = Applications.build(clock, env)
        opened.append(apps)
        load(plan, apps, clock, batch_size=batch_size)
        return apps

    yield load_plan
    for apps in opened:
        apps.close()


TODAY = date(2026, 12, 5)


@pytest.mark.parametrize(
    ("seed", "today"),
    [(1, date(2026, 12, 5)), (2, date(2026, 1, 6)), (3, date(2027, 7, 31))],
)
def test_every_planned_command_is_accepted_by_the_applications(
    seed: int, today: date, loaded: Callable[..., Applications]
) -> None:
    plan = build_plan(200, seed=seed, regions=(MULYOREJO, KEMUNING), today=today)

    apps = loaded(plan)  # a refused command would raise here

    assert apps.personnel.recorder.max_notification_id() == plan.events


def test_the_same_seed_records_the_same_events_whatever_the_batch_size(
    loaded: Callable[..., Applications],
) -> None:
    plan = build_plan(80, seed=11, regions=(KEMUNING,), today=TODAY)

    first, second = (
        loaded(plan, batch_size=250),
        loaded(build_plan(80, seed=11, regions=(KEMUNING,), today=TODAY), 7),
    )

    def log(apps: Applications) -> list[tuple[str, bytes]]:
        recorder = apps.personnel.recorder
        return [(n.topic, n.state) for n in recorder.select_notifications(start=1, limit=10**6)]

    assert log(first) == log(second)


def test_each_tenant_is_registered_by_the_platform_admin_before_its_first_unit(
    loaded: Callable[..., Applications],
) -> None:
    plan = build_plan(60, seed=2, regions=(KEMUNING, PALANGKARAYA), today=TODAY)
    apps = loaded(plan)

    registered = [apps.tenants.get_tenant(t.region.tenant) for t in plan.tenants]
    assert [(i.code, i.name, i.kind) for i in registered] == [
        ("pemkab-kemuning", "Pemerintah Kabupaten Kemuning", "PEMKAB"),
        ("pemkot-palangkaraya", "Pemerintah Kota Palangkaraya", "PEMKOT"),
    ]
    first_two = apps.personnel.recorder.select_notifications(start=1, limit=2)
    assert [n.originator_id for n in first_two] == [i.id for i in registered]
    [event] = apps.tenants.events.get(registered[0].id)
    assert isinstance(event, Instansi.Registered)
    assert (event.meta.actor_role, event.meta.tenant) == ("admin", "pemkab-kemuning")


def test_every_employee_is_in_service_or_ended_as_planned(
    loaded: Callable[..., Applications],
) -> None:
    plan = build_plan(60, seed=2, regions=(KEMUNING,), today=TODAY)
    app: PersonnelApplication = loaded(plan).personnel

    for employee in plan.tenants[0].employees:
        record = app.get_employee(employee.nip)
        ended = type(employee.steps[-1]).__name__ == "EndEmployment"
        assert record.status == ("ENDED" if ended else "ACTIVE")
        assert record.employment_type == employee.employment_type or ended


def test_the_clock_reads_the_business_date_at_8_wib_plus_a_second_per_step() -> None:
    clock = BusinessClock()

    clock.at(date(2019, 4, 1), 3)

    assert clock() == clock() == datetime(2019, 4, 1, 1, 0, 3, tzinfo=UTC)


def test_the_last_finished_cycle_is_final_the_current_one_open_and_announced_programmes_open(
    loaded: Callable[..., Applications],
) -> None:
    plan = build_plan(80, seed=11, regions=(KEMUNING,), today=TODAY)
    apps = loaded(plan)
    hr = caller_for(KEMUNING, plan.seed)

    finished = apps.appraisal.get_cycle(hr, AppraisalCycle.id_for(hr.tenant, 2025))
    current = apps.appraisal.get_cycle(hr, AppraisalCycle.id_for(hr.tenant, 2026))
    assert (finished.finalised_on, current.finalised_on) == (date(2026, 1, 15), None)
    assert finished.policy.label == NATIONAL_LABEL  # adopted from the register when opened
    programmes = [a for a in plan.tenants[0].activities if isinstance(a, DefineProgramme)]
    statuses = Counter(apps.training.get(hr, Training, p.id).status for p in programmes)
    upcoming = sum(p.sessions[0][0] > TODAY for p in programmes)
    assert upcoming > 0
    assert statuses["CANCELLED"] == 2
    assert statuses["FINISHED"] == len(programmes) - 2 - upcoming


def test_every_application_of_the_load_writes_the_one_jejak_event_log() -> None:
    apps = Applications.build(BusinessClock(), {"PERSISTENCE_MODULE": "eventsourcing.popo"})
    try:
        assert {app.name for app in (apps.personnel, apps.appraisal, apps.training)} == {"Jejak"}
    finally:
        apps.close()


def test_the_official_holiday_lists_are_recorded_before_any_leave_and_charge_its_days(
    loaded: Callable[..., Applications],
) -> None:
    plan = build_plan(120, seed=4, regions=(KEMUNING,), today=TODAY)
    apps = loaded(plan)

    # the amended 2025 list is in force, recorded by the platform admin on its SKB's day
    in_force = apps.policy.values_in_force(HOLIDAYS_KIND, NATIONAL, date(2025, 9, 1))
    assert in_force is not None
    assert in_force.source.startswith("SKB Menag, Menaker, MenPANRB No. 933 Tahun 2025")
    # every cuti tahunan was charged the working days of that calendar, holidays skipped
    calendar = calendar_of(plan.holiday_lists)
    ct = [
        record
        for e in plan.tenants[0].employees
        for record in apps.personnel.get_employee(e.nip).leave
        if record.leave_type == "CT" and record.start.year >= 2020  # the first recorded list
    ]
    charged = [(r.days, working_days(r.start, r.end, calendar)) for r in ct]
    weekdays = [working_days(r.start, r.end) for r in ct]
    assert charged
    assert all(days == expected for days, expected in charged)
    assert sum(d for d, _ in charged) < sum(weekdays)  # some leave spanned a holiday


def test_a_plan_made_before_an_skb_was_signed_records_only_the_lists_signed_by_then() -> None:
    plan = build_plan(40, seed=3, regions=(KEMUNING,), today=date(2024, 10, 1))

    recorded = [(hl.year, hl.signed_on) for hl in plan.holiday_lists]
    # the 2025 SKB (14 October 2024) and the Pilkada Keppres (21 November 2024) came later
    assert recorded[-2:] == [(2024, date(2023, 9, 12)), (2024, date(2024, 2, 6))]
    assert all(signed <= date(2024, 10, 1) for _, signed in recorded)
