"""Kenaikan pangkat: when a PNS may rise one golongan/ruang, and on which dates.

Sources (quoted in each rule): PP 99/2000 on Kenaikan Pangkat PNS as amended by PP 12/2002;
Peraturan BKN 4/2023 and 4/2025 on the periods; PP 30/2019 for the predikat kinerja that
replaced the DP-3 "nilai baik". The periods are policy data (kind `promotion_periods`, national
scope): the rules take them as a parameter and `SEEDED_PERIODS` holds the official versions.

Readings where the texts leave room (an HR office's reading, stated so it can be argued with):
- "Dalam pangkat terakhir" counts from the TMT of the current golongan; before the first
  promotion, from the TMT of appointment as CPNS (masa kerja golongan starts there).
- "Dua tahun terakhir" are the two calendar years before the year of the TMT; a year with no
  finalised predikat in Jejak (paper records before it) is not held against the employee.
- The least years in the current pangkat for a kenaikan pangkat pilihan: struktural 4
  (PP 99/2000 Pasal 8 with Pasal 7), fungsional 2 (PP 99/2000 Pasal 8 and the JF rules before
  PermenPANRB 1/2023, which ties the JF promotion to angka kredit instead), prestasi luar
  biasa, penemuan baru and penyesuaian ijazah 1 year. The ijazah ceiling binds the reguler and
  the penyesuaian ijazah kinds only: a JF or a pejabat struktural rises with the jabatan.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

from domain.errors import (
    InvalidInput,
    PromotionAboveEducationCeiling,
    PromotionNotAllowed,
    PromotionNotOneStep,
    PromotionOutOfOrder,
    PromotionOutsidePeriod,
    PromotionPredikatInsufficient,
    PromotionTooEarly,
)
from domain.policy import InvalidPolicyValues, PolicyKind
from domain.ranks import ALL_PNS_GOLONGAN
from domain.scoring import Predikat
from domain.text import CODE, clean_text

PROMOTION_PERIODS_KIND = "promotion_periods"
_E = TypeVar("_E", bound=StrEnum)


class PromotionKind(StrEnum):
    """Reguler, or one of the pilihan kinds of PP 99/2000 Pasal 8 (which need a reason)."""

    REGULER = "REGULER"
    PILIHAN_STRUKTURAL = "PILIHAN_STRUKTURAL"
    PILIHAN_FUNGSIONAL = "PILIHAN_FUNGSIONAL"
    PILIHAN_PRESTASI_LUAR_BIASA = "PILIHAN_PRESTASI_LUAR_BIASA"
    PILIHAN_PENEMUAN_BARU = "PILIHAN_PENEMUAN_BARU"
    PILIHAN_PENYESUAIAN_IJAZAH = "PILIHAN_PENYESUAIAN_IJAZAH"

    @property
    def is_pilihan(self) -> bool:
        """A pilihan is an exception to the reguler rhythm: it is recorded with its reason."""
        return self is not PromotionKind.REGULER


# Least full years in the current pangkat per kind (see the module docstring for sources).
MIN_YEARS_IN_PANGKAT: dict[PromotionKind, int] = {
    PromotionKind.REGULER: 4,
    PromotionKind.PILIHAN_STRUKTURAL: 4,
    PromotionKind.PILIHAN_FUNGSIONAL: 2,
    PromotionKind.PILIHAN_PRESTASI_LUAR_BIASA: 1,
    PromotionKind.PILIHAN_PENEMUAN_BARU: 1,
    PromotionKind.PILIHAN_PENYESUAIAN_IJAZAH: 1,
}
_CEILING_KINDS = frozenset({PromotionKind.REGULER, PromotionKind.PILIHAN_PENYESUAIAN_IJAZAH})


class Ijazah(StrEnum):
    """The highest STTB/ijazah a PNS holds, as the reguler ceiling reads it."""

    SD = "SD"
    SMP = "SMP"
    SMA = "SMA"  # also SLTA Kejuruan
    D1 = "D1"
    D2 = "D2"
    D3 = "D3"  # also Sarjana Muda, Akademi
    D4 = "D4"
    S1 = "S1"
    S2 = "S2"  # also dokter, apoteker
    S3 = "S3"


# PP 99/2000 as amended by PP 12/2002, reguler "diberikan sampai dengan": Pengatur Muda II/a
# (STTB SD), Pengatur II/c (SLTP), Penata Muda Tk. I III/b (SLTA, D-I, D-II), Penata III/c
# (D-III, Sarjana Muda, Akademi), Penata Tk. I III/d (S-1, D-IV), Pembina IV/a (S-2, dokter,
# apoteker), Pembina Tk. I IV/b (S-3).
EDUCATION_CEILING: dict[Ijazah, str] = {
    Ijazah.SD: "II/a",
    Ijazah.SMP: "II/c",
    Ijazah.SMA: "III/b",
    Ijazah.D1: "III/b",
    Ijazah.D2: "III/b",
    Ijazah.D3: "III/c",
    Ijazah.D4: "III/d",
    Ijazah.S1: "III/d",
    Ijazah.S2: "IV/a",
    Ijazah.S3: "IV/b",
}


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
        raise InvalidInput('Promotion periods need "months": a list of months 1 to 12.')
    if any(type(m) is not int or not 1 <= m <= 12 for m in months) or len(set(months)) != len(
        months
    ):
        raise InvalidInput("Promotion period months must be distinct whole numbers 1 to 12.")
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
            f"A kenaikan pangkat takes effect on the 1st of a period month ({listed}); "
            f"{effective_on} is not one ({source})."
        )


def check_one_step(current: str, target: str) -> None:
    """PP 99/2000 Pasal 7 and 8: kenaikan pangkat is "setingkat lebih tinggi", one step."""
    steps = ALL_PNS_GOLONGAN.index(target) - ALL_PNS_GOLONGAN.index(current)
    if steps <= 0:
        raise PromotionNotAllowed(f"{target} is not above the current {current}.")
    if steps > 1:
        raise PromotionNotOneStep(
            f"A kenaikan pangkat is one step (setingkat lebih tinggi): {current} → "
            f"{ALL_PNS_GOLONGAN[ALL_PNS_GOLONGAN.index(current) + 1]}, not {target}."
        )


def check_in_order(effective_on: date, golongan_since: date) -> None:
    """A TMT after the TMT of the current golongan: the record never runs backwards."""
    if effective_on <= golongan_since:
        raise PromotionOutOfOrder(
            f"The TMT {effective_on} is not after the TMT of the current golongan "
            f"({golongan_since})."
        )


def check_years_in_pangkat(kind: PromotionKind, effective_on: date, golongan_since: date) -> None:
    """PP 99/2000 Pasal 7 huruf a: reguler "sekurang-kurangnya telah 4 tahun dalam pangkat
    terakhir"; the pilihan kinds their own least years (module docstring)."""
    years = MIN_YEARS_IN_PANGKAT[kind]
    earliest = anniversary(golongan_since, years)
    if effective_on < earliest:
        raise PromotionTooEarly(
            f"A kenaikan pangkat {kind.value.lower()} needs {years} years in the current pangkat "
            f"(since {golongan_since}): {earliest} at the earliest, not {effective_on}."
        )


