"""The generated absences obey PP 94/2021 Pasal 11: each hukuman is what the table proposes."""

from __future__ import annotations

from domain.absence import longest_run
from domain.absence_sanction import proposed_sanction
from scripts.datagen.discipline import ImposeAbsenceSanction, RecordAbsences
from scripts.datagen.plan import Plan
from scripts.datagen.policies import calendar_of


def test_every_generated_hukuman_for_absences_is_the_one_the_table_proposes(plan: Plan) -> None:
    calendar = calendar_of(plan.holiday_lists)
    checked = 0
    for tenant in plan.tenants:
        for employee in tenant.employees:
            recorded = {
                s.days[0].year: s.days for s in employee.steps if isinstance(s, RecordAbsences)
            }
            for step in employee.steps:
                if not isinstance(step, ImposeAbsenceSanction):
                    continue
                days = recorded[step.basis.year]
                run = longest_run(days, calendar.is_working_day)
                proposal = proposed_sanction(len(days), run)
                assert proposal is not None
                assert (step.kind, step.level) == (proposal.kind.value, proposal.level.value)
                assert step.basis.days_absent == len(days)
                checked += 1
    assert checked > 0


def test_generated_absences_fall_on_working_days_of_the_recorded_calendar(plan: Plan) -> None:
    calendar = calendar_of(plan.holiday_lists)
    days = [
        day
        for tenant in plan.tenants
        for employee in tenant.employees
        for step in employee.steps
        if isinstance(step, RecordAbsences)
        for day in step.days
    ]

    assert days
    assert all(calendar.is_working_day(day) for day in days)
