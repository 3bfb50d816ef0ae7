"""Cuti kinds, records and the cuti tahunan balance (PP 11/2017 Pasal 310–341; Perka BKN 24/2017
as amended by Peraturan BKN 7/2021). Whether a request may be granted: domain/leave_rules.py."""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from domain.employment import EmploymentType, Sex


class LeaveType(StrEnum):
    """The kinds of cuti granted to one person."""

    # Cuti bersama is decreed for everyone each year by the President, not granted per person,
    # so it is not a LeaveType (and it does not reduce cuti tahunan).
    CT = "CT"  # cuti tahunan
    CB = "CB"  # cuti besar
    CS = "CS"  # cuti sakit
    CM = "CM"  # cuti melahirkan
    CAP = "CAP"  # cuti karena alasan penting
    CLTN = "CLTN"  # cuti di luar tanggungan negara


LEAVE_TYPE_NAMES: dict[LeaveType, str] = {
    LeaveType.CT: "Cuti Tahunan",
    LeaveType.CB: "Cuti Besar",
    LeaveType.CS: "Cuti Sakit",
    LeaveType.CM: "Cuti Melahirkan",
    LeaveType.CAP: "Cuti karena Alasan Penting",
    LeaveType.CLTN: "Cuti di Luar Tanggungan Negara",
}

ANNUAL_ENTITLEMENT = 12
_CARRY_CAP = 6  # 18 working days in all, the current year's 12 included
_LONG_CARRY_CAP = 12  # 24 in all after two eligible years with no CT taken


@dataclass(frozen=True)
class LeaveRecord:
    """Granted leave; `days` are working days for CT and calendar days for the rest."""

    leave_type: LeaveType
    start: date
    end: date  # inclusive
    days: int


@dataclass(frozen=True)
class LeaveRequest:
    """Leave asked for; `birth_order` is for CM, `reason` is required for CAP."""

    leave_type: LeaveType
    start: date
    end: date  # inclusive
    birth_order: int | None = None
    reason: str | None = None


@dataclass(frozen=True)
class LeaveContext:
    """What the leave rules need to know about the employee."""

    employment_type: EmploymentType
    sex: Sex
    service_start: date
    guru: bool = False  # a jabatan guru (or dosen): see leave_caps.check_guru_may_take_ct


@dataclass(frozen=True)
class AnnualLeaveBalance:
    """Cuti tahunan of one year, in working days."""

    year: int
    entitlement: int
    carried_over: int
    used: int
    remaining: int


def add_months(d: date, n: int) -> date:
    """The same day n months later, clamped to the end of a shorter month."""
    index = d.month - 1 + n
    year, month = d.year + index // 12, index % 12 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def annual_leave_balance(
    year: int, history: Sequence[LeaveRecord], context: LeaveContext
) -> AnnualLeaveBalance:
    """The cuti tahunan balance of a year, carrying unused days forward from the first year.

    Eligibility starts on the first anniversary of service; the full 12 days apply in the
    calendar year of that anniversary (check_leave still refuses CT starting before it).
    CT counts in the year it starts (a CT may not span two years). A year with a cuti besar
    has no CT at all, carried days included, so nothing carries out of it.
    """
    used = _ct_used_by_year(history)
    cb_years = {r.start.year for r in history if r.leave_type is LeaveType.CB}
    first = add_months(context.service_start, 12).year

    def untouched(y: int) -> bool:
        return y >= first and y not in cb_years and used.get(y, 0) == 0

    balance = AnnualLeaveBalance(year, 0, 0, used.get(year, 0), 0)
    for y in range(first, year + 1):
        unused = balance.remaining  # 0 before the first eligible year
        if y in cb_years:
            balance = AnnualLeaveBalance(y, 0, 0, used.get(y, 0), 0)
            continue
        cap = _LONG_CARRY_CAP if untouched(y - 1) and untouched(y - 2) else _CARRY_CAP
        carried = min(unused, cap)
        remaining = max(0, ANNUAL_ENTITLEMENT + carried - used.get(y, 0))
        balance = AnnualLeaveBalance(y, ANNUAL_ENTITLEMENT, carried, used.get(y, 0), remaining)
    return balance


def _ct_used_by_year(history: Sequence[LeaveRecord]) -> dict[int, int]:
    used: dict[int, int] = {}
    for r in history:
        if r.leave_type is LeaveType.CT:
            used[r.start.year] = used.get(r.start.year, 0) + r.days
    return used
