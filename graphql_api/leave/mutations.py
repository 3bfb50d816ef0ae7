"""Mutations on cuti."""

from __future__ import annotations

from datetime import date

import strawberry
from strawberry import Info

from graphql_api.commands import run_command
from graphql_api.context import Context
from graphql_api.enums import LeaveType
from graphql_api.fields import mutation
from graphql_api.payloads import EmployeeRecorded


@strawberry.input(description="Cuti to grant after the eligibility and balance checks.")
class GrantLeaveInput:
    nip: str
    leave_type: LeaveType
    start: date
    end: date = strawberry.field(description="The last day of leave (inclusive).")
    birth_order: int | None = strawberry.field(
        default=None, description="For cuti melahirkan (CM): 1 for the first child."
    )
    reason: str | None = strawberry.field(
        default=None, description="Required for cuti karena alasan penting (CAP)."
    )
    expected_version: int | None = strawberry.field(
        default=None, description="Refuse with CONFLICT unless the employee is at this version."
    )


@strawberry.type
class GrantLeavePayload(EmployeeRecorded):
    pass


@strawberry.type
class LeaveMutations:
    @mutation("Grant and record cuti.")
    async def grant_leave(
        self, info: Info[Context, None], input: GrantLeaveInput
    ) -> GrantLeavePayload:
        outcome = await run_command(
            info.context,
            info.context.runtime.personnel.grant_leave,
            nip=input.nip,
            leave_type=input.leave_type,
            start=input.start,
            end=input.end,
            birth_order=input.birth_order,
            reason=input.reason,
            expected_version=input.expected_version,
        )
        return GrantLeavePayload.of(outcome)
