"""The discipline planner: rare hukuman disiplin for absence without a valid reason.

Only since PP 94/2021 took effect (its kinds are the only ones the domain knows), and only
ringan and sedang: the hukuman follows the working days absent in a year (Pasal 11) and is
decided early the following year, with the reason on the record.
"""

from __future__ import annotations

import random
from datetime import date

from domain.discipline import SANCTIONS_BY_LEVEL, sanction_for_absence
from scripts.datagen.careers import Career
from scripts.datagen.steps import ImposeSanction, Step

PER_YEAR = 0.006  # share of employees sanctioned for a year's absences
FIRST_YEAR = 2022  # the first whole year under PP 94/2021
DAYS_ABSENT = (3, 3, 3, 4, 4, 5, 6, 7, 8, 9, 11, 12, 14, 16)


def plan_discipline(career: Career, rng: random.Random) -> list[Step]:
    """The employee's hukuman disiplin, if any."""
    steps: list[Step] = []
    for year in range(max(FIRST_YEAR, career.appointed_on.year + 1), career.last_day.year):
        if rng.random() >= PER_YEAR:
            continue
        days = rng.choice(DAYS_ABSENT)
        kind = sanction_for_absence(days)
        assert kind is not None
        level = next(lv for lv, kinds in SANCTIONS_BY_LEVEL.items() if kind in kinds)
        on = date(year + 1, rng.randint(1, 6), rng.randint(1, 28))
        if on <= career.last_day:
            reason = (
                f"Tidak masuk kerja tanpa alasan yang sah selama {days} hari kerja "
                f"pada tahun {year} (PP 94/2021 Pasal 11)"
            )
            steps.append(ImposeSanction(on, level.value, kind.value, reason))
    return steps
