"""Batas usia pensiun (BUP): the age at which a PNS leaves service, and when the pension starts.

PP 11/2017 Pasal 239 as amended by PP 17/2020: "(1) PNS yang telah mencapai Batas Usia
Pensiun diberhentikan dengan hormat sebagai PNS. (2) Batas Usia Pensiun ... yaitu: a. 58 tahun
bagi pejabat administrasi, pejabat fungsional ahli muda, pejabat fungsional ahli pertama, dan
pejabat fungsional keterampilan; b. 60 tahun bagi pejabat pimpinan tinggi dan pejabat
fungsional madya; dan c. 65 tahun bagi PNS yang memangku pejabat fungsional ahli utama."
Pasal 240: a JF whose BUP a Undang-Undang sets follows that law: guru 60 (UU 14/2005
Pasal 40 ayat (4)). UU 20/2023 keeps the BUP per jabatan (Pasal 55: 58 administrasi, 60 JPT,
fungsional per the regulations).

Readings: pejabat administrasi are administrator, pengawas and pelaksana; "pejabat pimpinan
tinggi" covers JPT Utama, Madya and Pratama alike (UU 5/2014 Pasal 19 names all three as JPT
and BKN's letter K.26-30/V.7-3/99 of 17 January 2014 gives 60 to "Pejabat Pimpinan Tinggi"
without distinction: slideshare.net/abdul300483/batas-usia-pensiun-pns). A guru is recognised
by a jabatan fungsional whose title starts with "Guru". The pension takes effect (TMT pensiun)
on the first day of the month after the birthday on which the BUP is reached (PP 11/2017 Pasal
355, BKN practice).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from domain.career_errors import (
    RetirementBeforeBup,
)
from domain.errors import (
    N_,
)
from domain.jabatan import JabatanKind, JenjangFungsional

_JPT = frozenset({JabatanKind.JPT_UTAMA, JabatanKind.JPT_MADYA, JabatanKind.JPT_PRATAMA})
# Pasal 240: jabatan fungsional whose BUP an Undang-Undang sets, by the title's first word.
BUP_BY_LAW: dict[str, tuple[int, str]] = {"guru": (60, "UU 14/2005 Pasal 40 ayat (4)")}


def batas_usia_pensiun(
    kind: JabatanKind, jenjang: JenjangFungsional | None, title: str = ""
) -> int:
    """PP 11/2017 Pasal 239 ayat (2) (and Pasal 240 for a JF set by law): the BUP in years."""
    if kind in _JPT:
        return 60
    if kind is JabatanKind.FUNGSIONAL:
        first_word = title.strip().split(" ", 1)[0].lower() if title.strip() else ""
        by_law = BUP_BY_LAW.get(first_word)
        if jenjang is JenjangFungsional.AHLI_UTAMA:
            return 65
        if jenjang is JenjangFungsional.AHLI_MADYA:
            return max(60, by_law[0] if by_law else 0)
        if by_law is not None:
            return by_law[0]
    return 58


def pension_date(birth_date: date, age: int) -> date:
    """TMT pensiun: the first day of the month after the birthday of reaching `age`."""
    year, month = birth_date.year + age, birth_date.month + 1
    if month == 13:
        year, month = year + 1, 1
    return date(year, month, 1)


def check_retirement_at_bup(
    birth_date: date, kind: JabatanKind, jenjang: JenjangFungsional | None, title: str, on: date
) -> None:
    """Pasal 239 ayat (1): a pensiun BUP takes effect no earlier than the BUP's pension date."""
    age = batas_usia_pensiun(kind, jenjang, title)
    earliest = pension_date(birth_date, age)
    if on < earliest:
        raise RetirementBeforeBup(
            N_(
                "Pensiun BUP at {age} (born {birth_date}) takes effect on {earliest} at the "
                "earliest, not {on}; an earlier end is a resignation or another separation."
            ),
            age=age,
            birth_date=birth_date,
            earliest=earliest,
            on=on,
        )


@dataclass(frozen=True)
class InService:
    """What the BUP list needs of an active employee."""

    nip: str
    birth_date: date
    kind: JabatanKind
    jenjang: JenjangFungsional | None
    title: str


@dataclass(frozen=True)
class Retiring:
    """An employee reaching BUP by a date: the age and the TMT pensiun."""

    nip: str
    bup: int
    pension_on: date


def retiring_by(employees: Iterable[InService], by: date) -> list[Retiring]:
    """Who reaches BUP with a TMT pensiun on or before `by`, soonest first (for HR's planning)."""
    found = []
    for e in employees:
        bup = batas_usia_pensiun(e.kind, e.jenjang, e.title)
        on = pension_date(e.birth_date, bup)
        if on <= by:
            found.append(Retiring(e.nip, bup, on))
    return sorted(found, key=lambda r: (r.pension_on, r.nip))
