"""Leave types, contexts and requests the cuti rule tests share."""

from __future__ import annotations

from datetime import date

from domain.employment import EmploymentType, Sex
from domain.holidays import working_days
from domain.leave import (
    LeaveContext,
    LeaveRecord,
    LeaveRequest,
    LeaveType,
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
