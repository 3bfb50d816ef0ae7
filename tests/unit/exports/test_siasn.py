"""The SIASN Kinerja Periodik mapping: codes, golongan ids and the body's fields."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import pytest

from domain.scoring import Predikat, Rating, predikat_for
from graphql_api.exports.siasn import COLUMNS, kinerja_periodik, siasn_golongan
from projections.employees import EmployeeRow

PENILAI = EmployeeRow(
    id=UUID(int=1), nip="197501012000031001", tenant="pemkot-palangkaraya", name="Drs. Penilai",
    employment_type="PNS", sex="M", birth_date=date(1975, 1, 1), golongan="IV/a",
    jabatan_kind="PENGAWAS", jabatan_title="Kepala Seksi Pelayanan", jabatan_jenjang=None,
    unit_id=UUID(int=2), status="ACTIVE", separation=None, ended_on=None,
    appointed_on=date(2000, 3, 1), service_start=date(2000, 3, 1), version=1, last_position=1,
)  # fmt: skip


def record(hasil: Rating, perilaku: Rating) -> dict[str, object]:
    predikat = predikat_for(hasil, perilaku).value
    result = {"predikat": predikat, "hasil_kerja": hasil.value, "perilaku_kerja": perilaku.value}
    return {
        "nip": "199001012015031001",
        "appraiser": PENILAI.nip,
        "annual_predikat": predikat,
        "doc": {"predikat": {"ANNUAL": result}},
    }


@pytest.mark.parametrize(
    ("golongan", "code"),
    [("I/a", "11"), ("II/c", "23"), ("III/d", "34"), ("IV/e", "45"), ("IX", "IX")],
)
def test_a_pns_golongan_becomes_siasns_two_digit_id(golongan: str, code: str) -> None:
    assert siasn_golongan(golongan) == code


@pytest.mark.parametrize(
    ("hasil", "perilaku", "kuadran"),
    [
        (Rating.DI_ATAS, Rating.DI_ATAS, 1),
        (Rating.SESUAI, Rating.SESUAI, 2),
        (Rating.DI_BAWAH, Rating.DI_BAWAH, 5),
    ],
)
def test_the_kuadran_is_the_predikat_numbered_best_first(
    hasil: Rating, perilaku: Rating, kuadran: int
) -> None:
    body = kinerja_periodik(2025, record(hasil, perilaku), PENILAI, "Dinas Kesehatan")
    assert body["kuadranKinerjaNilai"] == kuadran
    assert list(Predikat)[kuadran - 1] == predikat_for(hasil, perilaku)


def test_the_ratings_are_coded_1_above_2_as_expected_3_below() -> None:
    body = kinerja_periodik(2025, record(Rating.DI_ATAS, Rating.DI_BAWAH), PENILAI, None)
    assert (body["hasilKinerjaNilai"], body["perilakuKerjaNilai"]) == (1, 3)


def test_the_body_names_the_year_the_penilai_and_no_siasn_id_jejak_cannot_know() -> None:
    body = kinerja_periodik(2025, record(Rating.SESUAI, Rating.DI_ATAS), PENILAI, "Dinas Kesehatan")
    assert list(body) == list(COLUMNS)
    assert (body["tahun"], body["bulanMulaiPenilaian"], body["bulanSelesaiPenilaian"]) == (
        2025,
        1,
        12,
    )
    assert (body["penilaiNipNrp"], body["penilaiNama"], body["penilaiGolongan"]) == (
        PENILAI.nip, "Drs. Penilai", "41",
    )  # fmt: skip
    assert (body["penilaiUnorNama"], body["statusPenilai"]) == ("Dinas Kesehatan", "ASN")
    assert (body["id"], body["pnsDinilaiId"], body["nipBaru"]) == (None, None, "199001012015031001")
