"""Queries on the public's satisfaction: one unit's IKM, or every unit's in a period."""

from __future__ import annotations

import strawberry
from strawberry import Info

from domain.satisfaction import parse_period
from graphql_api.context import Context
from graphql_api.fields import resolver
from graphql_api.ids import parse_id
from graphql_api.paging import UNIT_SATISFACTIONS, description, page_after
from graphql_api.satisfaction.types import UnitSatisfaction
from projections.satisfaction import tenant_ikm, unit_ikm


@strawberry.type
class SatisfactionQueries:
    @resolver(
        "A unit's IKM (PermenPANRB 14/2017) over the SKM answers of `period` (YYYY, YYYY-S1/S2 "
        "or YYYY-Q1…Q4; a year or semester includes the shorter periods in it); null when the "
        "unit received none. Public: counts and indices only."
    )
    async def unit_satisfaction(
        self, info: Info[Context, None], unit_id: strawberry.ID, period: str
    ) -> UnitSatisfaction | None:
        context = info.context
        unit, survey_period = parse_id(str(unit_id), "unitId"), parse_period(period)
        found = await unit_ikm(context.pool, context.caller.tenant, unit, survey_period)
        return UnitSatisfaction.of(found) if found else None

    @resolver(
        description(
            "Every unit of the tenant with SKM answers in `period`, by unit id, with its IKM.",
            UNIT_SATISFACTIONS,
            "the unitId of the last unit seen",
        )
    )
    async def unit_satisfactions(
        self,
        info: Info[Context, None],
        period: str,
        first: int = UNIT_SATISFACTIONS.default,
        after: strawberry.ID | None = None,
    ) -> list[UnitSatisfaction]:
        context = info.context
        found = await tenant_ikm(context.pool, context.caller.tenant, parse_period(period))
        after_id = parse_id(str(after), "after") if after is not None else None
        page = page_after(found, first, UNIT_SATISFACTIONS, lambda u: u.unit_id, after_id)
        return [UnitSatisfaction.of(u) for u in page]
