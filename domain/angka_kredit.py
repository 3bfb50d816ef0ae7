"""Angka kredit of a jabatan fungsional from the predikat kinerja (PermenPANRB 1/2023).

Sources. PermenPANRB 1/2023 (Jabatan Fungsional) replaced the DUPAK butir kegiatan with the
conversion of the annual predikat kinerja: AK = persentase predikat × koefisien AK tahunan of
the jenjang; Peraturan BKN 3/2023 (Angka Kredit, Kenaikan Pangkat dan Jenjang JF) sets how it is
counted, and BKN's Direktorat Jabatan ASN teaches it with the worked example "Sangat Baik, Ahli
Pertama: 150% × 12,5 = 18,75" and the periodic one "2/12 × 100% × 12,5 = 2,08" (sosialisasi
Peraturan BKN 3/2023, July 2023: id.scribd.com/presentation/694983391 and /document/667706939),
which is where the persentase (150/100/75/50/25) and the Ahli Pertama koefisien were checked;
BPK's wartapemeriksa (as quoted by driversimple.net) gives the same 12,5 and the 150% ceiling.
The other seven koefisien (Ahli Muda 25, Madya 37,5, Utama 50; Pemula 3,75, Terampil 5, Mahir
12,5, Penyelia 25) are the PermenPANRB 1/2023 Lampiran values as the issue and asn-rules.md
§1.9 state them: searched again (December 2026) and still not found in a copy of the Lampiran
that could be cited, so they stay unverified and unchanged. The AK kumulatif needed, checked
against BKN's Direktorat Jabatan ASN decks "Penyesuaian Angka Kredit Konvensional ke Integrasi"
(2023, id.scribd.com/document/712964724, table "Perbandingan Kebutuhan AKK", column
Integrasi/Konversi) and "Kebijakan Teknis Peraturan BKN 3/2023" (slideshare, "AK kebutuhan
kenaikan pangkat/jabatan model konversi"): per kenaikan pangkat within a jenjang Pemula 15,
Terampil 20, Mahir 50, Penyelia 100, Ahli Pertama 50, Ahli Muda 100, Ahli Madya 150, Ahli Utama
200; per kenaikan jenjang Pemula 15, Terampil 60, Mahir 100, Ahli Pertama 100, Ahli Muda 200,
Ahli Madya 450 (the stored extract of the first deck prints the Terampil and Mahir labels
against each other's golongan; the values follow the golongan, II/b–II/d and III/a–III/b).

Readings (an HR office's, stated so they can be argued with): the AK count starts at the TMT of
the current jenjang (a kenaikan jenjang starts from zero, as the integrasi method does) and
within a jenjang the pangkat thresholds are cumulative (Ahli Madya: IV/b at 150, IV/c at 300,
Ahli Utama at 450); a year begun in the jenjang counts its months from the TMT month; only the
years Jejak holds a finalised predikat for count (AK from before, e.g. a PAK konversi, is not
known here).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from domain.jabatan import JENJANG_GOLONGAN, JenjangFungsional
from domain.ranks import ALL_PNS_GOLONGAN
from domain.scoring import Predikat

J = JenjangFungsional
KOEFISIEN: dict[JenjangFungsional, Decimal] = {
    J.AHLI_PERTAMA: Decimal("12.5"),
    J.AHLI_MUDA: Decimal("25"),
    J.AHLI_MADYA: Decimal("37.5"),
    J.AHLI_UTAMA: Decimal("50"),
    J.PEMULA: Decimal("3.75"),
    J.TERAMPIL: Decimal("5"),
    J.MAHIR: Decimal("12.5"),
    J.PENYELIA: Decimal("25"),
}
PERSENTASE: dict[Predikat, int] = {
    Predikat.SANGAT_BAIK: 150,
    Predikat.BAIK: 100,
    Predikat.BUTUH_PERBAIKAN: 75,
    Predikat.KURANG: 50,
    Predikat.SANGAT_KURANG: 25,
}
# AK kumulatif for one kenaikan pangkat within the jenjang, and for the kenaikan jenjang.
PER_PANGKAT: dict[JenjangFungsional, int] = {
    J.PEMULA: 15, J.TERAMPIL: 20, J.MAHIR: 50, J.PENYELIA: 100,
    J.AHLI_PERTAMA: 50, J.AHLI_MUDA: 100, J.AHLI_MADYA: 150, J.AHLI_UTAMA: 200,
}  # fmt: skip
PER_JENJANG: dict[JenjangFungsional, int] = {
    J.PEMULA: 15, J.TERAMPIL: 60, J.MAHIR: 100, J.AHLI_PERTAMA: 100, J.AHLI_MUDA: 200,
    J.AHLI_MADYA: 450,
}  # fmt: skip
NEXT_JENJANG: dict[JenjangFungsional, JenjangFungsional] = {
    J.PEMULA: J.TERAMPIL, J.TERAMPIL: J.MAHIR, J.MAHIR: J.PENYELIA,
    J.AHLI_PERTAMA: J.AHLI_MUDA, J.AHLI_MUDA: J.AHLI_MADYA, J.AHLI_MADYA: J.AHLI_UTAMA,
}  # fmt: skip
ANGKA_KREDIT_SOURCE = "PermenPANRB 1/2023 Lampiran; Peraturan BKN 3/2023 (konversi predikat)"


def annual_angka_kredit(
    jenjang: JenjangFungsional, predikat: Predikat, months: int = 12
) -> Decimal:
    """PermenPANRB 1/2023 with Peraturan BKN 3/2023: AK = persentase predikat × koefisien
    tahunan of the jenjang, × months/12 for part of a year; rounded to 3 decimals."""
    if not 1 <= months <= 12:
        raise ValueError("An angka kredit period is 1 to 12 months.")
    value = KOEFISIEN[jenjang] * PERSENTASE[predikat] / 100 * months / 12
    return value.quantize(Decimal("0.001"))


@dataclass(frozen=True)
class YearCredit:
    """One finalised year's conversion."""

    year: int
    predikat: Predikat
    months: int
    koefisien: Decimal
    persentase: int
    angka_kredit: Decimal


