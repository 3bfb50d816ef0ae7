"""The kenaikan pangkat periods the demo and the generator record (policy kind
`promotion_periods`, national, by the platform admin), with their sources.

The three official versions are domain.promotion_periods.SEEDED_PERIODS (PP 99/2000 as amended by PP
12/2002; Peraturan BKN 4/2023; Peraturan BKN 4/2025). Each is recorded on the day it takes
effect, the first (in force before any generated career) on the day the units are founded,
and only those in force by the plan's "today"; the careers are planned with the same values
(`next_period_date` over SEEDED_PERIODS), so every planned TMT falls on a recorded period.
"""

from __future__ import annotations

from datetime import date

from domain.policy import NATIONAL
from domain.promotion_periods import PROMOTION_PERIODS_KIND, SEEDED_PERIODS, PromotionPeriods
from services.caller import Caller
from services.outcome import Outcome
from services.policy import PolicyApplication


def periods_in_force_by(day: date) -> tuple[PromotionPeriods, ...]:
    """The official versions already in force on `day`, oldest first."""
    return tuple(p for p in SEEDED_PERIODS if p.effective_from <= day)


def recorded_on(periods: PromotionPeriods, history_starts: date) -> date:
    """The day the admin records a version: its first day, or the start of the history."""
    return max(periods.effective_from, history_starts)


def period_events(versions: tuple[PromotionPeriods, ...]) -> int:
    """Events recording `versions` into an empty log: the register's opening, one each."""
    return 1 + len(versions) if versions else 0


def record_promotion_periods(
    policy: PolicyApplication, admin: Caller, periods: PromotionPeriods
) -> Outcome:
    """Record one official version of the periods as national policy."""
    return policy.record_values(
        admin,
        kind=PROMOTION_PERIODS_KIND,
        scope=NATIONAL,
        label=f"Periode kenaikan pangkat sejak {periods.effective_from.isoformat()}",
        effective_from=periods.effective_from,
        values=periods.values(),
        source=periods.source,
        reason="Periode kenaikan pangkat (TMT) yang berlaku nasional",
    )
