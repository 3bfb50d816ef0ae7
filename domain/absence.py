"""Days absent without a valid reason, counted the way PP 94/2021 Pasal 11 counts them.

Pasal 11 counts working days ("hari kerja"): cumulative in one year, and "secara terus
menerus" for the 10-day rule. A day that is not a working day (a weekend, a national holiday,
cuti bersama) is never an absence, and lying between two absent days it neither breaks nor
extends their run. Which days are working days is the caller's: `is_weekday` (Monday to
Friday, Perpres 21/2023) until the working calendar's holidays are given.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

WorkingDay = Callable[[date], bool]


def is_weekday(day: date) -> bool:
    """Monday to Friday: the five working days of Perpres 21/2023."""
    return day.weekday() < 5


def working_days_except(holidays: Iterable[date]) -> WorkingDay:
    """Monday to Friday without the given holidays and cuti bersama."""
    closed = frozenset(holidays)
    return lambda day: is_weekday(day) and day not in closed


@dataclass(frozen=True)
class Run:
    """Absent working days in a row (non-working days between them do not break it)."""

    first: date
    last: date
    days: int


def runs(days: Iterable[date], is_working_day: WorkingDay = is_weekday) -> list[Run]:
    """The runs of consecutive absent working days, in date order."""
    found: list[Run] = []
    for day in sorted({d for d in days if is_working_day(d)}):
        if found and _adjacent(found[-1].last, day, is_working_day):
            last = found[-1]
            found[-1] = Run(last.first, day, last.days + 1)
        else:
            found.append(Run(day, day, 1))
    return found


def longest_run(days: Iterable[date], is_working_day: WorkingDay = is_weekday) -> int:
    """The most absent working days in a row (0 with none)."""
    return max((r.days for r in runs(days, is_working_day)), default=0)


def current_run(days: Iterable[date], as_of: date, is_working_day: WorkingDay = is_weekday) -> int:
    """The run still open on `as_of`: its last day is `as_of` or the last working day before.

    A run the employee has since come back from (a working day after it, before `as_of`,
    not recorded absent) is over: 0.
    """
    found = [r for r in runs(days, is_working_day) if r.last <= as_of]
    if not found:
        return 0
    last = found[-1]
    return last.days if last.last == as_of or _adjacent(last.last, as_of, is_working_day) else 0


def _adjacent(earlier: date, later: date, is_working_day: WorkingDay) -> bool:
    """No working day lies strictly between the two dates."""
    day = earlier + timedelta(days=1)
    while day < later:
        if is_working_day(day):
            return False
        day += timedelta(days=1)
    return True
