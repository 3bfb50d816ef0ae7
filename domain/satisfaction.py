"""The public's satisfaction with a unit's service: SKM answers and the unit's IKM.

Source: PermenPANRB 14/2017, Pedoman Penyusunan Survei Kepuasan Masyarakat Unit Penyelenggara
Pelayanan Publik. Pasal 1(1): every provider runs the SKM "secara berkala minimal 1 (satu) kali
setahun"; the Lampiran lets a survey run per triwulan, semester or year. Lampiran, unsur
survei: nine elements (U1–U9, below), each answered on a scale of 1 (tidak sesuai) to 4 (sangat
sesuai). Lampiran, pengolahan data: the NRR of an element is the total of its answers divided
by the number of completed questionnaires; each weighs 1/9 ("bobot nilai rata-rata
tertimbang = jumlah bobot / jumlah unsur = 1/9 = 0,111"); IKM = Σ NRR × bobot (1–4) and the
index shown is IKM × 25 (25–100), classed by the table of mutu pelayanan.

Ambiguity, and the reading chosen (searched again: no copy of the Lampiran found that settles
it): the Lampiran writes the weight as 0,111, which is 1/9
rounded; with 0,111 a perfect survey scores 3,996 × 25 = 99,9, not the table's 100. The exact
1/9 is used, so IKM is the mean of the NRRs and a perfect survey is 100,00. The index is
rounded half up to two decimals before it is classed, as the table's bounds have two.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from domain.errors import N_, InvalidInput

ELEMENTS: tuple[tuple[str, str], ...] = (
    ("U1", "Persyaratan"),
    ("U2", "Sistem, Mekanisme, dan Prosedur"),
    ("U3", "Waktu Penyelesaian"),
    ("U4", "Biaya/Tarif"),
    ("U5", "Produk Spesifikasi Jenis Pelayanan"),
    ("U6", "Kompetensi Pelaksana"),
    ("U7", "Perilaku Pelaksana"),
    ("U8", "Penanganan Pengaduan, Saran dan Masukan"),
    ("U9", "Sarana dan Prasarana"),
)
SCALE = (1, 2, 3, 4)  # tidak sesuai, kurang sesuai, sesuai, sangat sesuai
WEIGHT = Fraction(1, len(ELEMENTS))  # the Lampiran's 0,111
CONVERSION = 25  # IKM × 25: the 25–100 index
MAX_RESPONSES = 1000  # answers in one recording (a day's intake or a tabulated batch)

# Lampiran, "nilai persepsi, interval IKM, interval konversi IKM, mutu pelayanan dan kinerja
# unit pelayanan": the lowest converted index of each mutu, best first.
MUTU: tuple[tuple[Decimal, str, str], ...] = (
    (Decimal("88.31"), "A", "Sangat Baik"),
    (Decimal("76.61"), "B", "Baik"),
    (Decimal("65.00"), "C", "Kurang Baik"),
    (Decimal("25.00"), "D", "Tidak Baik"),
)

Tally = tuple[tuple[int, ...], ...]  # per element U1–U9, how many answered 1, 2, 3 and 4


def check_response(scores: Sequence[int]) -> tuple[int, ...]:
    """One respondent's questionnaire: nine answers, U1 to U9, each 1–4 (Lampiran, unsur)."""
    if len(scores) != len(ELEMENTS):
        raise InvalidInput(
            N_("An SKM response answers the {count} elements U1–U9."), count=len(ELEMENTS)
        )
    if any(isinstance(s, bool) or s not in SCALE for s in scores):
        raise InvalidInput(N_("Each SKM answer is 1, 2, 3 or 4."))
    return tuple(scores)


def tally_responses(responses: Sequence[Sequence[int]]) -> Tally:
    """The count of each answer per element: all a survey keeps (no respondent is kept)."""
    if not 1 <= len(responses) <= MAX_RESPONSES:
        raise InvalidInput(
            N_("Record between 1 and {max_responses} SKM responses at a time."),
            max_responses=MAX_RESPONSES,
        )
    counts = [[0] * len(SCALE) for _ in ELEMENTS]
    for response in responses:
        for element, score in enumerate(check_response(response)):
            counts[element][score - 1] += 1
    return tuple(tuple(row) for row in counts)


