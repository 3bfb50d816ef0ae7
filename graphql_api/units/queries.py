"""Queries on unit kerja."""

from __future__ import annotations

import strawberry
from strawberry import Info

from domain.errors import UnitNotFound
from graphql_api.context import Context
from graphql_api.fields import resolver
from graphql_api.ids import parse_id
from graphql_api.units.types import Unit


@strawberry.type
class UnitQueries:
    @resolver(
        "The caller tenant's units (or the subtree under `rootId`), parents "
        "before children: rebuild the tree from `parentId` and `depth`, or follow `children`."
    )
    async def unit_tree(
        self, info: Info[Context, None], root_id: strawberry.ID | None = None
    ) -> list[Unit]:
        tenant = info.context.caller.tenant
        tree = await info.context.loaders.trees.of(tenant)
        if root_id is None:
            return [Unit.from_row(row) for row in tree.rows]
        subtree = tree.subtree(parse_id(root_id, "rootId"))
        if not subtree:
            raise UnitNotFound(f"No unit kerja {root_id} in {tenant}.")
        return [Unit.from_row(row) for row in subtree]
