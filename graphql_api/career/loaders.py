"""Per-request loader of career histories: one query for every employee in a batch."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

import asyncpg
from strawberry.dataloader import DataLoader

from projections.career import CareerEntry, career_histories


def career_loader(pool: asyncpg.Pool) -> DataLoader[UUID, list[CareerEntry]]:
    """Career histories by employee id."""

    async def load(ids: list[UUID]) -> Sequence[list[CareerEntry]]:
        return await career_histories(pool, ids)

    return DataLoader(load_fn=load)
