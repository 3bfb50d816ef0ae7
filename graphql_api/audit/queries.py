"""Oversight queries: the full event history of an employee."""

from __future__ import annotations

import strawberry
from strawberry import Info

from domain.errors import EmployeeNotFound
from graphql_api.audit.types import EmployeeEvent
from graphql_api.context import Context
from graphql_api.errors import InvalidArgument, PageTooLarge
from graphql_api.fields import resolver
from graphql_api.paging import EMPLOYEE_EVENTS
from projections.employees import employee_by_nip
from projections.event_log import events_about
from services.personnel import normalize_nip

MAX_EVENTS = EMPLOYEE_EVENTS.maximum


@strawberry.type
class AuditQueries:
    @resolver(
        "Every event concerning one employee of the caller's tenant, in log order: their own "
        "record's and those of the appraisals, training, mentoring and learning that name "
        "them. Page "
        f"with `after` (the last position seen). Auditors only; `first` is at most "
        f"{MAX_EVENTS}."
    )
    async def employee_events(
        self,
        info: Info[Context, None],
        nip: str,
        after: int | None = None,
        first: int = EMPLOYEE_EVENTS.default,
    ) -> list[EmployeeEvent]:
        caller = info.context.caller
        if first > MAX_EVENTS:
            raise PageTooLarge(f"first may be at most {MAX_EVENTS}, not {first}.", max=MAX_EVENTS)
        if first < 0 or (after is not None and after < 0):
            raise InvalidArgument("first and after must not be negative.")
        employee = await employee_by_nip(info.context.pool, normalize_nip(nip))
        if employee is None or employee.tenant != caller.tenant:
            raise EmployeeNotFound(f"No employee with NIP {nip} in {caller.tenant}.")
        events = await events_about(info.context.pool, employee.id, after, first)
        return [EmployeeEvent.from_logged(event) for event in events]
