"""Queries on retirement: who reaches batas usia pensiun by a date, for HR's planning."""

from __future__ import annotations

from datetime import date

import strawberry
from strawberry import Info

from domain.dates import HORIZON, check_date
from domain.errors import N_
from graphql_api.context import Context
from graphql_api.fields import resolver
from graphql_api.paging import RETIRING, description, page_after
from graphql_api.retirement.types import RetiringEmployee
from projections.retiring import retiring_employees


@strawberry.type
class RetirementQueries:
    @resolver(
        description(
            "The tenant's active PNS and CPNS whose TMT pensiun (BUP by the jabatan held, PP "
            "11/2017 Pasal 239) falls on or before `by`, soonest first, then by NIP.",
            RETIRING,
            "the last NIP of the previous page",
        )
    )
    async def retiring_by(
        self,
        info: Info[Context, None],
        by: date,
        first: int = RETIRING.default,
        after: str | None = None,
    ) -> list[RetiringEmployee]:
        today = info.context.runtime.personnel.clock().date()
        check_date(by, N_("The date asked about"), HORIZON, today)
        rows = await retiring_employees(info.context.pool, info.context.caller.tenant, by)
        page = page_after(rows, first, RETIRING, key=lambda r: r.nip, after=after)
        return [RetiringEmployee.of(row) for row in page]
