"""GraphQL types of leave requests: the request, the employee's own view, inputs and payloads."""

from __future__ import annotations

from datetime import date, datetime
from typing import Self
from uuid import UUID

import strawberry

from domain.aggregates.leave_request import Consideration, RequestStatus
from domain.leave_authority import Authority
from graphql_api.enums import LeaveType
from graphql_api.ids import to_id
from graphql_api.leave.types import LeaveBalance
from graphql_api.payloads import Recorded
from projections.leave_requests import LeaveRequestRow
from services.outcome import Outcome

# The domain's enums, named for the schema (strawberry registers the class itself).
strawberry.enum(
    Consideration,
    name="LeaveConsideration",
    description="The form's four answers (Perka BKN 24/2017 Anak Lampiran I.b).",
)
strawberry.enum(RequestStatus, name="LeaveRequestStatus", description="Where a request stands.")
strawberry.enum(
    Authority, name="LeaveAuthority", description="The PPK, or HR under his recorded delegation."
)


@strawberry.type(description="A written request for cuti and what became of it.")
class LeaveRequest:
    id: strawberry.ID
    nip: str
    leave_type: LeaveType
    start: date = strawberry.field(description="The first day, as asked or as decided.")
    end: date = strawberry.field(description="The last day (inclusive), as asked or decided.")
    reason: str | None = strawberry.field(description="Why the employee asks (private).")
    status: RequestStatus
    requested_at: datetime
    recommendation: Consideration | None = strawberry.field(
        description="The atasan langsung's pertimbangan."
    )
    recommendation_reason: str | None
    recommended_by: str | None = strawberry.field(description="The atasan's NIP.")
    decision: Consideration | None = strawberry.field(
        description="The keputusan of the official who grants cuti."
    )
    decision_reason: str | None
    decided_by: str | None = strawberry.field(description="The user id of who decided.")
    authority: Authority | None
    on_behalf_of: str | None = strawberry.field(
        description="The PPK the decision is in the name of."
    )
    delegation: str | None = strawberry.field(description="The delegation decree HR acted under.")
    decided_at: datetime | None
    employee_id: strawberry.Private[UUID]

    def owner(self) -> tuple[UUID, frozenset[UUID]]:
        """Whose record it is, for the private fields' check."""
        return self.employee_id, frozenset()

    @classmethod
    def from_row(cls, row: LeaveRequestRow) -> LeaveRequest:
        return cls(
            id=to_id(row.id),
            nip=row.nip,
            leave_type=LeaveType(row.leave_type),
            start=row.start,
            end=row.end,
            reason=row.reason,
            status=RequestStatus(row.status),
            requested_at=row.requested_at,
            recommendation=Consideration(row.recommendation) if row.recommendation else None,
            recommendation_reason=row.recommendation_reason,
            recommended_by=row.recommended_by,
            decision=Consideration(row.decision) if row.decision else None,
            decision_reason=row.decision_reason,
            decided_by=row.decided_by,
            authority=Authority(row.authority) if row.authority else None,
            on_behalf_of=row.on_behalf_of,
            delegation=row.delegation,
            decided_at=row.decided_at,
            employee_id=row.employee_id,
        )


@strawberry.type(description="The caller's own cuti: the year's balance and their requests.")
class MyLeave:
    nip: str
    balance: LeaveBalance
    requests: list[LeaveRequest] = strawberry.field(description="The latest first.")
    employee_id: strawberry.Private[UUID]

    def owner(self) -> tuple[UUID, frozenset[UUID]]:
        """Whose record it is (the caller's), for the private fields' check."""
        return self.employee_id, frozenset()


@strawberry.input(description="Cuti the caller asks for, under their own NIP (from the token).")
class RequestLeaveInput:
    leave_type: LeaveType
    start: date
    end: date = strawberry.field(description="The last day of leave (inclusive).")
    birth_order: int | None = strawberry.field(
        default=None, description="For cuti melahirkan (CM): 1 for the first child."
    )
    reason: str | None = strawberry.field(
        default=None, description="Why (required for cuti karena alasan penting); private."
    )


@strawberry.input(description="The atasan langsung's pertimbangan on a request of their team.")
class RecommendLeaveInput:
    request_id: strawberry.ID
    nip: str = strawberry.field(description="The NIP of the employee who asked.")
    consideration: Consideration
    reason: str | None = strawberry.field(default=None, description="Required but for DISETUJUI.")


@strawberry.input(description="The keputusan of the PPK, or of HR under his delegation.")
class DecideLeaveInput:
    request_id: strawberry.ID
    consideration: Consideration
    reason: str | None = strawberry.field(default=None, description="Required but for DISETUJUI.")
    start: date | None = strawberry.field(default=None, description="PERUBAHAN: the new first day.")
    end: date | None = strawberry.field(default=None, description="PERUBAHAN: the new last day.")


@strawberry.interface(description="A command on one leave request was recorded.")
class LeaveRequestRecorded(Recorded):
    request_id: strawberry.ID

    @classmethod
    def of(cls, outcome: Outcome) -> Self:
        """The payload for a command's outcome (the request is its first aggregate)."""
        return cls(
            request_id=to_id(outcome.aggregate_id),
            version=outcome.version,
            position=outcome.position,
        )


@strawberry.type
class RequestLeavePayload(LeaveRequestRecorded):
    pass


@strawberry.type
class RecommendLeavePayload(LeaveRequestRecorded):
    pass


@strawberry.type
class DecideLeavePayload(LeaveRequestRecorded):
    pass
