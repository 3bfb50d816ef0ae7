"""GraphQL types of cuti: granted leave and the cuti tahunan balance."""

from __future__ import annotations

from datetime import date

import strawberry

from domain.leave import AnnualLeaveBalance
from graphql_api.enums import LeaveType
from projections.leave import LeaveEntry


@strawberry.type(description="Cuti granted to an employee.")
class LeaveRecord:
    position: int = strawberry.field(description="Global log position of the grant.")
    leave_type: LeaveType
    start: date
    end: date = strawberry.field(description="The last day of leave (inclusive).")
    days: int = strawberry.field(
        description="Working days for cuti tahunan (CT), calendar days for the other kinds."
    )
    reason: str | None

    @classmethod
    def from_entry(cls, entry: LeaveEntry) -> LeaveRecord:
        return cls(
            position=entry.position,
            leave_type=LeaveType(entry.leave_type),
            start=entry.start,
            end=entry.end,
            days=entry.days,
            reason=entry.reason,
        )


@strawberry.type(description="Cuti tahunan of one year, in working days.")
class LeaveBalance:
    year: int
    entitlement: int = strawberry.field(description="12 once eligible, 0 in a year of cuti besar.")
    carried_over: int = strawberry.field(description="Unused days carried from earlier years.")
    used: int
    remaining: int

    @classmethod
    def from_balance(cls, balance: AnnualLeaveBalance) -> LeaveBalance:
        return cls(
            year=balance.year,
            entitlement=balance.entitlement,
            carried_over=balance.carried_over,
            used=balance.used,
            remaining=balance.remaining,
        )
