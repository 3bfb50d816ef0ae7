"""The discipline planner: rare days absent without a valid reason, and the hukuman for them.

Only since PP 94/2021 took effect (its kinds are the only ones the domain knows). The days are
recorded through the same command as HR's (`record_absence`), scattered over the year's
working days (of the recorded calendar, `Career.calendar`: the days the command accepts);
early the following year the hukuman the table proposes for them (`proposed_sanction`, the
rule the API applies) is imposed, bound to the count it answers.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import ClassVar

from domain.absence import longest_run
from domain.absence_sanction import proposed_sanction
from domain.discipline import AbsenceBasis
from domain.holidays import WorkingCalendar
from scripts.datagen.careers import Career
from scripts.datagen.steps import ImposeSanction, Step, Target

PER_YEAR = 0.006  # share of employees absent enough in a year to be sanctioned
FIRST_YEAR = 2022  # the first whole year under PP 94/2021
DAYS_ABSENT = (3, 3, 3, 4, 4, 5, 6, 7, 8, 9, 11, 12, 14, 16)


@dataclass(frozen=True, slots=True)
class RecordAbsences(Step):
    """A year's days absent without a valid reason, as an attendance import brings them."""

    days: tuple[date, ...]
    rank: ClassVar[int] = 6

    @property
    def events(self) -> int:
        """The year's record opened, then one event per day."""
        return 1 + len(self.days)

    def run(self, target: Target) -> None:
        for day in self.days:
            target.personnel.record_absence(
                target.caller, nip=target.nip, day=day, source="IMPORT", reason="Rekap absensi"
            )


@dataclass(frozen=True, slots=True)
class ImposeAbsenceSanction(ImposeSanction):
    """The hukuman for a year's absences, bound to the count and proposal it answers."""

    basis: AbsenceBasis

    @property
    def events(self) -> int:
        """The employee's sanction and the year's note of it."""
        return 2

    def absences_seen(self) -> AbsenceBasis:
        return self.basis


def plan_discipline(career: Career, rng: random.Random) -> list[Step]:
    """The employee's absences and hukuman disiplin, if any."""
    steps: list[Step] = []
    for year in range(max(FIRST_YEAR, career.appointed_on.year + 1), career.last_day.year):
        if rng.random() >= PER_YEAR:
            continue
        on = date(year + 1, rng.randint(1, 6), rng.randint(1, 28))
        if on > career.last_day:
            continue
        days = _absent_days(year, rng.choice(DAYS_ABSENT), rng, career.calendar)
        run = longest_run(days, career.calendar.is_working_day)
        proposal = proposed_sanction(len(days), run)
        assert proposal is not None
        reason = (
            f"Tidak masuk kerja tanpa alasan yang sah selama {len(days)} hari kerja "
            f"pada tahun {year} (PP 94/2021 Pasal 11)"
        )
        basis = AbsenceBasis(year, len(days), run, proposal.kind)
        steps.append(RecordAbsences(days[-1], days))
        kind, level = proposal.kind.value, proposal.level.value
        steps.append(ImposeAbsenceSanction(on, level, kind, reason, basis))
    return steps


def _absent_days(
    year: int, count: int, rng: random.Random, calendar: WorkingCalendar
) -> tuple[date, ...]:
    """`count` working days of `year`, spread out (so no 10-day run), in date order."""
    first = date(year, 1, 1)
    working = [
        first + timedelta(days=n)
        for n in range((date(year, 12, 31) - first).days + 1)
        if calendar.is_working_day(first + timedelta(days=n))
    ]
    return tuple(sorted(rng.sample(working, count)))
