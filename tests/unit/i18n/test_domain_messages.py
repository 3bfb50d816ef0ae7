"""Domain refusals written as templates read in Indonesian with their values, codes unchanged."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from domain.dates import check_effective_date
from domain.employment import EmploymentType
from domain.errors import N_, DomainError, cause, listing
from domain.learning import check_programme_jp
from domain.nip import parse_nip
from domain.promotion import parse_promotion_kind
from domain.text import NAME, clean_text
from domain.units import check_tenant
from services.i18n import ENGLISH, INDONESIAN
from services.i18n.messages import error_message


def refusal(check: Callable[..., object], *args: object) -> DomainError:
    with pytest.raises(DomainError) as raised:
        check(*args)
    return raised.value


def in_(language: str, error: DomainError) -> str:
    return error_message(error.code, error.template, error.params, error.message, language)


def test_a_nip_of_the_wrong_length_is_refused_in_indonesian_with_its_count() -> None:
    error = refusal(parse_nip, "1990 0101", EmploymentType.PNS)
    assert error.code == "INVALID_NIP"
    assert in_(ENGLISH, error) == "NIP must have 18 digits; '1990 0101' has 8."
    assert in_(INDONESIAN, error) == (
        "NIP harus terdiri atas 18 digit; '1990 0101' terdiri atas 8 digit."
    )


def test_a_tenant_code_that_is_not_a_slug_is_refused_in_indonesian() -> None:
    error = refusal(check_tenant, "Pemkab Mulyorejo")
    assert in_(INDONESIAN, error) == (
        "Kode instansi 'Pemkab Mulyorejo' harus berupa slug huruf kecil (a-z, 0-9, '-')."
    )


def test_a_programme_granting_more_jp_than_its_schedule_is_refused_in_indonesian() -> None:
    error = refusal(check_programme_jp, 3, 90)
    assert in_(INDONESIAN, error) == "3 JP memerlukan 135 menit; jadwal hanya memuat 90 menit."


def test_a_field_named_by_a_marked_phrase_is_named_in_indonesian_too() -> None:
    error = refusal(clean_text, "x" * 201, N_("A title"), NAME)
    assert in_(ENGLISH, error) == "A title must be 1–200 characters; it has 201."
    assert (
        in_(INDONESIAN, error)
        == "Judul harus terdiri atas 1–200 karakter; isian memuat 201 karakter."
    )


def test_the_kind_of_a_forbidden_character_is_named_in_indonesian() -> None:
    error = refusal(clean_text, "a\x00b", N_("A title"), NAME)
    assert in_(INDONESIAN, error) == (
        "Judul memuat U+0000 (karakter kendali), yang tidak diperbolehkan."
    )


def test_a_date_too_far_ahead_reads_wholly_in_indonesian() -> None:
    error = refusal(
        check_effective_date, date(2031, 1, 1), N_("The leave start"), date(2026, 12, 5)
    )
    assert in_(INDONESIAN, error) == (
        "Tanggal mulai cuti 2031-01-01 terlalu jauh ke depan: paling lambat 2 tahun setelah "
        "hari ini (2028-12-05)."
    )


def test_an_unknown_choice_names_its_field_in_indonesian_with_a_capital_where_it_opens() -> None:
    unknown = refusal(parse_promotion_kind, "LUAR_BIASA")
    assert in_(INDONESIAN, unknown).startswith(
        "Nilai 'LUAR_BIASA' untuk jenis kenaikan pangkat tidak dikenal; gunakan salah satu dari:"
    )
    too_long = refusal(parse_promotion_kind, "X" * 51)
    assert in_(ENGLISH, too_long) == "The promotion kind must be 0–50 characters; it has 51."
    assert in_(INDONESIAN, too_long) == (
        "Jenis kenaikan pangkat harus terdiri atas 0–50 karakter; isian memuat 51 karakter."
    )


def test_a_list_of_phrases_is_joined_and_each_translated() -> None:
    error = DomainError(N_("The row has no {field}."), field=listing([N_("nip"), N_("birth date")]))
    assert in_(ENGLISH, error) == "The row has no nip, birth date."
    assert in_(INDONESIAN, error) == "Baris ini tidak memuat nip, tanggal lahir."


def test_a_refusal_inside_another_reads_in_indonesian_as_a_whole() -> None:
    inner = refusal(parse_nip, "1990 0101", EmploymentType.PNS)
    outer = DomainError(
        N_("the checkpoint is not signed by the log's key: {error}"), error=cause(inner)
    )
    assert in_(INDONESIAN, outer) == (
        "checkpoint tidak ditandatangani dengan kunci log: NIP harus terdiri atas 18 digit; "
        "'1990 0101' terdiri atas 8 digit."
    )
