"""Cuti: working days, the annual balance and carry-over, and cuti tahunan."""

from __future__ import annotations

from datetime import date

import pytest

from domain.employment import EmploymentType, Sex
from domain.errors import (
    InsufficientLeaveBalance,
    InvalidLeaveRequest,
    LeaveNotAllowed,
)
from domain.holidays import working_days
from domain.leave import (
    LEAVE_TYPE_NAMES,
    AnnualLeaveBalance,
    LeaveContext,
    LeaveRecord,
    LeaveType,
    add_months,
    annual_leave_balance,
)
from domain.leave_rules import check_leave
from tests.unit.domain.leave_cases import (
    CB,
    CS,
    CT,
    PNS_WOMAN,
    RECENT,
    ct_days,
    record,
    request,
)


# --- helpers ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("start", "end", "days"),
    [
        (date(2024, 3, 4), date(2024, 3, 8), 5),  # Monday to Friday
        (date(2024, 3, 9), date(2024, 3, 10), 0),  # a weekend
        (date(2024, 3, 8), date(2024, 3, 11), 2),  # Friday to Monday
        (date(2024, 3, 4), date(2024, 3, 17), 10),  # two whole weeks
        (date(2024, 1, 1), date(2024, 12, 31), 262),
        (date(2024, 3, 8), date(2024, 3, 7), 0),  # empty range
    ],
)
def test_working_days_counts_mondays_to_fridays_inclusive(
    start: date, end: date, days: int
) -> None:
    assert working_days(start, end) == days


@pytest.mark.parametrize(
    ("d", "n", "expected"),
    [
        (date(2024, 1, 15), 3, date(2024, 4, 15)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2024, 11, 30), 3, date(2025, 2, 28)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
    ],
)
def test_add_months_clamps_the_day_to_the_end_of_the_month(d: date, n: int, expected: date) -> None:
    assert add_months(d, n) == expected


def test_every_leave_type_has_an_indonesian_name() -> None:
    assert set(LEAVE_TYPE_NAMES) == set(LeaveType)
    assert LEAVE_TYPE_NAMES[CT] == "Cuti Tahunan"


# --- annual leave balance --------------------------------------------------------------------
def test_there_is_no_cuti_tahunan_before_the_year_of_the_first_anniversary() -> None:
    context = LeaveContext(EmploymentType.CPNS, Sex.MALE, date(2023, 7, 1))
    assert annual_leave_balance(2023, [], context) == AnnualLeaveBalance(2023, 0, 0, 0, 0)


def test_the_full_12_days_apply_in_the_year_of_the_first_anniversary() -> None:
    context = LeaveContext(EmploymentType.CPNS, Sex.MALE, date(2023, 7, 1))
    assert annual_leave_balance(2024, [], context) == AnnualLeaveBalance(2024, 12, 0, 0, 12)


@pytest.mark.parametrize(
    ("used", "year", "carried", "remaining"),
    [
        ({}, 2020, 0, 12),  # first eligible year: nothing to carry
        ({2020: 10}, 2021, 2, 14),  # carry never exceeds what was unused
        ({}, 2021, 6, 18),  # 18 cap; 2019 was not eligible, so not 24
        ({2020: 12}, 2021, 0, 12),
        ({}, 2022, 12, 24),  # no CT in 2020 and 2021: 24 cap
        ({2021: 1}, 2022, 6, 18),  # a CT last year keeps the 18 cap
        ({2020: 1}, 2022, 6, 18),  # a CT two years back breaks the 24 cap
        ({2022: 5}, 2022, 12, 19),  # used days come off the year's total
    ],
)
def test_unused_cuti_tahunan_carries_over_up_to_the_18_or_24_cap(
    used: dict[int, int], year: int, carried: int, remaining: int
) -> None:
    history = [ct_days(y, days) for y, days in used.items()]
    balance = annual_leave_balance(year, history, RECENT)
    assert (balance.entitlement, balance.carried_over, balance.remaining) == (
        12,
        carried,
        remaining,
    )


def test_a_year_with_cuti_besar_has_no_cuti_tahunan() -> None:
    history = [record(CB, date(2022, 2, 1), date(2022, 3, 31))]
    assert annual_leave_balance(2022, history, RECENT) == AnnualLeaveBalance(2022, 0, 0, 0, 0)


def test_nothing_carries_out_of_a_year_with_cuti_besar() -> None:
    history = [record(CB, date(2022, 2, 1), date(2022, 3, 31))]
    balance = annual_leave_balance(2023, history, RECENT)
    assert (balance.entitlement, balance.carried_over, balance.remaining) == (12, 0, 12)