def check_tally(tally: Sequence[Sequence[int]], respondents: int) -> Tally:
    """A tabulated survey: nine rows of four counts, each row summing to the respondents."""
    rows = tuple(tuple(row) for row in tally)
    if respondents < 1 or len(rows) != len(ELEMENTS):
        raise InvalidInput(N_("A tally has nine elements and at least one respondent."))
    for row in rows:
        if len(row) != len(SCALE) or any(c < 0 for c in row) or sum(row) != respondents:
            raise InvalidInput(N_("Each element's four counts sum to the number of respondents."))
    return rows


def add_tallies(tallies: Sequence[Tally]) -> Tally:
    """Several recordings (days, quarters) of one unit as one survey."""
    return tuple(
        tuple(sum(t[e][s] for t in tallies) for s in range(len(SCALE)))
        for e in range(len(ELEMENTS))
    )


@dataclass(frozen=True)
class ElementScore:
    code: str
    name: str
    nrr: Fraction  # the element's mean answer, 1–4

    @property
    def weighted(self) -> Fraction:
        return self.nrr * WEIGHT


@dataclass(frozen=True)
class Ikm:
    """A unit's IKM: per element NRR, the 1–4 value, the 25–100 index and its mutu."""

    respondents: int
    elements: tuple[ElementScore, ...]
    value: Fraction  # Σ NRR × 1/9, 1–4
    index: Decimal  # value × 25, two decimals, 25–100
    mutu: str  # A–D
    kinerja: str  # Sangat Baik, Baik, Kurang Baik, Tidak Baik


def element_nrr(counts: Sequence[int]) -> Fraction:
    """Lampiran: NRR per unsur = jumlah nilai per unsur / jumlah kuesioner yang terisi."""
    total = sum(counts)
    if total < 1:
        raise InvalidInput(N_("An element without answers has no NRR."))
    return Fraction(sum(score * n for score, n in zip(SCALE, counts, strict=True)), total)


def mutu_of(index: Decimal) -> tuple[str, str]:
    """The mutu pelayanan and kinerja unit of a 25–100 index (Lampiran, interval konversi)."""
    for lowest, grade, kinerja in MUTU:
        if index >= lowest:
            return grade, kinerja
    raise InvalidInput(N_("An IKM index lies between 25 and 100, not {index}."), index=index)


def round2(value: Fraction) -> Decimal:
    """Half up to two decimals, as the conversion table's bounds are written."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def compute_ikm(tally: Tally) -> Ikm:
    """IKM = Σ (NRR × 1/9); index = IKM × 25; mutu from the index (PermenPANRB 14/2017)."""
    elements = tuple(
        ElementScore(code, name, element_nrr(tally[i])) for i, (code, name) in enumerate(ELEMENTS)
    )
    value = sum((e.weighted for e in elements), Fraction(0))
    index = round2(value * CONVERSION)
    grade, kinerja = mutu_of(index)
    return Ikm(sum(tally[0]), elements, value, index, grade, kinerja)


# --- survey periods ---------------------------------------------------------------------------
_PERIOD = re.compile(r"^(\d{4})(?:-(S[12]|Q[1-4]))?$")


@dataclass(frozen=True)
class SurveyPeriod:
    """A year ("2024"), a semester ("2024-S1") or a triwulan ("2024-Q3"): the Lampiran's
    periods of a survey; a longer one includes the recordings of the shorter ones in it."""

    year: int
    first_month: int
    last_month: int

    @property
    def label(self) -> str:
        span = self.last_month - self.first_month + 1
        if span == 12:
            return str(self.year)
        if span == 6:
            return f"{self.year}-S{self.last_month // 6}"
        return f"{self.year}-Q{self.last_month // 3}"

    def covers(self, other: SurveyPeriod) -> bool:
        """Whether a recording of `other` counts in this period's IKM."""
        return (
            self.year == other.year
            and self.first_month <= other.first_month
            and other.last_month <= self.last_month
        )


def parse_period(text: str) -> SurveyPeriod:
    """`YYYY`, `YYYY-S1|S2` or `YYYY-Q1…Q4`, a year from 2000 to 2100."""
    match = _PERIOD.match(text.strip())
    if match is None or not 2000 <= int(match.group(1)) <= 2100:
        raise InvalidInput(
            N_("A survey period is YYYY, YYYY-S1/S2 or YYYY-Q1…Q4, not {text!r}."), text=text
        )
    year, part = int(match.group(1)), match.group(2)
    if part is None:
        return SurveyPeriod(year, 1, 12)
    size = 6 if part[0] == "S" else 3
    last = int(part[1]) * size
    return SurveyPeriod(year, last - size + 1, last)
