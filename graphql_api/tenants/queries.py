"""Queries on registered instansi."""

from __future__ import annotations

import strawberry
from strawberry import Info

from access.roles import PLATFORM
from graphql_api.context import Context
from graphql_api.fields import resolver
from graphql_api.paging import TENANTS, description, page_after
from graphql_api.tenants.types import Tenant
from projections.tenants import registered_tenants, tenant_by_code


@strawberry.type
class TenantQueries:
    @resolver(
        description(
            "Registered instansi by code: all of them for the platform admin, else the "
            "caller's own.",
            TENANTS,
            "the code of the last instansi seen",
        )
    )
    async def tenants(
        self, info: Info[Context, None], first: int = TENANTS.default, after: str | None = None
    ) -> list[Tenant]:
        caller, pool = info.context.caller, info.context.pool
        if caller.actor.role in PLATFORM:
            rows = await registered_tenants(pool)
        else:
            own = await tenant_by_code(pool, caller.tenant)
            rows = [own] if own is not None else []
        page = page_after(rows, first, TENANTS, lambda row: row.code, after)
        return [Tenant.from_row(row) for row in page]
