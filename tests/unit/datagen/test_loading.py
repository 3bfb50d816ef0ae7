"""Loading a plan through the real application (in memory): every command is accepted, and the
same seed records the same events byte for byte."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from scripts.datagen.loader import BusinessClock, load
from scripts.datagen.plan import Plan, build_plan
from scripts.datagen.regions import KEMUNING, MULYOREJO
from services.personnel import PersonnelApplication

IN_MEMORY = {"PERSISTENCE_MODULE": "eventsourcing.popo"}


def loaded(plan: Plan, batch_size: int = 250) -> PersonnelApplication:
    clock = BusinessClock()
    app = PersonnelApplication(env=dict(IN_MEMORY), clock=clock)
    load(plan, app, clock, batch_size=batch_size)
    return app


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_planned_command_is_accepted_by_the_application(seed: int) -> None:
    plan = build_plan(200, seed=seed, regions=(MULYOREJO, KEMUNING))

    app = loaded(plan)  # a refused command would raise here

    assert app.recorder.max_notification_id() == plan.events


def test_the_same_seed_records_the_same_events_whatever_the_batch_size() -> None:
    plan = build_plan(80, seed=11, regions=(KEMUNING,))

    first, second = (
        loaded(plan, batch_size=250),
        loaded(build_plan(80, seed=11, regions=(KEMUNING,)), 7),
    )

    def log(app: PersonnelApplication) -> list[tuple[str, bytes]]:
        return [(n.topic, n.state) for n in app.recorder.select_notifications(start=1, limit=10**6)]

    assert log(first) == log(second)


def test_every_employee_is_in_service_or_ended_as_planned() -> None:
    plan = build_plan(60, seed=2, regions=(KEMUNING,))
    app = loaded(plan)

    for employee in plan.tenants[0].employees:
        record = app.get_employee(employee.nip)
        ended = type(employee.steps[-1]).__name__ == "EndEmployment"
        assert record.status == ("ENDED" if ended else "ACTIVE")
        assert record.employment_type == employee.employment_type or ended


def test_the_clock_reads_the_business_date_at_8_wib_plus_a_second_per_step() -> None:
    clock = BusinessClock()

    clock.at(date(2019, 4, 1), 3)

    assert clock() == clock() == datetime(2019, 4, 1, 1, 0, 3, tzinfo=UTC)
