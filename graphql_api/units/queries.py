"""Queries on unit kerja."""

from __future__ import annotations

import strawberry
from strawberry import Info

from domain.errors import N_, UnitNotFound
from graphql_api.context import Context
from graphql_api.fields import resolver
from graphql_api.ids import parse_id
from graphql_api.paging import UNIT_TREE, description, page_after
from graphql_api.time_travel.types import AsOfInput, resolve_point
from graphql_api.units.loaders import TreeIndex
from graphql_api.units.types import Unit
from projections.history_units import unit_tree_as_of


@strawberry.type
class UnitQueries:
    @resolver(
        description(
            "The caller tenant's units (or the subtree under `rootId`), parents "
            "before children: rebuild the tree from `parentId` and `depth`, or follow "
            "`children`. With `asOf`, the units known then and the head counts in effect "
            "then.",
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
        as_of: AsOfInput | None = None,
    ) -> list[Unit]:
        tenant = info.context.caller.tenant
        point = None
        if as_of is None:
            tree = await info.context.loaders.trees.of(tenant)
        else:
            point = await resolve_point(info.context, None, as_of)
            tree = TreeIndex(await unit_tree_as_of(info.context.pool, tenant, point))
        rows = tree.rows if root_id is None else tree.subtree(parse_id(root_id, "rootId"))
        if root_id is not None and not rows:
            raise UnitNotFound(
                N_("No unit kerja {root_id} in {tenant}."), root_id=root_id, tenant=tenant
            )
        after_id = parse_id(after, "after") if after is not None else None
        page = page_after(rows, first, UNIT_TREE, lambda row: row.id, after_id)
        return [Unit.from_row(row, tree if point else None, point) for row in page]
