"""The per-request context every resolver gets: caller, runtime and fresh DataLoaders.

Loaders are created per request: a loader that outlived its request would cache rows
forever and could show one caller what another's request loaded.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import asyncpg
from strawberry.dataloader import DataLoader

from graphql_api.appraisal.loaders import appraisal_history_loader, cycle_loader
from graphql_api.career.loaders import career_loader
from graphql_api.consistency import ReadAfter, read_after_from
from graphql_api.employees.loaders import employee_loader
from graphql_api.identity import Identity, identify
from graphql_api.leave.loaders import leave_loader
from graphql_api.training.loaders import (
    mentoring_loader,
    participation_loader,
    programme_loader,
    roster_loader,
    submission_loader,
)
from graphql_api.units.loaders import TenantTrees, unit_loader
from projections.appraisal_cycles import CycleRow
from projections.career import CareerEntry
from projections.employees import EmployeeRow
from projections.external_learning import SubmissionRow
from projections.leave import LeaveEntry
from projections.mentorings import MentoringRow
from projections.training_programmes import ParticipantRow, ProgrammeRow
from projections.units import UnitRow
from services.caller import Caller
from services.runtime import Runtime


@dataclass
class Loaders:
    """Batching, per-request caches over the read models."""

    units: DataLoader[UUID, UnitRow | None]
    employees: DataLoader[UUID, EmployeeRow | None]
    careers: DataLoader[UUID, list[CareerEntry]]
    leave: DataLoader[UUID, list[LeaveEntry]]
    trees: TenantTrees
    appraisal_cycles: DataLoader[UUID, CycleRow | None]
    appraisal_histories: DataLoader[UUID, list[dict[str, Any]]]
    training_programmes: DataLoader[UUID, ProgrammeRow | None]
    training_rosters: DataLoader[UUID, list[ParticipantRow]]
    training_histories: DataLoader[UUID, list[ParticipantRow]]
    mentorings: DataLoader[UUID, list[MentoringRow]]
    external_learning: DataLoader[UUID, list[SubmissionRow]]

    @classmethod
    def for_request(cls, pool: asyncpg.Pool) -> Loaders:
        """Fresh loaders over `pool`."""
        return cls(
            units=unit_loader(pool),
            employees=employee_loader(pool),
            careers=career_loader(pool),
            leave=leave_loader(pool),
            trees=TenantTrees(pool),
            appraisal_cycles=cycle_loader(pool),
            appraisal_histories=appraisal_history_loader(pool),
            training_programmes=programme_loader(pool),
            training_rosters=roster_loader(pool),
            training_histories=participation_loader(pool),
            mentorings=mentoring_loader(pool),
            external_learning=submission_loader(pool),
        )


@dataclass
class Context:
    """What a resolver may use: who calls, the runtime, and this request's loaders."""

    runtime: Runtime
    identity: Identity
    correlation_id: str
    loaders: Loaders
    read_after: ReadAfter | None = None

    @property
    def caller(self) -> Caller:
        """The authenticated caller, or UNAUTHENTICATED."""
        return self.identity.require()

    @property
    def pool(self) -> asyncpg.Pool:
        """The read-model connection pool."""
        return self.runtime.pool


def build_context(runtime: Runtime, headers: Mapping[str, str], correlation_id: str) -> Context:
    """The context of one request, from its headers (a malformed header is a 400)."""
    return Context(
        runtime=runtime,
        identity=identify(headers, correlation_id),
        correlation_id=correlation_id,
        loaders=Loaders.for_request(runtime.pool),
        read_after=read_after_from(headers),
    )