def check_predikat(effective_on: date, predikat_by_year: Mapping[int, Predikat]) -> None:
    """PP 99/2000 Pasal 7 huruf b (DP-3 "bernilai baik dalam 2 tahun terakhir"), read with
    PP 30/2019: the finalised predikat kinerja of the two years before is at least BAIK."""
    good = (Predikat.SANGAT_BAIK, Predikat.BAIK)
    for year in (effective_on.year - 2, effective_on.year - 1):
        predikat = predikat_by_year.get(year)
        if predikat is not None and predikat not in good:
            raise PromotionPredikatInsufficient(
                f"A kenaikan pangkat needs a predikat kinerja of at least BAIK in the last two "
                f"years; {year} was {predikat.value}."
            )


# PP 99/2000 Pasal 18 ayat (1) as amended by PP 12/2002: the pangkat a penyesuaian ijazah
# raises a PNS to, whatever the steps between ("dapat dinaikkan pangkatnya menjadi ...").
IJAZAH_ADJUSTED_GOLONGAN: dict[Ijazah, str] = {
    Ijazah.SMP: "I/c",
    Ijazah.SMA: "II/a",
    Ijazah.D1: "II/a",
    Ijazah.D2: "II/b",
    Ijazah.D3: "II/c",
    Ijazah.D4: "III/a",
    Ijazah.S1: "III/a",
    Ijazah.S2: "III/b",
    Ijazah.S3: "III/c",
}


