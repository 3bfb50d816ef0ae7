"""The official lists of 2020–2024 and their amendments, charged as the domain charges them.

Every expected count is the decree's days worked out on the calendar; the sources named in each
test are the ones cited in scripts/datagen/holiday_lists.py and scripts/datagen/policies.py.
"""

from __future__ import annotations

from datetime import date

from domain.holidays import WorkingCalendar, validate_holidays, working_days
from scripts.datagen.policies import HOLIDAY_LISTS


def in_force(year: int) -> WorkingCalendar:
    """The year's calendar as the latest decree left it (an amendment wins)."""
    latest = [hl for hl in HOLIDAY_LISTS if hl.year == year][-1]
    return WorkingCalendar.of_years([validate_holidays(latest.values())])


def test_every_year_from_2020_has_a_list_and_2019_has_none() -> None:
    """2019's SKB 617/2018 was found only up to 17 August, so it is left out."""
    assert {hl.year for hl in HOLIDAY_LISTS} == set(range(2020, 2027))


def test_the_end_of_2020_works_28_to_30_december_after_the_fourth_amendment() -> None:
    """SKB 744/2020, 05/2020, 06/2020 (1 Dec 2020, setkab.go.id) removed 28–30 December; the
    31st stays a cuti bersama in place of Idul Fitri's."""
    assert working_days(date(2020, 12, 28), date(2020, 12, 31), in_force(2020)) == 3


def test_the_2020_pilkada_day_is_a_national_holiday() -> None:
    """Keppres 22/2020 (27 Nov 2020): Wednesday 9 December 2020 is a hari libur nasional."""
    assert working_days(date(2020, 12, 7), date(2020, 12, 11), in_force(2020)) == 4


def test_2020_keeps_no_idul_fitri_cuti_bersama_in_may() -> None:
    """SKB 391/2020 moved 26–29 May to December, SKB 440/2020 dropped 22 May: only the two
    days of Idul Fitri (24–25 May, Sunday and Monday) and Kenaikan (21 May) are off."""
    assert working_days(date(2020, 5, 18), date(2020, 5, 29), in_force(2020)) == 8


def test_2021_keeps_only_12_may_as_cuti_bersama() -> None:
    """SKB 281/2021 cut seven days to 12 May and 24 December; SKB 712/2021 dropped 24 December."""
    assert in_force(2021).cuti_bersama_between(date(2021, 1, 1), date(2021, 12, 31)) == 1
    assert working_days(date(2021, 12, 20), date(2021, 12, 24), in_force(2021)) == 5


def test_2021_moved_tahun_baru_islam_and_maulid_by_one_day() -> None:
    """SKB 712/2021 (18 Jun 2021): 10 → 11 August and 19 → 20 October 2021."""
    calendar = in_force(2021)
    assert calendar.is_working_day(date(2021, 8, 10))
    assert not calendar.is_working_day(date(2021, 8, 11))
    assert calendar.is_working_day(date(2021, 10, 19))
    assert not calendar.is_working_day(date(2021, 10, 20))


def test_2022_had_no_cuti_bersama_until_the_april_amendment_added_four() -> None:
    """SKB 963/2021 left cuti bersama "ditetapkan kemudian"; SKB 375/2022 (7 Apr 2022) set
    29 April and 4–6 May around Idul Fitri (2–3 May)."""
    first = next(hl for hl in HOLIDAY_LISTS if hl.year == 2022)
    assert first.cuti_bersama == ()
    assert working_days(date(2022, 4, 25), date(2022, 5, 6), in_force(2022)) == 4


def test_the_2023_lebaran_cuti_bersama_moved_to_19_to_25_april() -> None:
    """SKB 327/2023 (29 Mar 2023): 19, 20, 21, 24, 25 April instead of 21, 24, 25, 26."""
    calendar = in_force(2023)
    assert working_days(date(2023, 4, 17), date(2023, 4, 28), calendar) == 5
    assert calendar.is_working_day(date(2023, 4, 26))


def test_the_2023_idul_adha_took_three_days() -> None:
    """SKB 624/2023 (16 Jun 2023): cuti bersama 28 and 30 June around Idul Adha on the 29th."""
    assert working_days(date(2023, 6, 26), date(2023, 6, 30), in_force(2023)) == 2


def test_the_2024_election_days_are_national_holidays() -> None:
    """Keppres 10/2024: Wednesday 14 February (Pemilu); Keppres 33/2024: Wednesday 27
    November (Pilkada serentak)."""
    calendar = in_force(2024)
    assert working_days(date(2024, 2, 12), date(2024, 2, 16), calendar) == 4
    assert working_days(date(2024, 11, 25), date(2024, 11, 29), calendar) == 4
