"""Whether a cuti request may be granted: the rules of each kind (PP 11/2017 Pasal 310–341;
Perka BKN 24/2017 as amended by Peraturan BKN 7/2021)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from domain.employment import EmploymentType, Sex
from domain.errors import (
    N_,
    InsufficientLeaveBalance,
    InvalidLeaveRequest,
    LeaveNotAllowed,
    Phrase,
    ReasonRequired,
)
from domain.holidays import WEEKDAYS_ONLY, WorkingCalendar
from domain.holidays import working_days as calendar_working_days
from domain.leave import (
    LEAVE_TYPE_NAMES,
    LeaveContext,
    LeaveRecord,
    LeaveRequest,
    LeaveType,
    add_months,
    annual_leave_balance,
)
from domain.leave_caps import check_cumulative_cap, check_guru_may_take_ct


def check_leave(
    request: LeaveRequest,
    context: LeaveContext,
    history: Sequence[LeaveRecord],
    calendar: WorkingCalendar = WEEKDAYS_ONLY,
) -> LeaveRecord:
    """Check a cuti request against the rules of its type; returns the record to store.

    Cuti tahunan is counted in working days of `calendar` (the SKB's holidays and cuti bersama
    are not charged: PP 11/2017 Pasal 333 ayat (2), "cuti bersama ... tidak mengurangi hak cuti
    tahunan"); the other kinds in calendar days.
    """
    _check_end_is_not_before_start(request)
    _check_it_overlaps_no_other_leave(request, history)
    limits = _LIMITS[request.leave_type]
    _check_employment_type_may_take_it(limits, request, context)
    _check_service_is_long_enough(limits, request, context)
    _check_it_is_not_longer_than_allowed(limits, request)
    if request.leave_type is LeaveType.CT:
        check_guru_may_take_ct(request.start, context.guru)
        days = calendar_working_days(request.start, request.end, calendar)
        _check_ct_has_a_working_day(days)
        _check_ct_stays_in_one_year(request)
        _check_no_cb_in_the_ct_year(request, history)
        _check_ct_fits_the_balance(request, context, history, days)
    else:
        days = (request.end - request.start).days + 1
    if request.leave_type is LeaveType.CB:
        _check_no_ct_in_the_cb_year(request, history)
    if request.leave_type is LeaveType.CM:
        _check_employee_is_female(context)
        _check_birth_order_is_first_to_third(request)
    if request.leave_type is LeaveType.CAP:
        _check_a_reason_is_given(request)
    check_cumulative_cap(request.leave_type.value, request.start, request.end, history)
    return LeaveRecord(request.leave_type, request.start, request.end, days)


@dataclass(frozen=True)
class _Limits:
    who: frozenset[EmploymentType] = frozenset(EmploymentType)
    min_service_years: int = 0
    # "At most N months" means the leave ends before the same day N months after it starts.
    max_months: int | None = None


# PPPK have no cuti besar and no CLTN; CLTN is for a PNS only (asn-rules.md §5).
_LIMITS: dict[LeaveType, _Limits] = {
    LeaveType.CT: _Limits(min_service_years=1),
    LeaveType.CB: _Limits(frozenset({EmploymentType.PNS, EmploymentType.CPNS}), 5, 3),
    LeaveType.CS: _Limits(max_months=18),  # 1 year, extendable by 6 months
    LeaveType.CM: _Limits(max_months=3),
    LeaveType.CAP: _Limits(max_months=1),
    LeaveType.CLTN: _Limits(frozenset({EmploymentType.PNS}), 5, 36),
}


def _check_end_is_not_before_start(request: LeaveRequest) -> None:
    if request.end < request.start:
        raise InvalidLeaveRequest(
            N_("Leave ends ({end}) before it starts ({start})."),
            end=request.end,
            start=request.start,
        )


def _check_it_overlaps_no_other_leave(
    request: LeaveRequest, history: Sequence[LeaveRecord]
) -> None:
    for r in history:
        if r.start <= request.end and request.start <= r.end:
            raise LeaveNotAllowed(
                N_("The request overlaps {leave} from {start} to {end}."),
                leave=LEAVE_TYPE_NAMES[r.leave_type],
                start=r.start,
                end=r.end,
            )


def _check_employment_type_may_take_it(
    limits: _Limits, request: LeaveRequest, context: LeaveContext
) -> None:
    if context.employment_type not in limits.who:
        *some, last = sorted(t.value for t in limits.who)
        raise LeaveNotAllowed(
            N_("{leave} is only for {who}, not for a {employment_type}."),
            leave=LEAVE_TYPE_NAMES[request.leave_type],
            who=Phrase(N_("{some} or {last}"), some=", ".join(some), last=last) if some else last,
            employment_type=context.employment_type.value,
        )


def _check_service_is_long_enough(
    limits: _Limits, request: LeaveRequest, context: LeaveContext
) -> None:
    earliest = add_months(context.service_start, 12 * limits.min_service_years)
    if request.start < earliest:
        raise LeaveNotAllowed(
            N_(
                "{leave} needs {years} year(s) of service; service began {service_start}, so "
                "it may start on {earliest} at the earliest."
            ),
            leave=LEAVE_TYPE_NAMES[request.leave_type],
            years=limits.min_service_years,
            service_start=context.service_start,
            earliest=earliest,
        )


def _check_it_is_not_longer_than_allowed(limits: _Limits, request: LeaveRequest) -> None:
    if limits.max_months is None:
        return
    limit = add_months(request.start, limits.max_months)
    if request.end >= limit:
        raise LeaveNotAllowed(
            N_(
                "{leave} lasts at most {months} month(s): starting {start}, it must end "
                "before {limit}."
            ),
            leave=LEAVE_TYPE_NAMES[request.leave_type],
            months=limits.max_months,
            start=request.start,
            limit=limit,
        )


def _check_ct_has_a_working_day(days: int) -> None:
    if days < 1:
        raise InvalidLeaveRequest(
            N_(
                "Cuti tahunan must include at least one working day (Mon–Fri, not a holiday or "
                "cuti bersama)."
            )
        )


def _check_ct_stays_in_one_year(request: LeaveRequest) -> None:
    # The balance is kept per calendar year, so a CT over New Year is two requests.
    if request.start.year != request.end.year:
        raise InvalidLeaveRequest(
            N_("Cuti tahunan may not span two years; split it at 31 December.")
        )


def _check_no_cb_in_the_ct_year(request: LeaveRequest, history: Sequence[LeaveRecord]) -> None:
    year = request.start.year
    if any(r.leave_type is LeaveType.CB and r.start.year == year for r in history):
        raise LeaveNotAllowed(
            N_("Cuti besar was taken in {year}; it forfeits that year's CT."), year=year
        )


def _check_ct_fits_the_balance(
    request: LeaveRequest, context: LeaveContext, history: Sequence[LeaveRecord], days: int
) -> None:
    balance = annual_leave_balance(request.start.year, history, context)
    if days > balance.remaining:
        raise InsufficientLeaveBalance(
            N_("Cuti tahunan {year}: {days} working days requested, but only {remaining} remain."),
            year=balance.year,
            days=days,
            remaining=balance.remaining,
        )


def _check_no_ct_in_the_cb_year(request: LeaveRequest, history: Sequence[LeaveRecord]) -> None:
    year = request.start.year
    if any(r.leave_type is LeaveType.CT and r.start.year == year for r in history):
        raise LeaveNotAllowed(
            N_(
                "Cuti tahunan was already taken in {year}; cuti besar forfeits that year's "
                "cuti tahunan, so both cannot be taken in the same year."
            ),
            year=year,
        )


def _check_employee_is_female(context: LeaveContext) -> None:
    if context.sex is not Sex.FEMALE:
        raise LeaveNotAllowed(N_("Cuti melahirkan is only for a female employee."))


def _check_birth_order_is_first_to_third(request: LeaveRequest) -> None:
    if request.birth_order is None:
        raise InvalidLeaveRequest(
            N_("Cuti melahirkan needs the birth order (1 for the first child).")
        )
    if request.birth_order < 1:
        raise InvalidLeaveRequest(
            N_("Birth order must be 1 or more, not {birth_order}."),
            birth_order=request.birth_order,
        )
    if request.birth_order > 3:
        raise LeaveNotAllowed(
            N_(
                "Cuti melahirkan covers the 1st to 3rd birth; for a 4th or later birth use "
                "cuti besar."
            )
        )


def _check_a_reason_is_given(request: LeaveRequest) -> None:
    if not (request.reason and request.reason.strip()):
        raise ReasonRequired(
            N_("Cuti karena alasan penting needs a reason (e.g. a parent is ill).")
        )
