from __future__ import annotations

from datetime import date, timedelta

import pytest

from domain.employment import EmploymentType, Sex
from domain.errors import (
    InsufficientLeaveBalance,
    InvalidLeaveRequest,
    LeaveNotAllowed,
    ReasonRequired,
)
from domain.leave import (
    LEAVE_TYPE_NAMES,
    AnnualLeaveBalance,
    LeaveContext,
    LeaveRecord,
    LeaveRequest,
    LeaveType,
    add_months,
    annual_leave_balance,
    check_leave,
    working_days,
)

CT, CB, CS, CM, CAP, CLTN = LeaveType  # in declaration order
PNS_WOMAN = LeaveContext(EmploymentType.PNS, Sex.FEMALE, date(2015, 1, 1))
# Service from 2019-01-01: first eligible for cuti tahunan in 2020.
RECENT = LeaveContext(EmploymentType.PNS, Sex.MALE, date(2019, 1, 1))


def record(leave_type: LeaveType, start: date, end: date) -> LeaveRecord:
    days = working_days(start, end) if leave_type is CT else (end - start).days + 1
    return LeaveRecord(leave_type, start, end, days)


def ct_days(year: int, days: int) -> LeaveRecord:
    """A CT record of `days` working days starting on the first Monday of March."""
    start = date(year, 3, 1)
    start = date(year, 3, 1 + (7 - start.weekday()) % 7)
    return LeaveRecord(CT, start, start, days)


def request(
    leave_type: LeaveType,
    start: date,
    end: date,
    birth_order: int | None = None,
    reason: str | None = None,
) -> LeaveRequest:
    """A request with the CM birth order and CAP reason filled in unless given."""
    if leave_type is CM and birth_order is None:
        birth_order = 1
    if leave_type is CAP and reason is None:
        reason = "Orang tua sakit keras"
    return LeaveRequest(leave_type, start, end, birth_order, reason)


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


# --- cuti besar ------------------------------------------------------------------------------
def test_cuti_besar_counts_calendar_days() -> None:
    granted = check_leave(request(CB, date(2024, 3, 1), date(2024, 3, 31)), PNS_WOMAN, [])
    assert granted.days == 31


def test_a_pppk_cannot_take_cuti_besar() -> None:
    context = LeaveContext(EmploymentType.PPPK, Sex.MALE, date(2010, 1, 1))
    with pytest.raises(LeaveNotAllowed, match="not for a PPPK"):
        check_leave(request(CB, date(2024, 3, 1), date(2024, 3, 31)), context, [])


@pytest.mark.parametrize("leave_type", [CB, CLTN])
@pytest.mark.parametrize(("start", "ok"), [(date(2024, 1, 1), True), (date(2023, 12, 31), False)])
def test_cuti_besar_and_cltn_need_five_years_of_service(
    leave_type: LeaveType, start: date, ok: bool
) -> None:
    context = LeaveContext(EmploymentType.PNS, Sex.MALE, date(2019, 1, 1))
    leave = request(leave_type, start, add_months(start, 1))
    if ok:
        assert check_leave(leave, context, []).leave_type is leave_type
    else:
        with pytest.raises(LeaveNotAllowed, match="5 year"):
            check_leave(leave, context, [])


def test_cuti_besar_is_refused_after_cuti_tahunan_in_the_same_year() -> None:
    history = [ct_days(2024, 2)]
    with pytest.raises(LeaveNotAllowed, match="cuti besar forfeits"):
        check_leave(request(CB, date(2024, 6, 1), date(2024, 6, 30)), PNS_WOMAN, history)


def test_cuti_besar_is_allowed_after_cuti_tahunan_of_an_earlier_year() -> None:
    history = [ct_days(2023, 2)]
    granted = check_leave(request(CB, date(2024, 6, 1), date(2024, 6, 30)), PNS_WOMAN, history)
    assert granted.days == 30


# --- maximum lengths: exactly the maximum passes, one day more fails --------------------------
# Each starts on 2024-01-15; the last day allowed is the day before start + N months.
MAX_LENGTHS = [
    (CB, date(2024, 4, 14)),  # 3 months
    (CS, date(2025, 7, 14)),  # 1 year 6 months
    (CM, date(2024, 4, 14)),  # 3 months
    (CAP, date(2024, 2, 14)),  # 1 month
    (CLTN, date(2027, 1, 14)),  # 3 years
]


