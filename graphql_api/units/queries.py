"""Queries on unit kerja."""

from __future__ import annotations

import strawberry
from strawberry import Info

from domain.errors import UnitNotFound
from graphql_api.context import Context
from graphql_api.fields import resolver
from graphql_api.ids import parse_id
from graphql_api.paging import UNIT_TREE, description, page_after
from graphql_api.units.types import Unit


@strawberry.type
class UnitQueries:
    @resolver(
        description(
            "The caller tenant's units (or the subtree under `rootId`), parents "
            "before children: rebuild the tree from `parentId` and `depth`, or follow "
            "`children`.",
            UNIT_TREE,
            "the id of the last unit seen",
        )
    )
    async def unit_tree(
        self,
        info: Info[Context, None],
        root_id: strawberry.ID | None = None,
        first: int = UNIT_TREE.default,
        after: strawberry.ID | None = None,
    ) -> list[Unit]:
        tenant = info.context.caller.tenant
        tree = await info.context.loaders.trees.of(tenant)
        rows = tree.rows if root_id is None else tree.subtree(parse_id(root_id, "rootId"))
        if root_id is not None and not rows:
            raise UnitNotFound(f"No unit kerja {root_id} in {tenant}.")
        after_id = parse_id(after, "after") if after is not None else None
        page = page_after(rows, first, UNIT_TREE, lambda row: row.id, after_id)
        return [Unit.from_row(row) for row in page]
