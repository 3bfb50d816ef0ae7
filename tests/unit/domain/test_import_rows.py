"""One export row into the values of an appointment: dates, golongan, status and jabatan."""

from __future__ import annotations

from datetime import date

import pytest

from domain.errors import DomainError
from domain.import_rows import (
    employment_type_of,
    golongan_code,
    jabatan_of,
    parse_date,
    read_row,
)
from domain.siasn_columns import Field, map_headings

HEADINGS = ["NIP BARU", "NAMA", "TANGGAL LAHIR", "TMT CPNS", "GOL AKHIR", "JABATAN NAMA",
            "UNOR NAMA", "STATUS CPNS PNS"]  # fmt: skip
COLUMNS = map_headings(HEADINGS)
GOOD = ["198609262015051001", "Andi Saputra", "26-09-1986", "01-05-2015", "III/a",
        "Pengadministrasi Umum", "Bidang Pembinaan SD", "P"]  # fmt: skip


@pytest.mark.parametrize(
    "text", ["26-09-1986", "26/09/1986", "26.09.1986", "1986-09-26", "1986-09-26 00:00:00"]
)
def test_a_date_is_read_as_siasn_writes_it_and_as_iso(text: str) -> None:
    assert parse_date(text, "The birth date") == date(1986, 9, 26)


@pytest.mark.parametrize("text", ["09-26-1986", "31-02-2014", "26 Sep 1986", "1986"])
def test_a_date_that_is_not_one_is_invalid_date(text: str) -> None:
    with pytest.raises(DomainError) as refused:
        parse_date(text, "The TMT")
    assert refused.value.code == "INVALID_DATE"


@pytest.mark.parametrize(
    ("cell", "code"),
    [("III/a", "III/a"), ("iii / A", "III/a"), ("IV/a - Pembina", "IV/a"),
     ("Penata Tk. I (III/d)", "III/d"), ("IX", "IX")],
)  # fmt: skip
def test_the_golongan_is_taken_from_a_cell_that_also_names_the_pangkat(
    cell: str, code: str
) -> None:
    assert golongan_code(cell) == code


@pytest.mark.parametrize(
    ("cells", "kind"),
    [
        ({Field.STATUS: "C"}, "CPNS"),
        ({Field.STATUS: "P"}, "PNS"),
        ({Field.EMPLOYMENT_TYPE: "PPPK", Field.GOLONGAN: "IX"}, "PPPK"),
        ({Field.TMT_PNS: "", Field.GOLONGAN: "II/c"}, "CPNS"),
        ({Field.TMT_PNS: "01-03-2020", Field.GOLONGAN: "III/a"}, "PNS"),
        ({Field.GOLONGAN: "IX"}, "PPPK"),
        ({Field.GOLONGAN: "III/a"}, "PNS"),
    ],
)
def test_the_employment_type_follows_status_then_tmt_pns_then_the_golongan_scheme(
    cells: dict[Field, str], kind: str
) -> None:
    assert employment_type_of(cells).value == kind


def test_a_status_that_is_neither_c_nor_p_is_invalid_employment_type() -> None:
    with pytest.raises(DomainError) as refused:
        employment_type_of({Field.STATUS: "X"})
    assert refused.value.code == "INVALID_EMPLOYMENT_TYPE"


@pytest.mark.parametrize(
    ("cells", "jabatan"),
    [
        ({Field.JABATAN_KIND: "Struktural", Field.ESELON: "II.b"}, ("JPT_PRATAMA", None)),
        ({Field.JABATAN_KIND: "Struktural", Field.ESELON: "III.a"}, ("ADMINISTRATOR", None)),
        ({Field.ESELON: "IV.a"}, ("PENGAWAS", None)),
        ({Field.JABATAN_KIND: "Fungsional Tertentu", Field.JABATAN_TITLE: "Guru Ahli Muda"},
         ("FUNGSIONAL", "AHLI_MUDA")),
        ({Field.JABATAN_KIND: "Fungsional Umum", Field.JABATAN_TITLE: "Pengelola Data"},
         ("PELAKSANA", None)),
        ({Field.JABATAN_TITLE: "Pranata Komputer Terampil"}, ("FUNGSIONAL", "TERAMPIL")),
        ({Field.JABATAN_TITLE: "Pengadministrasi Umum"}, ("PELAKSANA", None)),
        ({Field.JABATAN_KIND: "JPT Pratama"}, ("JPT Pratama", None)),
    ],
)  # fmt: skip
def test_the_jabatan_kind_comes_from_siasn_s_jenis_jabatan_the_eselon_or_the_title(
    cells: dict[Field, str], jabatan: tuple[str, str | None]
) -> None:
    assert jabatan_of(cells) == jabatan


def test_a_good_row_gives_the_appointment_with_the_nip_s_digits() -> None:
    row = read_row(["'198609262015051001", *GOOD[1:]], COLUMNS, 2)

    assert (row.row, row.nip, row.employment_type, row.jabatan_kind) == (
        2, "198609262015051001", "PNS", "PELAKSANA",
    )  # fmt: skip
    assert row.appointed_on == date(2015, 5, 1)


@pytest.mark.parametrize(
    ("column", "value", "code"),
    [
        (0, "19860926201505100", "INVALID_NIP"),
        (1, "", "MISSING_VALUE"),
        (2, "27-09-1986", "BIRTH_DATE_MISMATCH"),
        (3, "2015-13-01", "INVALID_DATE"),
        (7, "X", "INVALID_EMPLOYMENT_TYPE"),
    ],
)
def test_a_row_that_cannot_be_read_is_refused_with_a_typed_code(
    column: int, value: str, code: str
) -> None:
    values = list(GOOD)
    values[column] = value

    with pytest.raises(DomainError) as refused:
        read_row(values, COLUMNS, 5)
    assert refused.value.code == code
