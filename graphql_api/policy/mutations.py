"""Mutations on policy data: the admin records national values, HR its own tenant's."""

from __future__ import annotations

import strawberry
from strawberry import Info

from graphql_api.commands import run_command
from graphql_api.context import Context
from graphql_api.fields import mutation
from graphql_api.policy.types import RecordPolicyValuesInput, RecordPolicyValuesPayload


@strawberry.type
class PolicyMutations:
    @mutation(
        "Record a version of policy values with its source: the platform admin for `national`, "
        "an HR officer for its own tenant (kinds a tenant may set)."
    )
    async def record_policy_values(
        self, info: Info[Context, None], input: RecordPolicyValuesInput
    ) -> RecordPolicyValuesPayload:
        outcome = await run_command(
            info.context,
            info.context.runtime.policy.record_values,
            kind=input.kind,
            scope=input.scope,
            label=input.label,
            effective_from=input.effective_from,
            values=input.values,
            source=input.source,
            reason=input.reason,
        )
        return RecordPolicyValuesPayload(
            kind=input.kind.strip(),
            scope=input.scope.strip(),
            version=outcome.version,
            position=outcome.position,
        )
