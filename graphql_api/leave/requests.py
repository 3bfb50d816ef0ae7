"""Queries and mutations of leave requests: ask, consider, decide; a person's requests."""

from __future__ import annotations

import strawberry
from strawberry import Info

from domain.dates import check_year
from domain.errors import N_, NotAllowedForRole
from graphql_api.commands import run_command
from graphql_api.context import Context
from graphql_api.fields import mutation, resolver
from graphql_api.ids import parse_id
from graphql_api.leave.request_types import (
    DecideLeaveInput,
    DecideLeavePayload,
    LeaveRequest,
    MyLeave,
    RecommendLeaveInput,
    RecommendLeavePayload,
    RequestLeaveInput,
    RequestLeavePayload,
)
from graphql_api.leave.types import LeaveBalance
from graphql_api.paging import LEAVE_REQUESTS, check_first
from projections.employees import employee_by_nip
from projections.leave import leave_balance
from projections.leave_requests import leave_requests_of
from services.leave_requests import changed_dates
from services.personnel import normalize_nip


@strawberry.type
class LeaveRequestQueries:
    @resolver("An employee's leave requests, the latest first (private to the person).")
    async def leave_requests(
        self, info: Info[Context, None], nip: str, first: int = LEAVE_REQUESTS.default
    ) -> list[LeaveRequest]:
        check_first(first, LEAVE_REQUESTS)
        employee = await employee_by_nip(info.context.pool, normalize_nip(nip))
        if employee is None or employee.tenant != info.context.caller.tenant:
            return []
        rows = await leave_requests_of(info.context.pool, employee.id)
        return [LeaveRequest.from_row(row) for row in rows[:first]]

    @resolver("The caller's own cuti: the year's cuti tahunan balance and their requests.")
    async def my_leave(self, info: Info[Context, None], year: int) -> MyLeave | None:
        check_year(year)
        caller = info.context.caller
        if caller.nip is None:
            raise NotAllowedForRole(N_("Your own leave needs your NIP in the token."))
        employee = await employee_by_nip(info.context.pool, caller.nip)
        if employee is None or employee.tenant != caller.tenant:
            return None
        balance = await leave_balance(info.context.pool, employee, year)
        rows = await leave_requests_of(info.context.pool, employee.id)
        return MyLeave(
            nip=employee.nip,
            balance=LeaveBalance.from_balance(balance),
            requests=[LeaveRequest.from_row(row) for row in rows],
            employee_id=employee.id,
        )


@strawberry.type
class LeaveRequestMutations:
    @mutation("Ask for cuti under your own NIP; refused at once if the leave rules refuse it.")
    async def request_leave(
        self, info: Info[Context, None], input: RequestLeaveInput
    ) -> RequestLeavePayload:
        outcome = await run_command(
            info.context,
            info.context.runtime.leave_requests.request_leave,
            leave_type=input.leave_type,
            start=input.start,
            end=input.end,
            birth_order=input.birth_order,
            reason=input.reason,
        )
        return RequestLeavePayload.of(outcome)

    @mutation("The atasan langsung's pertimbangan on a leave request of their own team.")
    async def recommend_leave(
        self, info: Info[Context, None], input: RecommendLeaveInput
    ) -> RecommendLeavePayload:
        await info.context.access.require_team(input.nip, "Recommending leave")
        outcome = await run_command(
            info.context,
            info.context.runtime.leave_requests.recommend_leave,
            request_id=parse_id(input.request_id, "requestId"),
            nip=input.nip,
            consideration=input.consideration,
            reason=input.reason,
        )
        return RecommendLeavePayload.of(outcome)

    @mutation(
        "The keputusan: the PPK decides any kind, HR the kinds its recorded delegation covers "
        "(never CLTN); DISETUJUI or PERUBAHAN grants and charges the balance."
    )
    async def decide_leave(
        self, info: Info[Context, None], input: DecideLeaveInput
    ) -> DecideLeavePayload:
        outcome = await run_command(
            info.context,
            info.context.runtime.leave_requests.decide_leave,
            request_id=parse_id(input.request_id, "requestId"),
            consideration=input.consideration,
            reason=input.reason,
            changed=changed_dates(input.start, input.end),
        )
        return DecideLeavePayload.of(outcome)
