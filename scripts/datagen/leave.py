"""The leave planner: cuti tahunan within the balance, and cuti sakit, melahirkan and CAP.

Plans are valid by construction: no two leaves overlap, every leave falls in service, and
each year's cuti tahunan stays within `annual_leave_balance` of the leave planned before it
(the domain's own rule, so carry-over is counted exactly as the command will). Cuti tahunan
is counted in working days of the recorded calendar (`domain.holidays.working_days` over
`Career.calendar`), as the command charges it. Guru get no cuti tahunan: school holidays take
its place (asn-rules.md §5).
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from domain.employment import EmploymentType, Sex
from domain.holidays import WorkingCalendar, working_days
from domain.leave import LeaveContext, LeaveRecord, LeaveType, add_months, annual_leave_balance
from scripts.datagen.careers import Career
from scripts.datagen.steps import GrantLeave, Step
from scripts.datagen.tracks import Category

SICK_PER_YEAR, CAP_PER_YEAR, CT_TAKEN = 0.15, 0.04, 0.85
CAP_REASONS = (
    "Orang tua sakit keras",
    "Orang tua meninggal dunia",
    "Mertua meninggal dunia",
    "Saudara kandung menikah",
    "Melangsungkan perkawinan",
    "Anggota keluarga terdampak bencana banjir",
)
CAP_REASON_HUSBAND = "Mendampingi istri melahirkan"


class _Calendar:
    """The leave planned so far for one employee."""

    def __init__(self, career: Career) -> None:
        self.first, self.last = career.appointed_on, career.last_day
        self.days_off: WorkingCalendar = career.calendar
        self.taken: list[LeaveRecord] = []

    def is_free(self, start: date, end: date) -> bool:
        inside = self.first <= start and end <= self.last
        return inside and all(end < r.start or r.end < start for r in self.taken)

    def take(self, leave_type: LeaveType, start: date, end: date) -> bool:
        if not self.is_free(start, end):
            return False
        if leave_type is LeaveType.CT:
            days = working_days(start, end, self.days_off)
        else:
            days = (end - start).days + 1
        self.taken.append(LeaveRecord(leave_type, start, end, days))
        return True


def plan_leave(career: Career, rng: random.Random) -> list[Step]:
    """Every leave of the employee's service, in the order it is granted."""
    calendar = _Calendar(career)
    steps: list[Step] = _maternity(career, rng, calendar)
    # The balance depends on the service start only; the employment type plays no part in it.
    context = LeaveContext(EmploymentType.PNS, career.sex, career.service_start)
    eligible = add_months(career.service_start, 12)
    for year in range(career.appointed_on.year, career.last_day.year + 1):
        steps += _sick_and_cap(career, rng, calendar, year)
        if career.track.category is not Category.GURU and date(year, 12, 31) >= eligible:
            balance = annual_leave_balance(year, calendar.taken, context).remaining
            steps += _annual(rng, calendar, year, balance, eligible)
    return sorted(steps, key=lambda s: s.sort_key)


def _maternity(career: Career, rng: random.Random, calendar: _Calendar) -> list[Step]:
    """Cuti melahirkan for the 1st to 3rd child born while in service."""
    if career.sex is not Sex.FEMALE:
        return []
    children = rng.choices((0, 1, 2, 3), (0.2, 0.25, 0.35, 0.2))[0]
    steps: list[Step] = []
    age = rng.randint(23, 30)
    for order in range(1, children + 1):
        due = date(career.birth_date.year + age, rng.randint(1, 12), rng.randint(1, 28))
        start = due - timedelta(days=rng.randint(0, 14))
        end = add_months(start, 3) - timedelta(days=1)
        if calendar.take(LeaveType.CM, start, end):
            steps.append(GrantLeave(start, LeaveType.CM.value, end, birth_order=order))
        age += rng.randint(2, 5)
    return steps


def _sick_and_cap(career: Career, rng: random.Random, calendar: _Calendar, year: int) -> list[Step]:
    steps: list[Step] = []
    if rng.random() < SICK_PER_YEAR:
        days = rng.choices((rng.randint(1, 3), rng.randint(4, 14), rng.randint(15, 60)), (14, 5, 1))
        start = _weekday_in(rng, year)
        end = start + timedelta(days=days[0] - 1)
        if calendar.take(LeaveType.CS, start, end):
            steps.append(GrantLeave(start, LeaveType.CS.value, end))
    if rng.random() < CAP_PER_YEAR:
        reasons = CAP_REASONS + ((CAP_REASON_HUSBAND,) if career.sex is Sex.MALE else ())
        start = _weekday_in(rng, year)
        end = start + timedelta(days=rng.randint(1, 6) - 1)
        if calendar.take(LeaveType.CAP, start, end):
            steps.append(GrantLeave(start, LeaveType.CAP.value, end, reason=rng.choice(reasons)))
    return steps


def _annual(
    rng: random.Random, calendar: _Calendar, year: int, balance: int, eligible: date
) -> list[Step]:
    """Cuti tahunan of one year in one to three parts, in all no more than the balance."""
    if balance <= 0 or rng.random() > CT_TAKEN:
        return []
    wanted = min(balance, rng.randint(3, 12))
    parts = rng.choices((1, 2, 3), (4, 4, 2))[0]
    sizes = [wanted // parts + (1 if i < wanted % parts else 0) for i in range(parts)]
    steps: list[Step] = []
    for size in (s for s in sizes if s > 0):
        for _ in range(20):  # a free stretch of the year, or none this time
            start = max(_day_in(rng, year), eligible)
            if not calendar.days_off.is_working_day(start):
                continue
            end = _after_working_days(start, size, calendar.days_off)
            if end.year == year and calendar.take(LeaveType.CT, start, end):
                steps.append(GrantLeave(start, LeaveType.CT.value, end))
                break
    return steps


def _day_in(rng: random.Random, year: int) -> date:
    return date(year, 1, 1) + timedelta(days=rng.randrange(365))


def _weekday_in(rng: random.Random, year: int) -> date:
    """A day of the year, moved to the Monday after if it falls on a weekend."""
    day = _day_in(rng, year)
    return day + timedelta(days=7 - day.weekday()) if day.weekday() >= 5 else day


def _after_working_days(start: date, days: int, days_off: WorkingCalendar) -> date:
    """The last day of `days` working days starting on `start` (a working day)."""
    end, counted = start, 1
    while counted < days:
        end += timedelta(days=1)
        counted += days_off.is_working_day(end)
    return end
