"""The 9-box of talent management (PermenPANRB 3/2020, §7): kinerja × potensial.

The box numbers and recommendations are those 5+ implementations share [M–H]; other layouts
exist (Kemenkeu; a 4/7/9 – 2/5/8 – 1/3/6 layout, also in a KemenPANRB deck: A. Yudi
Wicaksono, "Transformasi Manajemen Talenta Berbasis Kinerja", id.scribd.com/document/596538753),
so the table is data
here, under `TALENT_RULES_VERSION`, and a change is a new version, never an edit in place.
The kinerja axis comes from the annual predikat as implementations map it [M]: Sangat Baik →
di atas, Baik → sesuai, the other three → di bawah (searched again: no regulation text found
that states the mapping, so it stays a reading).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from domain.scoring import Predikat, Rating

TALENT_RULES_VERSION = "permenpanrb-3-2020@1"


class Potensial(StrEnum):
    """The result of a potential assessment."""

    RENDAH = "RENDAH"
    MENENGAH = "MENENGAH"
    TINGGI = "TINGGI"


KINERJA_AXIS: dict[Predikat, Rating] = {
    Predikat.SANGAT_BAIK: Rating.DI_ATAS,
    Predikat.BAIK: Rating.SESUAI,
    Predikat.BUTUH_PERBAIKAN: Rating.DI_BAWAH,
    Predikat.KURANG: Rating.DI_BAWAH,
    Predikat.SANGAT_KURANG: Rating.DI_BAWAH,
}

_BOXES: dict[tuple[Potensial, Rating], int] = {
    (Potensial.TINGGI, Rating.DI_BAWAH): 6,
    (Potensial.TINGGI, Rating.SESUAI): 8,
    (Potensial.TINGGI, Rating.DI_ATAS): 9,
    (Potensial.MENENGAH, Rating.DI_BAWAH): 3,
    (Potensial.MENENGAH, Rating.SESUAI): 5,
    (Potensial.MENENGAH, Rating.DI_ATAS): 7,
    (Potensial.RENDAH, Rating.DI_BAWAH): 1,
    (Potensial.RENDAH, Rating.SESUAI): 2,
    (Potensial.RENDAH, Rating.DI_ATAS): 4,
}

RECOMMENDATIONS: dict[int, str] = {
    9: "Promote and retain; enter the Kelompok Rencana Suksesi (instansi/national); award",
    8: "Retain; enter the Kelompok Rencana Suksesi (instansi); rotation / job enlargement "
    "(perluasan jabatan); bimbingan kinerja",
    7: "Retain; enter the Kelompok Rencana Suksesi (instansi); rotation / job enrichment "
    "(pengayaan jabatan); competency development; tugas belajar",
    6: "Suitable placement; bimbingan kinerja; konseling kinerja",
    5: "Suitable placement; bimbingan kinerja; competency development",
    4: "Rotation; competency development",
    3: "Bimbingan kinerja; konseling kinerja; competency development; suitable placement",
    2: "Bimbingan kinerja; competency development; suitable placement",
    1: "Processed under the applicable rules "
    "(diproses sesuai ketentuan peraturan perundang-undangan)",
}

TALENT_POOL = frozenset({7, 8, 9})  # the kelompok rencana suksesi


@dataclass(frozen=True)
class TalentBox:
    """Where an employee sits on the 9-box, and what follows from it."""

    box: int
    kinerja: Rating
    potensial: Potensial
    recommendation: str
    in_talent_pool: bool
    rules_version: str = TALENT_RULES_VERSION


def kinerja_axis(predikat: Predikat) -> Rating:
    """The kinerja axis of the 9-box for an annual predikat."""
    return KINERJA_AXIS[predikat]


def talent_box(predikat: Predikat, potensial: Potensial) -> TalentBox:
    """The 9-box cell for an annual predikat and a potential assessment."""
    kinerja = kinerja_axis(predikat)
    box = _BOXES[(potensial, kinerja)]
    return TalentBox(box, kinerja, potensial, RECOMMENDATIONS[box], box in TALENT_POOL)
