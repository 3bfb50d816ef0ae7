"""GraphQL types of unit kerja."""

from __future__ import annotations

from uuid import UUID

import strawberry
from strawberry import Info

from domain.errors import N_, UnitNotFound
from graphql_api.context import Context
from graphql_api.enums import UnitKind
from graphql_api.fields import resolver
from graphql_api.ids import to_id
from graphql_api.time_travel.types import TimePoint, resolve_point
from graphql_api.units.loaders import TreeIndex
from projections.history import TimePoint as PointRow
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
    # Set by `unitTree(asOf: …)`: the tree as it stood then answers headCount and children.
    tree: strawberry.Private[TreeIndex | None] = None
    point: strawberry.Private[PointRow | None] = None

    @classmethod
    def from_row(
        cls, row: UnitRow, tree: TreeIndex | None = None, point: PointRow | None = None
    ) -> Unit:
        return cls(
            id=to_id(row.id),
            code=row.code,
            name=row.name,
            kind=UnitKind(row.kind),
            parent_id=to_id(row.parent_id) if row.parent_id else None,
            depth=row.depth,
            row=row,
            tree=tree,
            point=point,
        )

    @resolver("Active employees in this unit and every unit under it.")
    async def head_count(self, info: Info[Context, None]) -> int:
        tree = self.tree or await info.context.loaders.trees.of(self.row.tenant)
        row = tree.by_id.get(self.row.id)
        return row.head_count if row else 0

    @resolver("The units directly under this one.")
    async def children(self, info: Info[Context, None]) -> list[Unit]:
        if self.tree is not None:
            kids = self.tree.children.get(self.row.id, [])
            return [Unit.from_row(child, self.tree, self.point) for child in kids]
        tree = await info.context.loaders.trees.of(self.row.tenant)
        return [Unit.from_row(child) for child in tree.children.get(self.row.id, [])]

    @resolver(
        "The log position and valid date this unit was computed at: the `asOf` of "
        "`unitTree`, or now."
    )
    async def as_of(self, info: Info[Context, None]) -> TimePoint:
        return TimePoint.from_row(self.point or await resolve_point(info.context, None, None))


async def load_unit(context: Context, unit_id: UUID) -> Unit:
    """A unit through the request's batching loader."""
    row = await context.loaders.units.load(unit_id)
    if row is None:
        raise UnitNotFound(N_("No unit kerja {unit_id}."), unit_id=unit_id)
    return Unit.from_row(row)
