"""Cuti besar, melahirkan, alasan penting, sakit and CLTN, and every maximum length."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from domain.employment import EmploymentType, Sex
from domain.errors import (
    InvalidLeaveRequest,
    LeaveNotAllowed,
    ReasonRequired,
)
from domain.leave import (
    LeaveContext,
    LeaveRequest,
    LeaveType,
    add_months,
)
from domain.leave_rules import check_leave
from tests.unit.domain.leave_cases import (
    CAP,
    CB,
    CLTN,
    CM,
    CS,
    PNS_WOMAN,
    ct_days,
    request,
)


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
