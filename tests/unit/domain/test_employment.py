from __future__ import annotations

import pytest

from domain.employment import (
    EmploymentType,
    SeparationKind,
    parse_employment_type,
    parse_separation_kind,
)
from domain.errors import InvalidInput


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("PNS", EmploymentType.PNS),
        ("cpns", EmploymentType.CPNS),
        (" Pppk ", EmploymentType.PPPK),
    ],
)
def test_an_employment_type_is_parsed_case_insensitively(
    raw: str, expected: EmploymentType
) -> None:
    assert parse_employment_type(raw) is expected


@pytest.mark.parametrize("raw", ["", "honorer", "P3K"])
def test_an_unknown_employment_type_is_rejected_listing_the_valid_ones(raw: str) -> None:
    with pytest.raises(InvalidInput, match="PNS, CPNS, PPPK"):
        parse_employment_type(raw)


@pytest.mark.parametrize("kind", list(SeparationKind))
def test_every_separation_kind_is_parsed_case_insensitively(kind: SeparationKind) -> None:
    assert parse_separation_kind(kind.value.lower()) is kind


def test_an_unknown_separation_kind_is_rejected() -> None:
    with pytest.raises(InvalidInput, match="RETIREMENT"):
        parse_separation_kind("pensiun dini")
