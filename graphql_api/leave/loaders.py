"""Per-request loader of leave records: one query for every employee in a batch."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

import asyncpg
from strawberry.dataloader import DataLoader

from projections.leave import LeaveEntry, leave_records


def leave_loader(pool: asyncpg.Pool) -> DataLoader[UUID, list[LeaveEntry]]:
    """Leave records by employee id."""

    async def load(ids: list[UUID]) -> Sequence[list[LeaveEntry]]:
        return await leave_records(pool, ids)

    return DataLoader(load_fn=load)
