"""The awards planner: Satyalancana Karya Satya for 10, 20 and 30 years, and instansi awards.

The Satyalancana is conferred by Keputusan Presiden, usually on 17 August, on a PNS whose
service has reached the years it honours (the domain checks the same service rule).
"""

from __future__ import annotations

import random
from datetime import date

from domain.awards import AwardKind
from scripts.datagen.careers import Career
from scripts.datagen.steps import RecordAward, Step

SATYALANCANA = (
    (10, AwardKind.SATYALANCANA_KARYA_SATYA_10, "X"),
    (20, AwardKind.SATYALANCANA_KARYA_SATYA_20, "XX"),
    (30, AwardKind.SATYALANCANA_KARYA_SATYA_30, "XXX"),
)
CONFERRED, LATE = 0.9, 0.3  # share of eligible PNS awarded, and of those a year late
BEST_EMPLOYEE_PER_YEAR = 0.004


def plan_awards(career: Career, rng: random.Random) -> list[Step]:
    """The employee's awards while in service."""
    steps: list[Step] = []
    if career.pns_on is not None:
        for years, kind, numeral in SATYALANCANA:
            eligible = _anniversary(career.service_start, years)
            on = date(eligible.year, 8, 17)
            if on < eligible or rng.random() < LATE:
                on = date(on.year + 1, 8, 17)
            if on <= career.last_day and rng.random() < CONFERRED:
                title = f"Satyalancana Karya Satya {numeral} Tahun"
                reason = f"Keputusan Presiden Nomor {rng.randint(10, 99)}/TK/Tahun {on.year}"
                steps.append(RecordAward(on, kind.value, title, reason))
    region = career.region
    for year in range(career.appointed_on.year + 1, career.last_day.year + 1):
        on = date(year, 12, rng.randint(1, 20))
        if rng.random() < BEST_EMPLOYEE_PER_YEAR and on <= career.last_day:
            title = f"ASN Berprestasi {region.kind.value.title()} {region.name} Tahun {year}"
            reason = f"Penilaian kinerja dan perilaku kerja terbaik tahun {year}"
            steps.append(RecordAward(on, AwardKind.PENGHARGAAN_INSTANSI.value, title, reason))
    return steps


def _anniversary(start: date, years: int) -> date:
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # 29 February
        return date(start.year + years, 3, 1)
