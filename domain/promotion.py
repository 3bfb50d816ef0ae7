"""Kenaikan pangkat: when a PNS may rise one golongan/ruang, and on which dates.

Sources (quoted in each rule): PP 99/2000 on Kenaikan Pangkat PNS as amended by PP 12/2002;
Peraturan BKN 4/2023 and 4/2025 on the periods; PP 30/2019 for the predikat kinerja that
replaced the DP-3 "nilai baik". The periods are policy data (kind `promotion_periods`, national
scope, domain/promotion_periods.py): the rules take them as a parameter, the service reads them
from the policy register, and the rules fall back to the seeded official versions only for a
log that has none recorded (`check_promotion_rules` without `history.periods`).

Readings where the texts leave room (an HR office's reading, stated so it can be argued with):
- "Dalam pangkat terakhir" counts from the TMT of the current golongan; before the first
  promotion, from the TMT of appointment as CPNS (masa kerja golongan starts there).
- "Dua tahun terakhir" are the two calendar years before the year of the TMT (as Kementerian
  ATR/BPN asked SKP 2021 and 2022 for the TMT 1 April 2023: id.scribd.com/document/628898188);
  a year with no finalised predikat in Jejak (paper records before it) is not held against the
  employee.
- The least years in the current pangkat for a kenaikan pangkat pilihan: struktural 4
  (PP 99/2000 Pasal 8 with Pasal 7), fungsional 2 (PP 99/2000 Pasal 8 and the JF rules before
  PermenPANRB 1/2023, which ties the JF promotion to angka kredit instead), prestasi luar
  biasa, penemuan baru and penyesuaian ijazah 1 year. The ijazah ceiling binds the reguler and
  the penyesuaian ijazah kinds only: a JF or a pejabat struktural rises with the jabatan.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from domain.career_errors import (
    PromotionAboveEducationCeiling,
    PromotionNotOneStep,
    PromotionOutOfOrder,
    PromotionPredikatInsufficient,
    PromotionTooEarly,
)
from domain.errors import (
    N_,
    PromotionNotAllowed,
)
from domain.promotion_periods import PromotionPeriods, check_in_period, seeded_periods_on
from domain.ranks import ALL_PNS_GOLONGAN
from domain.scoring import Predikat
from domain.text import parse_choice


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


def check_one_step(current: str, target: str) -> None:
    """PP 99/2000 Pasal 7 and 8: kenaikan pangkat is "setingkat lebih tinggi", one step."""
    steps = ALL_PNS_GOLONGAN.index(target) - ALL_PNS_GOLONGAN.index(current)
    if steps <= 0:
        raise PromotionNotAllowed(
            N_("{target} is not above the current {current}."), target=target, current=current
        )
    if steps > 1:
        raise PromotionNotOneStep(
            N_(
                "A kenaikan pangkat is one step (setingkat lebih tinggi): {current} → "
                "{next}, not {target}."
            ),
            current=current,
            next=ALL_PNS_GOLONGAN[ALL_PNS_GOLONGAN.index(current) + 1],
            target=target,
        )


def check_in_order(effective_on: date, golongan_since: date) -> None:
    """A TMT after the TMT of the current golongan: the record never runs backwards."""
    if effective_on <= golongan_since:
        raise PromotionOutOfOrder(
            N_("The TMT {effective_on} is not after the TMT of the current golongan ({since})."),
            effective_on=effective_on,
            since=golongan_since,
        )


def check_years_in_pangkat(kind: PromotionKind, effective_on: date, golongan_since: date) -> None:
    """PP 99/2000 Pasal 7 huruf a: reguler "sekurang-kurangnya telah 4 tahun dalam pangkat
    terakhir"; the pilihan kinds their own least years (module docstring)."""
    years = MIN_YEARS_IN_PANGKAT[kind]
    earliest = anniversary(golongan_since, years)
    if effective_on < earliest:
        raise PromotionTooEarly(
            N_(
                "A kenaikan pangkat {kind} needs {years} years in the current pangkat "
                "(since {since}): {earliest} at the earliest, not {effective_on}."
            ),
            kind=kind.value.lower(),
            years=years,
            since=golongan_since,
            earliest=earliest,
            effective_on=effective_on,
        )


def check_predikat(effective_on: date, predikat_by_year: Mapping[int, Predikat]) -> None:
    """PP 99/2000 Pasal 7 huruf b (DP-3 "bernilai baik dalam 2 tahun terakhir"), read with
    PP 30/2019: the finalised predikat kinerja of the two years before is at least BAIK."""
    good = (Predikat.SANGAT_BAIK, Predikat.BAIK)
    for year in (effective_on.year - 2, effective_on.year - 1):
        predikat = predikat_by_year.get(year)
        if predikat is not None and predikat not in good:
            raise PromotionPredikatInsufficient(
                N_(
                    "A kenaikan pangkat needs a predikat kinerja of at least BAIK in the last "
                    "two years; {year} was {predikat}."
                ),
                year=year,
                predikat=predikat.value,
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
            raise PromotionNotAllowed(
                N_("{target} is not above the current {current}."), target=target, current=current
            )
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
            N_(
                "With ijazah {ijazah} a kenaikan pangkat {kind} goes up to {ceiling}, not {target}."
            ),
            ijazah=ijazah.value,
            kind=kind.value.lower(),
            ceiling=ceiling,
            target=target,
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
    return parse_choice(PromotionKind, raw, N_("promotion kind"))


def parse_ijazah(raw: str | None) -> Ijazah | None:
    """Parse an ijazah level (SD … S3), or None when none is given."""
    if raw is None or not raw.strip():
        return None
    return parse_choice(Ijazah, raw, N_("ijazah"))


def anniversary(start: date, years: int) -> date:
    """The day `years` full years after `start` (29 February → 1 March)."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return date(start.year + years, 3, 1)
