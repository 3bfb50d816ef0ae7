"""Runs of absent working days: weekends and holidays neither break nor extend them."""

from __future__ import annotations

from datetime import date, timedelta

from domain.absence import current_run, longest_run, runs, working_days_except

MONDAY = date(2024, 3, 4)


def days(first: date, count: int) -> list[date]:
    return [first + timedelta(days=n) for n in range(count)]


def test_a_weekend_between_absent_fridays_and_mondays_does_not_break_the_run() -> None:
    # Wednesday to the next Tuesday: 5 working days, the weekend in between not counted.
    absent = [*days(MONDAY + timedelta(days=2), 3), *days(MONDAY + timedelta(days=7), 2)]
    assert longest_run(absent) == 5


def test_a_working_day_present_breaks_the_run() -> None:
    absent = [MONDAY, MONDAY + timedelta(days=1), MONDAY + timedelta(days=3)]
    assert [r.days for r in runs(absent)] == [2, 1]


def test_a_day_recorded_on_a_weekend_does_not_count() -> None:
    assert longest_run([MONDAY - timedelta(days=1), MONDAY]) == 1


def test_a_holiday_between_absent_days_neither_breaks_nor_extends_the_run() -> None:
    holiday = MONDAY + timedelta(days=1)
    absent = [MONDAY, MONDAY + timedelta(days=2)]
    assert longest_run(absent) == 1
    assert longest_run(absent, working_days_except([holiday])) == 2


def test_the_current_run_ends_once_the_employee_is_back() -> None:
    absent = days(MONDAY, 3)
    assert current_run(absent, MONDAY + timedelta(days=3)) == 3  # Thursday: not yet known
    assert current_run(absent, MONDAY + timedelta(days=4)) == 0  # Thursday was a working day
