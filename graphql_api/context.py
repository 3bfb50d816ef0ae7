"""The per-request context every resolver gets: caller, runtime and fresh DataLoaders.

Loaders are created per request: a loader that outlived its request would cache rows
forever and could show one caller what another's request loaded.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any
from uuid import UUID

import asyncpg
from strawberry.dataloader import DataLoader

from graphql_api.appraisal.loaders import appraisal_history_loader, cycle_loader
from graphql_api.career.loaders import career_loader
from graphql_api.consistency import ReadAfter, read_after_from
from graphql_api.employees.loaders import employee_loader
from graphql_api.guard import AccessGuard
from graphql_api.identity import Identity
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
from services.read_pool import TenantPool
from services.runtime import Runtime


class Loaders:
    """Batching, per-request caches over the read models, each made when first used.

    Lazily: a request uses one or two of them, and making all of them for every request was a
    measurable share of a small query's cost (docs/benchmarks.md).
    """

    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    @classmethod
    def for_request(cls, pool: asyncpg.Pool) -> Loaders:
        """Fresh loaders over `pool`."""
        return cls(pool)

    @cached_property
    def units(self) -> DataLoader[UUID, UnitRow | None]:
        return unit_loader(self.pool)

    @cached_property
    def employees(self) -> DataLoader[UUID, EmployeeRow | None]:
        return employee_loader(self.pool)

    @cached_property
    def careers(self) -> DataLoader[UUID, list[CareerEntry]]:
        return career_loader(self.pool)

    @cached_property
    def leave(self) -> DataLoader[UUID, list[LeaveEntry]]:
        return leave_loader(self.pool)

    @cached_property
    def trees(self) -> TenantTrees:
        return TenantTrees(self.pool)

    @cached_property
    def appraisal_cycles(self) -> DataLoader[UUID, CycleRow | None]:
        return cycle_loader(self.pool)

    @cached_property
    def appraisal_histories(self) -> DataLoader[UUID, list[dict[str, Any]]]:
        return appraisal_history_loader(self.pool)

    @cached_property
    def training_programmes(self) -> DataLoader[UUID, ProgrammeRow | None]:
        return programme_loader(self.pool)

    @cached_property
    def training_rosters(self) -> DataLoader[UUID, list[ParticipantRow]]:
        return roster_loader(self.pool)

    @cached_property
    def training_histories(self) -> DataLoader[UUID, list[ParticipantRow]]:
        return participation_loader(self.pool)

    @cached_property
    def mentorings(self) -> DataLoader[UUID, list[MentoringRow]]:
        return mentoring_loader(self.pool)

    @cached_property
    def external_learning(self) -> DataLoader[UUID, list[SubmissionRow]]:
        return submission_loader(self.pool)


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

    @cached_property
    def pool(self) -> TenantPool:
        """The read models as the caller's tenant sees them (row-level security, see
        services/read_pool.py); without a caller, no tenant's rows at all."""
        return tenant_pool(self.runtime, self.identity)

    @cached_property
    def access(self) -> AccessGuard:
        """This request's side of the authorisation policy (graphql_api/guard.py)."""
        return AccessGuard(self.caller, self.pool)


def tenant_pool(runtime: Runtime, identity: Identity) -> TenantPool:
    """The runtime's read pool scoped to the identity's tenant (None without a caller)."""
    return TenantPool(runtime.pool, identity.caller.tenant if identity.caller else None)


def build_context(
    runtime: Runtime, headers: Mapping[str, str], correlation_id: str, identity: Identity
) -> Context:
    """The context of one request: its authenticated identity (graphql_api/authentication.py)
    and its headers (a malformed header is a 400)."""
    return Context(
        runtime=runtime,
        identity=identity,
        correlation_id=correlation_id,
        loaders=Loaders.for_request(tenant_pool(runtime, identity)),
        read_after=read_after_from(headers),
    )
