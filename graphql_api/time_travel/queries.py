"""`employeeChanges`: what became known about one employee in a period (issue 15)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

import strawberry
from strawberry import Info

from domain.aggregates.employee import no_employee
from domain.errors import N_
from graphql_api.context import Context
from graphql_api.errors import InvalidArgument
from graphql_api.fields import resolver
from graphql_api.paging import EMPLOYEE_CHANGES, check_first
from graphql_api.paging import description as paged
from graphql_api.time_travel.types import TimePoint, resolve_point
from projections.employees import employee_by_nip
from projections.history_changes import KnownChange, changes_known
from services.personnel import normalize_nip


@strawberry.type(description="One change that became known: when, by whom, why, and since when.")
class EmployeeChange:
    position: int = strawberry.field(description="Global log position of the event.")
    kind: str = strawberry.field(description="A career event kind, or LEAVE_GRANTED.")
    effective_on: date = strawberry.field(description="The date it took effect (TMT, start).")
    recorded_at: datetime = strawberry.field(description="When it was recorded: became known.")
    retroactive: bool = strawberry.field(
        description="Whether it took effect before the day it was recorded."
    )
    actor_id: str
    actor_role: str
    reason: str | None
    detail: str = strawberry.field(description="What changed, in words.")

    @classmethod
    def from_row(cls, row: KnownChange) -> EmployeeChange:
        return cls(
            position=row.position,
            kind=row.kind,
            effective_on=row.effective_on,
            recorded_at=row.recorded_at,
            retroactive=row.retroactive,
            actor_id=row.actor_id,
            actor_role=row.actor_role,
            reason=row.reason,
            detail=row.detail,
        )


@strawberry.type(description="The changes recorded in a period, and the point they were read at.")
class EmployeeChanges:
    as_of: TimePoint = strawberry.field(description="The log position the list was read at.")
    changes: list[EmployeeChange]


@strawberry.type
class TimeTravelQueries:
    @resolver(
        paged(
            "What became known about one employee in [from, to), in log order, retroactive "
            "decisions included, each with its position, actor and reason.",
            EMPLOYEE_CHANGES,
            "the last position seen",
        )
    )
    async def employee_changes(
        self,
        info: Info[Context, None],
        nip: str,
        from_: Annotated[datetime, strawberry.argument(name="from")],
        to: datetime | None = None,
        first: int = EMPLOYEE_CHANGES.default,
        after: int | None = None,
    ) -> EmployeeChanges:
        context = info.context
        check_first(first, EMPLOYEE_CHANGES)
        until = to or datetime.max.replace(tzinfo=from_.tzinfo)
        if from_.tzinfo is None or until.tzinfo is None:
            raise InvalidArgument(N_("from and to need their offset, e.g. 2024-03-01T00:00:00Z."))
        if after is not None and after < 0:
            raise InvalidArgument(N_("after must not be negative."))
        employee = await employee_by_nip(context.pool, normalize_nip(nip))
        if employee is None or employee.tenant != context.caller.tenant:
            raise no_employee(nip, context.caller.tenant)
        point = await resolve_point(context, employee.id, None)
        rows = await changes_known(
            context.pool, employee.id, from_, until, after_position=after, first=first
        )
        return EmployeeChanges(
            as_of=TimePoint.from_row(point),
            changes=[
                EmployeeChange.from_row(row) for row in rows if row.position <= point.position
            ],
        )
