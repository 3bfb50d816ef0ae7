"""Oversight queries: one employee's event history, the whole log's, and appraisers' results."""

from __future__ import annotations

import strawberry
from strawberry import Info

from domain.errors import N_, CycleNotFound, EmployeeNotFound
from graphql_api.audit.appraisers import AppraiserStatistics
from graphql_api.audit.filters import AuditEventFilter
from graphql_api.audit.platform import PlatformPool
from graphql_api.audit.types import EmployeeEvent, PlatformEvent
from graphql_api.context import Context
from graphql_api.errors import InvalidArgument
from graphql_api.fields import resolver
from graphql_api.ids import parse_id
from graphql_api.paging import APPRAISER_STATS, AUDIT_EVENTS, EMPLOYEE_EVENTS, Page, check_first
from projections.appraisal_cycles import cycle_by_id
from projections.appraiser_stats import appraiser_stats
from projections.audit_events import audit_events
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
        employee = await employee_by_nip(info.context.pool, normalize_nip(nip))
        if employee is None or employee.tenant != caller.tenant:
            message = N_("No employee with NIP {nip} in {tenant}.")
            raise EmployeeNotFound(message, nip=nip, tenant=caller.tenant)
        after, first = _page(after, first, EMPLOYEE_EVENTS)
        events = await events_about(info.context.pool, employee.id, after, first)
        return [EmployeeEvent.from_logged(event) for event in events]

    @resolver(
        "Events of the caller's tenant across the whole log by actor, role, type, period and "
        "words in the reason, in log order; page with `after` (the last position seen). "
        f"Auditors only; `first` is at most {AUDIT_EVENTS.maximum}."
    )
    async def audit_events(
        self,
        info: Info[Context, None],
        filter: AuditEventFilter | None = None,
        after: int | None = None,
        first: int = AUDIT_EVENTS.default,
    ) -> list[EmployeeEvent]:
        where = (filter or AuditEventFilter()).event_filter(platform=False)
        events = await audit_events(info.context.pool, where, *_page(after, first))
        return [EmployeeEvent.from_logged(event) for event in events]

    @resolver(
        "The platform's own acts (instansi registered, national policy recorded), of every "
        "tenant, filtered and paged as auditEvents; no tenant's data. The platform admin "
        f"only; `first` is at most {AUDIT_EVENTS.maximum}."
    )
    async def platform_events(
        self,
        info: Info[Context, None],
        filter: AuditEventFilter | None = None,
        after: int | None = None,
        first: int = AUDIT_EVENTS.default,
    ) -> list[PlatformEvent]:
        where = (filter or AuditEventFilter()).event_filter(platform=True)
        pool = PlatformPool(info.context.runtime.pool)
        events = await audit_events(pool, where, *_page(after, first))
        return [PlatformEvent.from_logged(event) for event in events]

    @resolver(
        "Calibration and leniency per appraiser in one cycle of the caller's tenant: the "
        "share of each predikat they gave against their appraisees' units' and the tenant's, "
        "their annual ratings calibrators raised or lowered, and objections upheld against "
        f"them; by appraiser, paged with `after` (the last appraiser seen). Auditors only; "
        f"`first` is at most {APPRAISER_STATS.maximum}."
    )
    async def appraiser_stats(
        self,
        info: Info[Context, None],
        cycle_id: strawberry.ID,
        after: str | None = None,
        first: int = APPRAISER_STATS.default,
    ) -> list[AppraiserStatistics]:
        caller = info.context.caller
        check_first(first, APPRAISER_STATS)
        cycle = await cycle_by_id(info.context.pool, caller.tenant, parse_id(cycle_id, "cycleId"))
        if cycle is None:
            message = N_("No appraisal cycle {cycle_id} in {tenant}.")
            raise CycleNotFound(message, cycle_id=cycle_id, tenant=caller.tenant)
        stats = await appraiser_stats(info.context.pool, cycle.id)
        page = [s for s in stats if after is None or s.appraiser > after][:first]
        return [AppraiserStatistics.from_stats(s) for s in page]


def _page(after: int | None, first: int, page: Page = AUDIT_EVENTS) -> tuple[int | None, int]:
    check_first(first, page)
    if after is not None and after < 0:
        raise InvalidArgument(N_("after must not be negative."))
    return after, first
