"""Domain refusals written as templates read in Indonesian with their values, codes unchanged."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from domain.employment import EmploymentType
from domain.errors import DomainError
from domain.learning import check_programme_jp
from domain.nip import parse_nip
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
