"""Per-request loaders of the training read models: one query per batch of keys."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import TypeVar
from uuid import UUID

import asyncpg
from strawberry.dataloader import DataLoader

from projections.external_learning import SubmissionRow, submissions_of
from projections.mentorings import MentoringRow, mentorings_of
from projections.training_programmes import (
    ParticipantRow,
    ProgrammeRow,
    participations,
    programmes_by_ids,
    rosters,
)

V = TypeVar("V")


def _loader(
    pool: asyncpg.Pool, query: Callable[[asyncpg.Pool, Sequence[UUID]], Awaitable[list[V]]]
) -> DataLoader[UUID, V]:
    async def load(ids: list[UUID]) -> Sequence[V]:
        return await query(pool, ids)

    return DataLoader(load_fn=load)


def programme_loader(pool: asyncpg.Pool) -> DataLoader[UUID, ProgrammeRow | None]:
    """Programmes by id."""
    return _loader(pool, programmes_by_ids)


def roster_loader(pool: asyncpg.Pool) -> DataLoader[UUID, list[ParticipantRow]]:
    """Participants by programme id."""
    return _loader(pool, rosters)


def participation_loader(pool: asyncpg.Pool) -> DataLoader[UUID, list[ParticipantRow]]:
    """Places in programmes (the training history) by employee id."""
    return _loader(pool, participations)


def mentoring_loader(pool: asyncpg.Pool) -> DataLoader[UUID, list[MentoringRow]]:
    """Mentorings, as mentor or mentee, by employee id."""
    return _loader(pool, mentorings_of)


def submission_loader(pool: asyncpg.Pool) -> DataLoader[UUID, list[SubmissionRow]]:
    """External learning submissions by employee id."""
    return _loader(pool, submissions_of)
