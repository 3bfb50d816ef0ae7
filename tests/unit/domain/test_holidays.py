"""The working calendar: Mon–Fri minus the SKB's hari libur nasional and cuti bersama."""

from __future__ import annotations

from datetime import date

import pytest

from domain.holidays import WorkingCalendar, validate_holidays, working_days
from domain.policy import InvalidPolicyValues
from scripts.datagen.policies import HOLIDAY_LISTS


def calendar_of(year: int) -> WorkingCalendar:
    latest = [hl for hl in HOLIDAY_LISTS if hl.year == year][-1]  # an amendment wins
    return WorkingCalendar.of_years([validate_holidays(latest.values())])


def test_leave_over_23_to_27_december_2024_costs_three_working_days() -> None:
    # SKB 855/2023, 3/2023, 4/2023: 25 Dec Natal, 26 Dec cuti bersama; 23, 24, 27 Dec are worked
    assert working_days(date(2024, 12, 23), date(2024, 12, 27), calendar_of(2024)) == 3


def test_without_a_holiday_list_only_weekends_are_off() -> None:
    assert working_days(date(2024, 12, 23), date(2024, 12, 27)) == 5


def test_the_2025_amendment_makes_18_august_a_cuti_bersama_day() -> None:
    # SKB 933/2025, 1/2025, 3/2025 amending SKB 1017/2024, 2/2024, 2/2024
    assert working_days(date(2025, 8, 18), date(2025, 8, 19), calendar_of(2025)) == 1


def test_each_years_first_list_has_as_many_holidays_as_its_skb_says() -> None:
    # 2021: 13 May is both Kenaikan Isa Al Masih and Idul Fitri, one date for two holidays
    first = {hl.year: len(hl.holidays) for hl in reversed(HOLIDAY_LISTS)}
    assert first == {2020: 16, 2021: 15, 2022: 16, 2023: 16, 2024: 17, 2025: 17, 2026: 17}


def test_a_date_outside_the_lists_year_is_refused() -> None:
    values = {"year": 2024, "holidays": [{"date": "2025-01-01", "name": "Tahun Baru"}]}
    with pytest.raises(InvalidPolicyValues):
        validate_holidays(values)


def test_a_day_listed_twice_is_refused() -> None:
    day = {"date": "2024-12-25", "name": "Natal"}
    with pytest.raises(InvalidPolicyValues):
        validate_holidays({"year": 2024, "holidays": [day], "cuti_bersama": [day]})
