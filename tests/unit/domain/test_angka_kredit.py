"""PermenPANRB 1/2023 with Peraturan BKN 3/2023: angka kredit from the predikat kinerja."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from domain.angka_kredit import (
    KOEFISIEN,
    PER_JENJANG,
    PER_PANGKAT,
    PERSENTASE,
    angka_kredit_status,
    annual_angka_kredit,
    months_in_year,
)
from domain.jabatan import JenjangFungsional as J
from domain.scoring import Predikat as P  # noqa: N817


def test_an_ahli_pertama_rated_sangat_baik_earns_18_75_as_bkns_worked_example() -> None:
    assert annual_angka_kredit(J.AHLI_PERTAMA, P.SANGAT_BAIK) == Decimal("18.750")


def test_two_months_of_baik_as_ahli_pertama_earn_2_083_as_bkns_periodic_example() -> None:
    assert annual_angka_kredit(J.AHLI_PERTAMA, P.BAIK, months=2) == Decimal("2.083")


@pytest.mark.parametrize(
    ("jenjang", "koefisien"),
    [
        (J.AHLI_PERTAMA, "12.5"), (J.AHLI_MUDA, "25"), (J.AHLI_MADYA, "37.5"),
        (J.AHLI_UTAMA, "50"), (J.PEMULA, "3.75"), (J.TERAMPIL, "5"), (J.MAHIR, "12.5"),
        (J.PENYELIA, "25"),
    ],
)  # fmt: skip
def test_each_jenjang_has_the_koefisien_of_the_lampiran(jenjang: J, koefisien: str) -> None:
    assert KOEFISIEN[jenjang] == Decimal(koefisien)


def test_the_predikat_percentages_run_150_100_75_50_25() -> None:
    assert [PERSENTASE[p] for p in P] == [150, 100, 75, 50, 25]


def test_a_jenjang_taken_in_april_counts_nine_months_of_that_year() -> None:
    assert months_in_year(2024, date(2024, 4, 1)) == 9
    assert months_in_year(2023, date(2024, 4, 1)) == 0


def test_an_ahli_muda_at_iii_c_needs_100_for_iii_d_and_200_for_ahli_madya() -> None:
    status = angka_kredit_status(
        J.AHLI_MUDA, "III/c", date(2022, 1, 1),
        [(2021, P.SANGAT_BAIK), (2022, P.BAIK), (2023, P.SANGAT_BAIK)],
    )  # fmt: skip
    assert [y.year for y in status.years] == [2022, 2023]  # 2021 was before the jenjang
    assert status.accumulated == Decimal("62.500")
    assert (status.next_golongan, status.needed_for_next_golongan) == ("III/d", 100)
    assert (status.next_jenjang, status.needed_for_next_jenjang) == (J.AHLI_MADYA, 200)
    assert not status.golongan_reached


def test_within_ahli_madya_the_pangkat_thresholds_are_cumulative() -> None:
    status = angka_kredit_status(J.AHLI_MADYA, "IV/b", date(2020, 1, 1), [])
    assert (status.next_golongan, status.needed_for_next_golongan) == ("IV/c", 300)
    assert status.needed_for_next_jenjang == 450


def test_at_the_top_golongan_of_a_jenjang_only_the_next_jenjang_is_ahead() -> None:
    status = angka_kredit_status(J.AHLI_PERTAMA, "III/b", date(2023, 1, 1), [(2023, P.BAIK)])
    assert status.next_golongan is None
    assert status.needed_for_next_golongan is None
    assert status.needed_for_next_jenjang == 100


def test_the_ak_kumulatif_per_pangkat_and_per_jenjang_are_bkns_integrasi_column() -> None:
    """BKN Direktorat Jabatan ASN, "Penyesuaian Angka Kredit Konvensional ke Integrasi" (2023),
    table "Perbandingan Kebutuhan AKK", column Integrasi/Konversi."""
    # Ahli Pertama, Muda, Madya, Utama; Pemula, Terampil, Mahir, Penyelia
    assert [PER_PANGKAT[j] for j in J] == [50, 100, 150, 200, 15, 20, 50, 100]
    assert PER_JENJANG == {
        J.AHLI_MADYA: 450, J.AHLI_MUDA: 200, J.AHLI_PERTAMA: 100,
        J.MAHIR: 100, J.TERAMPIL: 60, J.PEMULA: 15,
    }  # fmt: skip
