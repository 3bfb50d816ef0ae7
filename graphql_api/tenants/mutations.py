"""Mutations on instansi: the platform admin registers them."""

from __future__ import annotations

import strawberry
from strawberry import Info

from graphql_api.commands import run_command
from graphql_api.context import Context
from graphql_api.fields import mutation
from graphql_api.tenants.types import RegisterTenantInput, RegisterTenantPayload


@strawberry.type
class TenantMutations:
    @mutation("The platform admin registers an instansi; until then nobody may act for it.")
    async def register_tenant(
        self, info: Info[Context, None], input: RegisterTenantInput
    ) -> RegisterTenantPayload:
        outcome = await run_command(
            info.context,
            info.context.runtime.tenants.register_tenant,
            code=input.code,
            name=input.name,
            kind=input.kind.value,
            reason=input.reason,
        )
        return RegisterTenantPayload(
            code=input.code.strip(), version=outcome.version, position=outcome.position
        )