def test_a_year_with_cuti_besar_breaks_the_24_cap() -> None:
    history = [record(CB, date(2021, 2, 1), date(2021, 3, 31))]
    assert annual_leave_balance(2023, history, RECENT).carried_over == 6


def test_cuti_tahunan_counts_in_the_year_it_starts() -> None:
    history = [ct_days(2021, 3)]
    assert annual_leave_balance(2021, history, RECENT).used == 3
    assert annual_leave_balance(2022, history, RECENT).used == 0


# --- check_leave: rules for every type -------------------------------------------------------
def test_a_request_ending_before_it_starts_is_invalid() -> None:
    with pytest.raises(InvalidLeaveRequest, match="before it starts"):
        check_leave(request(CS, date(2024, 3, 5), date(2024, 3, 4)), PNS_WOMAN, [])


def test_a_request_overlapping_granted_leave_is_refused() -> None:
    history = [record(CS, date(2024, 3, 4), date(2024, 3, 6))]
    with pytest.raises(LeaveNotAllowed, match="overlaps Cuti Sakit"):
        check_leave(request(CT, date(2024, 3, 6), date(2024, 3, 8)), PNS_WOMAN, history)


def test_a_request_starting_the_day_after_granted_leave_is_allowed() -> None:
    history = [record(CS, date(2024, 3, 4), date(2024, 3, 6))]
    granted = check_leave(request(CT, date(2024, 3, 7), date(2024, 3, 8)), PNS_WOMAN, history)
    assert granted.days == 2


# --- cuti tahunan ----------------------------------------------------------------------------
def test_cuti_tahunan_counts_working_days() -> None:
    granted = check_leave(request(CT, date(2024, 3, 8), date(2024, 3, 12)), PNS_WOMAN, [])
    assert granted == LeaveRecord(CT, date(2024, 3, 8), date(2024, 3, 12), 3)


@pytest.mark.parametrize(("start", "ok"), [(date(2020, 1, 1), True), (date(2019, 12, 31), False)])
def test_cuti_tahunan_needs_one_year_of_service_at_the_start(start: date, ok: bool) -> None:
    leave = request(CT, start, start)
    if ok:
        assert check_leave(leave, RECENT, []).days == 1
    else:
        with pytest.raises(LeaveNotAllowed, match="1 year"):
            check_leave(leave, RECENT, [])


def test_cuti_tahunan_needs_at_least_one_working_day() -> None:
    with pytest.raises(InvalidLeaveRequest, match="one working day"):
        check_leave(request(CT, date(2024, 3, 9), date(2024, 3, 10)), PNS_WOMAN, [])


def test_cuti_tahunan_may_not_span_two_years() -> None:
    with pytest.raises(InvalidLeaveRequest, match="two years"):
        check_leave(request(CT, date(2024, 12, 30), date(2025, 1, 2)), PNS_WOMAN, [])


def test_cuti_tahunan_up_to_31_december_is_allowed() -> None:
    granted = check_leave(request(CT, date(2024, 12, 30), date(2024, 12, 31)), PNS_WOMAN, [])
    assert granted.days == 2


def test_cuti_tahunan_is_refused_in_a_year_with_cuti_besar() -> None:
    history = [record(CB, date(2024, 1, 8), date(2024, 2, 9))]
    with pytest.raises(LeaveNotAllowed, match="forfeits"):
        check_leave(request(CT, date(2024, 6, 3), date(2024, 6, 3)), PNS_WOMAN, history)


@pytest.mark.parametrize(("days", "ok"), [(12, True), (13, False)])
def test_cuti_tahunan_may_not_exceed_the_remaining_balance(days: int, ok: bool) -> None:
    # 2020 is the first eligible year: 12 days, nothing carried.
    start = date(2020, 6, 1)  # a Monday
    end = date(2020, 6, 16) if days == 12 else date(2020, 6, 17)
    leave = request(CT, start, end)
    if ok:
        assert check_leave(leave, RECENT, []).days == 12
    else:
        with pytest.raises(InsufficientLeaveBalance, match="only 12 remain"):
            check_leave(leave, RECENT, [])


def test_the_balance_check_counts_days_already_taken() -> None:
    history = [ct_days(2020, 10)]
    with pytest.raises(InsufficientLeaveBalance, match="3 working days requested, but only 2"):
        check_leave(request(CT, date(2020, 6, 1), date(2020, 6, 3)), RECENT, history)


def test_a_pppk_may_take_cuti_tahunan() -> None:
    context = LeaveContext(EmploymentType.PPPK, Sex.MALE, date(2022, 1, 1))
    assert check_leave(request(CT, date(2024, 3, 4), date(2024, 3, 4)), context, []).days == 1
