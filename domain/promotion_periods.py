"""Kenaikan pangkat periods: the days of the year a promotion may take effect (TMT).

PP 99/2000 Pasal 3 as amended by PP 12/2002 (1 April and 1 October), Peraturan BKN 4/2023
Pasal 2 (every second month from 2024) and Peraturan BKN 4/2025 (every month from 1 October
2025). The periods are policy data (kind `promotion_periods`, national, set by the platform
admin): the rule takes them as a parameter, the service reads the version in force from the
policy register, and `SEEDED_PERIODS` holds the official versions, which the demo and the
generator record there (scripts/datagen/promotion_periods.py). The rule falls back to them
only for a log that has none recorded.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from domain.career_errors import (
    PromotionOutsidePeriod,
)
from domain.errors import (
    N_,
    InvalidInput,
)
from domain.policy import InvalidPolicyValues, PolicyKind

PROMOTION_PERIODS_KIND = "promotion_periods"


@dataclass(frozen=True)
class PromotionPeriods:
    """The days of the year a kenaikan pangkat may take effect: the 1st of these months."""

    effective_from: date
    months: tuple[int, ...]
    source: str

    def values(self) -> dict[str, list[int]]:
        """As policy values of kind `promotion_periods`: {"months": [...]}."""
        return {"months": list(self.months)}


SEEDED_PERIODS: tuple[PromotionPeriods, ...] = (
    PromotionPeriods(
        date(1900, 1, 1),
        (4, 10),
        "PP 99/2000 Pasal 3 (as amended by PP 12/2002): 1 April dan 1 Oktober setiap tahun "
        "(applied to earlier TMTs too)",
    ),
    PromotionPeriods(
        date(2024, 1, 1),
        (2, 4, 6, 8, 10, 12),
        "Peraturan BKN 4/2023 Pasal 2: 1 Februari, 1 April, 1 Juni, 1 Agustus, 1 Oktober dan "
        "1 Desember setiap tahun, kecuali kenaikan pangkat anumerta dan pengabdian",
    ),
    PromotionPeriods(
        date(2025, 10, 1),
        tuple(range(1, 13)),
        "Peraturan BKN 4/2025 (mencabut Peraturan BKN 4/2023): mulai 1 Oktober 2025 setiap "
        "tanggal 1 setiap bulan",
    ),
)


def parse_period_months(values: Mapping[str, object]) -> tuple[int, ...]:
    """Validate `promotion_periods` policy values: {"months": distinct months 1–12}."""
    months = values.get("months")
    if not isinstance(months, list) or not months:
        raise InvalidInput(N_('Promotion periods need "months": a list of months 1 to 12.'))
    if any(type(m) is not int or not 1 <= m <= 12 for m in months) or len(set(months)) != len(
        months
    ):
        raise InvalidInput(N_("Promotion period months must be distinct whole numbers 1 to 12."))
    return tuple(sorted(months))


def seeded_periods_on(on: date) -> PromotionPeriods:
    """The seeded periods in force on a date (the latest version effective on or before it)."""
    return max(
        (p for p in SEEDED_PERIODS if p.effective_from <= on), key=lambda p: p.effective_from
    )


def is_period_date(on: date, months: Sequence[int]) -> bool:
    """Whether a TMT falls on a promotion period: the 1st of one of the months in force."""
    return on.day == 1 and on.month in months


def next_period_date(on: date, periods: Sequence[PromotionPeriods] = SEEDED_PERIODS) -> date:
    """The first period date on or after `on`, under the periods in force on each candidate."""
    candidate = date(on.year, on.month, 1)
    if candidate < on:
        candidate = _month_after(candidate)
    while True:
        in_force = max(
            (p for p in periods if p.effective_from <= candidate), key=lambda p: p.effective_from
        )
        if candidate.month in in_force.months:
            return candidate
        candidate = _month_after(candidate)


def check_in_period(effective_on: date, months: Sequence[int], source: str) -> None:
    """Peraturan BKN 4/2023 Pasal 2 (now 4/2025): the TMT is the 1st of a period month."""
    if not is_period_date(effective_on, months):
        listed = ", ".join(str(m) for m in months)
        raise PromotionOutsidePeriod(
            N_(
                "A kenaikan pangkat takes effect on the 1st of a period month ({months}); "
                "{effective_on} is not one ({source})."
            ),
            months=listed,
            effective_on=effective_on,
            source=source,
        )


def validate_periods(values: Mapping[str, Any]) -> dict[str, Any]:
    """Policy values of kind `promotion_periods`: {"months": [distinct months 1–12]}."""
    try:
        months = parse_period_months(values)
    except InvalidInput as problem:
        raise InvalidPolicyValues(problem.template, **problem.params) from None
    return {"months": list(months)}


PROMOTION_PERIODS = PolicyKind(
    PROMOTION_PERIODS_KIND,
    validate_periods,
    tenant_may_set=False,
    description="Kenaikan pangkat periods: the months whose 1st a TMT may fall on (national).",
)


def periods_from_policy(
    effective_from: date, values: Mapping[str, Any], source: str
) -> PromotionPeriods:
    """The periods of a recorded policy version."""
    return PromotionPeriods(effective_from, parse_period_months(values), source)


def _month_after(on: date) -> date:
    return date(on.year + on.month // 12, on.month % 12 + 1, 1)
