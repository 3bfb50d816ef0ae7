"""Per-request loaders of appraisal read models: cycles by id, appraisal histories by employee."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

import asyncpg
from strawberry.dataloader import DataLoader

from projections.appraisal_cycles import CycleRow, cycles_by_ids
from projections.appraisal_records import appraisal_histories


def cycle_loader(pool: asyncpg.Pool) -> DataLoader[UUID, CycleRow | None]:
    """Appraisal cycles by id, in one query per batch."""

    async def load(ids: list[UUID]) -> Sequence[CycleRow | None]:
        return await cycles_by_ids(pool, ids)

    return DataLoader(load_fn=load)


def appraisal_history_loader(pool: asyncpg.Pool) -> DataLoader[UUID, list[dict[str, Any]]]:
    """Each employee's appraisals across cycles, in one query per batch."""

    async def load(ids: list[UUID]) -> Sequence[list[dict[str, Any]]]:
        return await appraisal_histories(pool, ids)

    return DataLoader(load_fn=load)