@pytest.mark.parametrize(("leave_type", "last_day"), MAX_LENGTHS)
def test_each_leave_type_may_last_exactly_its_maximum(
    leave_type: LeaveType, last_day: date
) -> None:
    leave = request(leave_type, date(2024, 1, 15), last_day)
    assert check_leave(leave, PNS_WOMAN, []).end == last_day


@pytest.mark.parametrize(("leave_type", "last_day"), MAX_LENGTHS)
def test_each_leave_type_is_refused_one_day_past_its_maximum(
    leave_type: LeaveType, last_day: date
) -> None:
    leave = request(leave_type, date(2024, 1, 15), last_day + timedelta(days=1))
    with pytest.raises(LeaveNotAllowed, match="at most"):
        check_leave(leave, PNS_WOMAN, [])


# --- cuti melahirkan -------------------------------------------------------------------------
def test_cuti_melahirkan_is_only_for_a_woman() -> None:
    context = LeaveContext(EmploymentType.PNS, Sex.MALE, date(2015, 1, 1))
    with pytest.raises(LeaveNotAllowed, match="female"):
        check_leave(request(CM, date(2024, 1, 15), date(2024, 3, 1), birth_order=1), context, [])


@pytest.mark.parametrize("birth_order", [1, 2, 3])
def test_cuti_melahirkan_covers_the_first_to_third_birth(birth_order: int) -> None:
    leave = request(CM, date(2024, 1, 15), date(2024, 3, 1), birth_order=birth_order)
    assert check_leave(leave, PNS_WOMAN, []).days == 47


def test_cuti_melahirkan_for_a_fourth_birth_points_to_cuti_besar() -> None:
    leave = request(CM, date(2024, 1, 15), date(2024, 3, 1), birth_order=4)
    with pytest.raises(LeaveNotAllowed, match="use cuti besar"):
        check_leave(leave, PNS_WOMAN, [])


@pytest.mark.parametrize("birth_order", [None, 0, -1])
def test_cuti_melahirkan_needs_a_birth_order_of_at_least_1(birth_order: int | None) -> None:
    leave = LeaveRequest(CM, date(2024, 1, 15), date(2024, 3, 1), birth_order=birth_order)
    with pytest.raises(InvalidLeaveRequest, match=r"[Bb]irth order"):
        check_leave(leave, PNS_WOMAN, [])


def test_a_pppk_may_take_cuti_melahirkan() -> None:
    context = LeaveContext(EmploymentType.PPPK, Sex.FEMALE, date(2024, 1, 1))
    leave = request(CM, date(2024, 5, 1), date(2024, 7, 31), birth_order=1)
    assert check_leave(leave, context, []).days == 92


# --- cuti karena alasan penting, cuti sakit, CLTN --------------------------------------------
@pytest.mark.parametrize("reason", [None, "", "   "])
def test_cuti_karena_alasan_penting_needs_a_reason(reason: str | None) -> None:
    leave = LeaveRequest(CAP, date(2024, 3, 4), date(2024, 3, 6), reason=reason)
    with pytest.raises(ReasonRequired, match="needs a reason"):
        check_leave(leave, PNS_WOMAN, [])


def test_cuti_sakit_has_no_service_requirement() -> None:
    context = LeaveContext(EmploymentType.CPNS, Sex.MALE, date(2024, 3, 1))
    assert check_leave(request(CS, date(2024, 3, 4), date(2024, 3, 5)), context, []).days == 2


@pytest.mark.parametrize("employment_type", [EmploymentType.CPNS, EmploymentType.PPPK])
def test_cltn_is_only_for_a_pns(employment_type: EmploymentType) -> None:
    context = LeaveContext(employment_type, Sex.MALE, date(2010, 1, 1))
    with pytest.raises(LeaveNotAllowed, match="only for PNS"):
        check_leave(request(CLTN, date(2024, 3, 1), date(2024, 12, 31)), context, [])
