"""Queries on absence: a year's record and the hukuman it proposes (private to the person)."""

from __future__ import annotations

import strawberry
from strawberry import Info

from domain.absence import current_run, longest_run
from domain.absence_sanction import proposed_sanction
from domain.dates import check_year
from graphql_api.context import Context
from graphql_api.discipline.types import (
    AbsenceDayRecord,
    AbsenceSanction,
    AbsenceYear,
    ProposedSanction,
)
from graphql_api.fields import resolver
from projections.absences import absences_of
from projections.employees import employee_by_nip
from projections.policy_values import working_calendar
from services.personnel import normalize_nip


@strawberry.type
class DisciplineQueries:
    @resolver(
        "An employee's days absent without a valid reason in a year, their runs of working "
        "days, the hukuman imposed on them and what PP 94/2021 Pasal 11 proposes."
    )
    async def absences(self, info: Info[Context, None], nip: str, year: int) -> AbsenceYear | None:
        return await _absence_year(info, nip, year)

    @resolver("The hukuman PP 94/2021 Pasal 11 proposes for an employee's absences in a year.")
    async def proposed_sanction(
        self, info: Info[Context, None], nip: str, year: int
    ) -> ProposedSanction | None:
        found = await _absence_year(info, nip, year)
        return found.proposal if found else None


async def _absence_year(info: Info[Context, None], nip: str, year: int) -> AbsenceYear | None:
    check_year(year)
    employee = await employee_by_nip(info.context.pool, normalize_nip(nip))
    if employee is None or employee.tenant != info.context.caller.tenant:
        return None
    days, decisions = await absences_of(info.context.pool, employee.id, year)
    today = info.context.runtime.personnel.clock().date()
    calendar = await working_calendar(
        info.context.pool, employee.tenant, year, max(year, today.year)
    )
    working_day = calendar.is_working_day  # the recorded holidays, as the write side counts
    absent = [d.day for d in days if not d.excused]
    run = longest_run(absent, working_day)
    decided = any(d.days_absent >= len(absent) for d in decisions) and bool(absent)
    proposal = ProposedSanction.of(
        year, len(absent), run, proposed_sanction(len(absent), run), decided
    )
    return AbsenceYear(
        nip=employee.nip, year=year, days_absent=len(absent), longest_run=run,
        current_run=current_run(absent, today, working_day),
        days=[AbsenceDayRecord.from_row(d) for d in days],
        sanctions=[AbsenceSanction.from_row(d) for d in decisions], proposal=proposal,
    )  # fmt: skip
