"""Queries on policy data: the values of a kind in force on a day."""

from __future__ import annotations

from datetime import date

import strawberry
from strawberry import Info

from access.roles import PLATFORM
from domain.errors import N_, NotAllowedForRole
from domain.policy import NATIONAL, check_scope
from domain.policy_kinds import policy_kind
from graphql_api.context import Context
from graphql_api.fields import resolver
from graphql_api.policy.types import PolicyValues
from projections.policy_values import policy_in_force


@strawberry.type
class PolicyQueries:
    @resolver(
        "The values of a kind of policy in force on a day for a scope (default: the caller's "
        "tenant), the national ones where the tenant has none; null before any was recorded."
    )
    async def policy_values(
        self, info: Info[Context, None], kind: str, on: date, scope: str | None = None
    ) -> PolicyValues | None:
        caller = info.context.caller
        wanted = check_scope(
            scope or (NATIONAL if caller.actor.role in PLATFORM else caller.tenant)
        )
        if wanted not in (NATIONAL, caller.tenant) and caller.actor.role not in PLATFORM:
            raise NotAllowedForRole(N_("Policy values are the caller's tenant's or national ones."))
        row = await policy_in_force(info.context.pool, policy_kind(kind).name, wanted, on)
        return PolicyValues.from_row(row) if row is not None else None
