"""GraphQL types of unit kerja."""

from __future__ import annotations

from uuid import UUID

import strawberry
from strawberry import Info

from domain.errors import UnitNotFound
from graphql_api.context import Context
from graphql_api.enums import UnitKind
from graphql_api.fields import resolver
from graphql_api.ids import to_id
from projections.units import UnitRow


@strawberry.type(description="A unit kerja of a tenant (Dinas, Bidang, Seksi, …).")
class Unit:
    id: strawberry.ID
    code: str = strawberry.field(description="The unit's code, unique within its tenant.")
    name: str
    kind: UnitKind
    parent_id: strawberry.ID | None = strawberry.field(description="Null for a top-level unit.")
    depth: int = strawberry.field(description="1 for a top-level unit, 2 under it, and so on.")
    row: strawberry.Private[UnitRow]

    @classmethod
    def from_row(cls, row: UnitRow) -> Unit:
        return cls(
            id=to_id(row.id),
            code=row.code,
            name=row.name,
            kind=UnitKind(row.kind),
            parent_id=to_id(row.parent_id) if row.parent_id else None,
            depth=row.depth,
            row=row,
        )

    @resolver("Active employees in this unit and every unit under it.")
    async def head_count(self, info: Info[Context, None]) -> int:
        tree = await info.context.loaders.trees.of(self.row.tenant)
        row = tree.by_id.get(self.row.id)
        return row.head_count if row else 0

    @resolver("The units directly under this one.")
    async def children(self, info: Info[Context, None]) -> list[Unit]:
        tree = await info.context.loaders.trees.of(self.row.tenant)
        return [Unit.from_row(child) for child in tree.children.get(self.row.id, [])]


async def load_unit(context: Context, unit_id: UUID) -> Unit:
    """A unit through the request's batching loader."""
    row = await context.loaders.units.load(unit_id)
    if row is None:
        raise UnitNotFound(f"No unit kerja {unit_id}.")
    return Unit.from_row(row)
