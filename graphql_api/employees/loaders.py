"""Per-request loader of employees by id: every `load` in one tick becomes one query."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

import asyncpg
from strawberry.dataloader import DataLoader

from projections.employees import EmployeeRow, employees_by_ids


def employee_loader(pool: asyncpg.Pool) -> DataLoader[UUID, EmployeeRow | None]:
    """Employees by id, in one query per batch."""

    async def load(ids: list[UUID]) -> Sequence[EmployeeRow | None]:
        return await employees_by_ids(pool, ids)

    return DataLoader(load_fn=load)
