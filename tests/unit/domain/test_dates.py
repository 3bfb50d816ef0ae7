"""Bounds for dates and years entering the system (domain.dates)."""

from __future__ import annotations

import re
from datetime import date

import pytest

import domain.dates
from domain.dates import (
    BIRTH,
    EFFECTIVE,
    PAST,
    PLANNED,
    DateKind,
    check_birth_date,
    check_date,
    check_effective_date,
    check_year,
    latest,
)
from domain.errors import InvalidInput

TODAY = date(2025, 6, 2)
KINDS = [BIRTH, PAST, EFFECTIVE, PLANNED]


@pytest.mark.parametrize("kind", KINDS, ids=str)
def test_every_kind_keeps_the_horizon_the_module_documents(kind: DateKind) -> None:
    documented = re.search(
        rf"^\| {kind.name} \| 1900-01-01 \| ([^|]+) \|", domain.dates.__doc__ or "", re.M
    )
    assert documented is not None
    horizon = f"today + {kind.years_ahead} year" if kind.years_ahead else "today"
    assert documented.group(1).strip().startswith(horizon)


@pytest.mark.parametrize("kind", KINDS, ids=str)
def test_no_date_before_1900_is_accepted(kind: DateKind) -> None:
    assert check_date(date(1900, 1, 1), "The date", kind, TODAY) == date(1900, 1, 1)
    with pytest.raises(InvalidInput, match="The date 1899-12-31 is before 1900-01-01"):
        check_date(date(1899, 12, 31), "The date", kind, TODAY)


@pytest.mark.parametrize(
    ("kind", "last"),
    [(BIRTH, date(2025, 6, 2)), (PAST, date(2025, 6, 2)), (EFFECTIVE, date(2027, 6, 2)),
     (PLANNED, date(2027, 6, 2))],
    ids=str,
)  # fmt: skip
def test_each_kind_reaches_its_horizon_after_today_and_no_further(
    kind: DateKind, last: date
) -> None:
    assert latest(kind, TODAY) == last
    assert check_date(last, "The date", kind, TODAY) == last
    with pytest.raises(InvalidInput) as raised:
        check_date(date.fromordinal(last.toordinal() + 1), "The date", kind, TODAY)
    assert raised.value.code == "INVALID_INPUT"
    assert raised.value.message.endswith(f"is too far ahead: at most {_ahead(kind)} ({last}).")


def _ahead(kind: DateKind) -> str:
    return f"{kind.years_ahead} year(s) after today" if kind.years_ahead else "today"


def test_the_end_of_time_is_refused_as_an_effective_date() -> None:
    with pytest.raises(InvalidInput, match="The award date 9999-12-31 is too far ahead"):
        check_effective_date(date(9999, 12, 31), "The award date", TODAY)


def test_nobody_is_born_tomorrow() -> None:
    assert check_birth_date(TODAY, TODAY) == TODAY
    with pytest.raises(InvalidInput, match="The birth date 2025-06-03 is too far ahead"):
        check_birth_date(date(2025, 6, 3), TODAY)


def test_the_horizon_from_29_february_ends_on_28_february() -> None:
    assert latest(EFFECTIVE, date(2024, 2, 29)) == date(2026, 2, 28)


def test_the_horizon_moves_with_the_injected_today() -> None:
    check_effective_date(date(2031, 1, 1), "The TMT", date(2030, 1, 1))
    with pytest.raises(InvalidInput):
        check_effective_date(date(2031, 1, 1), "The TMT", date(2020, 1, 1))


@pytest.mark.parametrize("year", [1950, 2025, 2100])
def test_a_year_from_1950_to_2100_is_accepted(year: int) -> None:
    assert check_year(year) == year


@pytest.mark.parametrize("year", [-1, 0, 1949, 2101, 9999, 99999, 2**31 - 1])
def test_a_year_outside_1950_to_2100_is_invalid_input(year: int) -> None:
    with pytest.raises(InvalidInput) as raised:
        check_year(year)
    assert raised.value.code == "INVALID_INPUT"
    assert raised.value.message == f"The year {year} is outside 1950–2100."