@dataclass(frozen=True)
class AngkaKreditStatus:
    """The AK counted in the current jenjang and what it still lacks for the next steps."""

    jenjang: JenjangFungsional
    golongan: str
    jenjang_since: date
    years: tuple[YearCredit, ...]
    accumulated: Decimal
    next_golongan: str | None
    needed_for_next_golongan: int | None  # cumulative in the jenjang; None at its top golongan
    next_jenjang: JenjangFungsional | None
    needed_for_next_jenjang: int | None

    @property
    def golongan_reached(self) -> bool:
        """Whether the AK for the next golongan within the jenjang is met."""
        needed = self.needed_for_next_golongan
        return needed is not None and self.accumulated >= needed

    @property
    def jenjang_reached(self) -> bool:
        """Whether the AK for the next jenjang is met (the uji kompetensi and a vacancy are
        further conditions, not judged here)."""
        needed = self.needed_for_next_jenjang
        return needed is not None and self.accumulated >= needed


def months_in_year(year: int, since: date) -> int:
    """The months of `year` counted for a jenjang held from `since` (0 before it)."""
    if year < since.year:
        return 0
    return 13 - since.month if year == since.year else 12


def angka_kredit_status(
    jenjang: JenjangFungsional,
    golongan: str,
    jenjang_since: date,
    predikat_by_year: Iterable[tuple[int, Predikat]],
) -> AngkaKreditStatus:
    """The AK accumulated in the jenjang from finalised predikat, against the next golongan
    (cumulative per-pangkat AK within the jenjang) and the next jenjang."""
    years = []
    for year, predikat in sorted(predikat_by_year):
        months = months_in_year(year, jenjang_since)
        if months:
            ak = annual_angka_kredit(jenjang, predikat, months)
            years.append(
                YearCredit(year, predikat, months, KOEFISIEN[jenjang], PERSENTASE[predikat], ak)
            )
    total = sum((y.angka_kredit for y in years), Decimal("0"))
    low, high = JENJANG_GOLONGAN[jenjang]
    next_golongan: str | None = None
    needed_golongan: int | None = None
    if golongan in ALL_PNS_GOLONGAN and golongan != high:
        index = ALL_PNS_GOLONGAN.index(golongan)
        steps = index + 1 - ALL_PNS_GOLONGAN.index(low)
        if steps >= 1 and index < ALL_PNS_GOLONGAN.index(high):
            next_golongan = ALL_PNS_GOLONGAN[index + 1]
            needed_golongan = steps * PER_PANGKAT[jenjang]
    return AngkaKreditStatus(
        jenjang, golongan, jenjang_since, tuple(years), total, next_golongan, needed_golongan,
        NEXT_JENJANG.get(jenjang), PER_JENJANG.get(jenjang),
    )  # fmt: skip
