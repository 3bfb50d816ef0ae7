"""Per-request loaders for unit kerja: by id in one batch, and the tenant's tree at most once."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from uuid import UUID

import asyncpg
from strawberry.dataloader import DataLoader

from projections.units import UnitRow, unit_tree, units_by_ids


def unit_loader(pool: asyncpg.Pool) -> DataLoader[UUID, UnitRow | None]:
    """Units by id; every `load` in one tick becomes one query."""

    async def load(ids: list[UUID]) -> Sequence[UnitRow | None]:
        return await units_by_ids(pool, ids)

    return DataLoader(load_fn=load)


class TreeIndex:
    """One tenant's units in path order (parents first), with head counts and children."""

    def __init__(self, rows: list[UnitRow]) -> None:
        self.rows = rows
        self.by_id = {row.id: row for row in rows}
        self.children: dict[UUID, list[UnitRow]] = {}
        for row in rows:
            if row.parent_id is not None:
                self.children.setdefault(row.parent_id, []).append(row)

    def subtree(self, root_id: UUID) -> list[UnitRow]:
        """The unit and everything under it, parents first."""
        found: list[UnitRow] = []
        frontier = [self.by_id[root_id]] if root_id in self.by_id else []
        while frontier:
            row = frontier.pop()
            found.append(row)
            frontier.extend(reversed(self.children.get(row.id, [])))
        return found


class TenantTrees:
    """Each tenant's unit tree, read from the read model at most once per request."""

    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool
        self._pending: dict[str, asyncio.Future[TreeIndex]] = {}

    async def of(self, tenant: str) -> TreeIndex:
        """The tenant's whole tree (concurrent callers share one read)."""
        if tenant not in self._pending:
            self._pending[tenant] = asyncio.ensure_future(self._read(tenant))
        return await self._pending[tenant]

    async def _read(self, tenant: str) -> TreeIndex:
        return TreeIndex(await unit_tree(self.pool, tenant, None))
