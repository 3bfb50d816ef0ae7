"""An import file's bytes into headings and rows: a BOM, `;` or `,`, and rows keep numbers."""

from __future__ import annotations

import hashlib

import pytest

from services.import_file import InvalidFile, parse_import_bytes


def test_a_utf8_bom_and_semicolons_as_excel_saves_them_are_read() -> None:
    data = "\ufeffNIP BARU;NAMA\n198609262015051001;Andi, S.Pd.\n".encode()

    read = parse_import_bytes(data, "pegawai.csv")

    assert read.headings == ["NIP BARU", "NAMA"]
    assert read.rows == [(2, ["198609262015051001", "Andi, S.Pd."])]


def test_commas_are_read_with_quoted_cells() -> None:
    read = parse_import_bytes(b'NIP BARU,NAMA\n198609262015051001,"Andi; S.Pd."\n', "a.csv")

    assert read.rows == [(2, ["198609262015051001", "Andi; S.Pd."])]


def test_blank_rows_are_left_out_and_the_rest_keep_their_spreadsheet_row_numbers() -> None:
    read = parse_import_bytes(b"NIP;NAMA\n1;A\n;\n\n2;B\n", "a.csv")

    assert [number for number, _ in read.rows] == [2, 5]


def test_the_label_names_the_file_and_the_start_of_its_sha256() -> None:
    data = b"NIP;NAMA\n"

    read = parse_import_bytes(data, "pegawai.csv")

    assert read.label == f"pegawai.csv (sha256 {hashlib.sha256(data).hexdigest()[:12]})"


def test_a_file_that_is_not_utf8_is_refused_with_invalid_file() -> None:
    with pytest.raises(InvalidFile, match="not UTF-8"):
        parse_import_bytes("NIP;NAMA\n1;Sánchez\n".encode("cp1252"), "a.csv")
