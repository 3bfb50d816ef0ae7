"""Queries on what follows a finalised appraisal: one employee, a unit or the tenant."""

from __future__ import annotations

from datetime import date

import strawberry
from strawberry import Info

from graphql_api.context import Context
from graphql_api.fields import resolver
from graphql_api.ids import parse_id
from graphql_api.paging import SUCCESSION, TINDAK_LANJUT, check_first, description, page_after
from graphql_api.tindak_lanjut.succession_types import SuccessionList
from graphql_api.tindak_lanjut.types import TindakLanjut
from projections.employee_scope import employees_in_scope
from projections.employees import employee_by_nip
from projections.succession import succession_report
from projections.tindak_lanjut import follow_ups
from services.personnel import normalize_nip

CANDIDATES_PER_POST = 5


@strawberry.type
class TindakLanjutQueries:
    @resolver(
        "What follows an employee's finalised predikat: TPP factor, award candidacy, the "
        "promotion predikat condition, angka kredit (JF), PPPK renewal advice, development."
    )
    async def tindak_lanjut(self, info: Info[Context, None], nip: str) -> TindakLanjut | None:
        row = await employee_by_nip(info.context.pool, normalize_nip(nip))
        if row is None or row.tenant != info.context.caller.tenant:
            return None
        [found] = await follow_ups(info.context.pool, [row.id], _today(info))
        return TindakLanjut.of(found)

    @resolver(
        description(
            "What follows the finalised predikat of everyone in service in a unit (with its "
            "sub-units by default) or, without unitId, in the whole tenant; by NIP.",
            TINDAK_LANJUT,
            "the last NIP seen",
        )
    )
    async def tindak_lanjut_list(
        self, info: Info[Context, None], unit_id: strawberry.ID | None = None,
        include_subunits: bool = True, first: int = TINDAK_LANJUT.default,
        after: str | None = None,
    ) -> list[TindakLanjut]:  # fmt: skip
        check_first(first, TINDAK_LANJUT)
        pool, tenant = info.context.pool, info.context.caller.tenant
        unit = parse_id(unit_id, "unitId") if unit_id is not None else None
        people = await employees_in_scope(pool, tenant, unit, include_subunits)
        page = page_after(people, first, TINDAK_LANJUT, lambda p: p["nip"], after)
        found = await follow_ups(pool, [p["id"] for p in page], _today(info))
        return [TindakLanjut.of(f) for f in found]

    @resolver(
        description(
            "Succession lists for the key jabatan (jabatan manajerial) of a unit and the units "
            "below it or, without unitId, of the tenant, from the latest finalised cycle's "
            "talent pool (9-box 7–9).",
            SUCCESSION,
        )
    )
    async def succession_lists(
        self, info: Info[Context, None], unit_id: strawberry.ID | None = None,
        first: int = SUCCESSION.default,
    ) -> list[SuccessionList]:  # fmt: skip
        check_first(first, SUCCESSION)
        unit = parse_id(unit_id, "unitId") if unit_id is not None else None
        report = await succession_report(
            info.context.pool, info.context.caller.tenant, unit, CANDIDATES_PER_POST
        )
        return [SuccessionList.of(s, report.names, report.cycle_year) for s in report.lists][:first]


def _today(info: Info[Context, None]) -> date:
    return info.context.runtime.personnel.clock().date()
