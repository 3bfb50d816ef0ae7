from __future__ import annotations

import pytest

from domain.errors import InvalidJabatan
from domain.jabatan import (
    Jabatan,
    JabatanKind,
    JenjangFungsional,
    is_managerial,
    parse_jabatan,
)

MANAGERIAL = {
    JabatanKind.JPT_UTAMA: True,
    JabatanKind.JPT_MADYA: True,
    JabatanKind.JPT_PRATAMA: True,
    JabatanKind.ADMINISTRATOR: True,
    JabatanKind.PENGAWAS: True,
    JabatanKind.FUNGSIONAL: False,
    JabatanKind.PELAKSANA: False,
}


@pytest.mark.parametrize(("kind", "managerial"), MANAGERIAL.items())
def test_jpt_administrator_and_pengawas_are_managerial(kind: JabatanKind, managerial: bool) -> None:
    assert is_managerial(kind) is managerial
    assert kind.is_managerial is managerial


@pytest.mark.parametrize("kind", [k for k in JabatanKind if k is not JabatanKind.FUNGSIONAL])
def test_every_non_fungsional_kind_is_parsed_case_insensitively(kind: JabatanKind) -> None:
    assert parse_jabatan(kind.value.lower(), "Kepala Seksi") == Jabatan(kind, "Kepala Seksi")


def test_a_kind_written_with_spaces_is_accepted() -> None:
    assert parse_jabatan("JPT Pratama", "Kepala Dinas").kind is JabatanKind.JPT_PRATAMA


@pytest.mark.parametrize("jenjang", list(JenjangFungsional))
def test_a_fungsional_takes_any_jenjang(jenjang: JenjangFungsional) -> None:
    jabatan = parse_jabatan("FUNGSIONAL", "Analis Kebijakan", jenjang.value.lower())
    assert jabatan.jenjang is jenjang


def test_a_jenjang_written_in_words_is_accepted() -> None:
    assert parse_jabatan("fungsional", "Pranata Komputer", "Ahli Muda").jenjang is (
        JenjangFungsional.AHLI_MUDA
    )


@pytest.mark.parametrize("jenjang", [None, "", "  "])
def test_a_fungsional_without_a_jenjang_is_rejected(jenjang: str | None) -> None:
    with pytest.raises(InvalidJabatan, match="needs a jenjang"):
        parse_jabatan("FUNGSIONAL", "Analis Kebijakan", jenjang)


def test_a_non_fungsional_with_a_jenjang_is_rejected() -> None:
    with pytest.raises(InvalidJabatan, match="Only a jabatan fungsional"):
        parse_jabatan("PELAKSANA", "Pengadministrasi Umum", "AHLI_MUDA")


def test_an_empty_jenjang_on_a_non_fungsional_means_none() -> None:
    assert parse_jabatan("PENGAWAS", "Kepala Seksi", "").jenjang is None


def test_the_title_is_stripped() -> None:
    assert parse_jabatan("PENGAWAS", "  Kepala Seksi  ").title == "Kepala Seksi"


@pytest.mark.parametrize(("length", "ok"), [(1, False), (2, True), (200, True), (201, False)])
def test_a_title_must_be_2_to_200_characters(length: int, ok: bool) -> None:
    title = "x" * length
    if ok:
        assert parse_jabatan("PELAKSANA", title).title == title
    else:
        with pytest.raises(InvalidJabatan, match="2–200"):
            parse_jabatan("PELAKSANA", title)


def test_an_unknown_kind_is_rejected_listing_the_kinds() -> None:
    with pytest.raises(InvalidJabatan, match="JPT_UTAMA"):
        parse_jabatan("struktural", "Kepala Bagian")


def test_an_unknown_jenjang_is_rejected_listing_the_jenjang() -> None:
    with pytest.raises(InvalidJabatan, match="AHLI_PERTAMA"):
        parse_jabatan("FUNGSIONAL", "Analis Kebijakan", "senior")
