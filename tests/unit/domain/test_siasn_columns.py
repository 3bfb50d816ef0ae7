"""Reading a SIASN/SAPK export's headings: every spelling BKN uses names one Jejak field."""

from __future__ import annotations

import pytest

from domain.siasn_columns import DuplicateColumn, Field, MissingColumn, map_headings

SIASN_DOWNLOAD = [
    "PNS_ID", "NIP_BARU", "NIP_LAMA", "NAMA", "TANGGAL_LAHIR", "STATUS_CPNS_PNS", "TMT_CPNS",
    "TMT_PNS", "GOL_AKHIR_NAMA", "JENIS_JABATAN_NAMA", "JABATAN_NAMA", "UNOR_NAMA",
]  # fmt: skip
DATA_UTAMA = ["nipBaru", "nama", "tglLahir", "tmtCpns", "golRuangAkhir", "jabatanNama", "unorNama"]
SAPK = ["NIP BARU", "NAMA", "TGL LAHIR", "TMT CPNS", "GOL AKHIR", "JABATAN NAMA", "UNOR NAMA"]
REQUIRED = {
    Field.NIP, Field.NAME, Field.BIRTH_DATE, Field.APPOINTED_ON, Field.GOLONGAN,
    Field.JABATAN_TITLE, Field.UNIT,
}  # fmt: skip


@pytest.mark.parametrize("headings", [SIASN_DOWNLOAD, DATA_UTAMA, SAPK])
def test_the_siasn_download_the_data_utama_and_sapk_headings_all_map_every_required_field(
    headings: list[str],
) -> None:
    assert set(map_headings(headings).columns) >= REQUIRED


def test_case_spaces_and_punctuation_in_a_heading_do_not_matter() -> None:
    columns = map_headings(["nip baru", "Nama", "tanggal-lahir", "Tmt.Cpns", "gol akhir",
                            " Jabatan Nama ", "UNOR  NAMA"])  # fmt: skip

    assert columns.columns[Field.BIRTH_DATE] == 2
    assert columns.columns[Field.UNIT] == 6


def test_the_siasn_download_s_own_columns_are_found_and_the_rest_ignored() -> None:
    columns = map_headings(SIASN_DOWNLOAD)

    assert columns.columns[Field.NIP] == 1
    assert columns.columns[Field.STATUS] == 5
    assert columns.columns[Field.TMT_PNS] == 7
    assert columns.ignored == ("PNS_ID", "NIP_LAMA")


def test_with_tmt_and_tmt_cpns_both_present_the_plain_tmt_is_the_appointment() -> None:
    columns = map_headings([*SAPK, "TMT"])

    assert columns.columns[Field.APPOINTED_ON] == len(SAPK)


def test_a_file_without_a_unit_column_is_refused_naming_the_headings_that_would_do() -> None:
    with pytest.raises(MissingColumn, match="unit: one of UNOR NAMA, UNOR_NAMA, unorNama"):
        map_headings(SAPK[:-1])


def test_two_columns_with_the_same_heading_are_refused() -> None:
    with pytest.raises(DuplicateColumn):
        map_headings([*SAPK, "Nama"])