def check_step(current: str, target: str, kind: PromotionKind, ijazah: Ijazah | None) -> None:
    """One step (PP 99/2000 Pasal 7 and 8), except a penyesuaian ijazah (Pasal 18 ayat (1) as
    amended by PP 12/2002), which raises a PNS straight to the pangkat of the new ijazah."""
    adjusted = IJAZAH_ADJUSTED_GOLONGAN.get(ijazah) if ijazah is not None else None
    if kind is PromotionKind.PILIHAN_PENYESUAIAN_IJAZAH and target == adjusted:
        if ALL_PNS_GOLONGAN.index(target) <= ALL_PNS_GOLONGAN.index(current):
            raise PromotionNotAllowed(f"{target} is not above the current {current}.")
        return
    check_one_step(current, target)


def check_education_ceiling(kind: PromotionKind, target: str, ijazah: Ijazah | None) -> None:
    """PP 99/2000 as amended by PP 12/2002: reguler "diberikan sampai dengan" the golongan of
    the ijazah (EDUCATION_CEILING). Without a stated ijazah the ceiling cannot be judged."""
    if ijazah is None or kind not in _CEILING_KINDS:
        return
    ceiling = EDUCATION_CEILING[ijazah]
    if ALL_PNS_GOLONGAN.index(target) > ALL_PNS_GOLONGAN.index(ceiling):
        raise PromotionAboveEducationCeiling(
            f"With ijazah {ijazah.value} a kenaikan pangkat {kind.value.lower()} goes up to "
            f"{ceiling}, not {target}."
        )


@dataclass(frozen=True)
class PromotionHistory:
    """What the application knows beyond the employee: finalised predikat and the periods."""

    predikat_by_year: Mapping[int, Predikat] = field(default_factory=dict)
    periods: PromotionPeriods | None = None  # in force on the TMT; None: the seeded ones


@dataclass(frozen=True)
class PromotionCase:
    """Everything the rules judge: the step, its dates, its kind and the employee's history."""

    current: str
    target: str
    effective_on: date
    golongan_since: date
    kind: PromotionKind = PromotionKind.REGULER
    ijazah: Ijazah | None = None
    history: PromotionHistory | None = None


def check_promotion_rules(case: PromotionCase) -> None:
    """Every kenaikan pangkat rule in turn; the first broken one refuses with its code."""
    history = case.history or PromotionHistory()
    periods = history.periods or seeded_periods_on(case.effective_on)
    check_step(case.current, case.target, case.kind, case.ijazah)
    check_in_order(case.effective_on, case.golongan_since)
    check_in_period(case.effective_on, periods.months, periods.source)
    check_years_in_pangkat(case.kind, case.effective_on, case.golongan_since)
    check_education_ceiling(case.kind, case.target, case.ijazah)
    check_predikat(case.effective_on, history.predikat_by_year)


def parse_promotion_kind(raw: str | None) -> PromotionKind:
    """Parse a promotion kind (REGULER when none is given), case-insensitively."""
    if raw is None or not raw.strip():
        return PromotionKind.REGULER
    return _parse(PromotionKind, raw, "promotion kind")


def parse_ijazah(raw: str | None) -> Ijazah | None:
    """Parse an ijazah level (SD … S3), or None when none is given."""
    if raw is None or not raw.strip():
        return None
    return _parse(Ijazah, raw, "ijazah")


def anniversary(start: date, years: int) -> date:
    """The day `years` full years after `start` (29 February → 1 March)."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return date(start.year + years, 3, 1)


def _month_after(on: date) -> date:
    return date(on.year + on.month // 12, on.month % 12 + 1, 1)


def _parse(enum: type[_E], raw: str, what: str) -> _E:
    raw = clean_text(raw, f"The {what}", CODE, min_length=0)
    try:
        return enum(raw.strip().upper().replace("-", "_").replace(" ", "_"))
    except ValueError:
        allowed = ", ".join(m.value for m in enum)
        raise InvalidInput(f"Unknown {what} {raw!r}; use one of {allowed}.") from None


def validate_periods(values: Mapping[str, Any]) -> dict[str, Any]:
    """Policy values of kind `promotion_periods`: {"months": [distinct months 1–12]}."""
    try:
        months = parse_period_months(values)
    except InvalidInput as problem:
        raise InvalidPolicyValues(problem.message) from None
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
