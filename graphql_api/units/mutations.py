"""Mutations on unit kerja."""

from __future__ import annotations

import strawberry
from strawberry import Info

from graphql_api.commands import run_command
from graphql_api.context import Context
from graphql_api.enums import UnitKind
from graphql_api.fields import mutation
from graphql_api.ids import parse_id
from graphql_api.payloads import UnitRecorded


@strawberry.input(description="A new unit kerja, nested under `parentId` if given.")
class CreateUnitInput:
    code: str = strawberry.field(description="1–40 letters, digits, '.', '-' or '_'.")
    name: str
    kind: UnitKind
    parent_id: strawberry.ID | None = None
    reason: str | None = None


@strawberry.type
class CreateUnitPayload(UnitRecorded):
    pass


@strawberry.type
class UnitMutations:
    @mutation("Create a unit kerja of the caller's tenant.")
    async def create_unit(
        self, info: Info[Context, None], input: CreateUnitInput
    ) -> CreateUnitPayload:
        parent_id = parse_id(input.parent_id, "parentId") if input.parent_id else None
        outcome = await run_command(
            info.context,
            info.context.runtime.personnel.create_unit,
            code=input.code,
            name=input.name,
            kind=input.kind,
            parent_id=parent_id,
            reason=input.reason,
        )
        return CreateUnitPayload.of(outcome)
