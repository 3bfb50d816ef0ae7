"""Ledger queries: the signed checkpoint, inclusion and consistency proofs, evidence bundles."""

from __future__ import annotations

from typing import Any, cast
from uuid import UUID

import strawberry
from strawberry import Info
from strawberry.scalars import JSON

from domain.errors import N_, EmployeeNotFound
from graphql_api.appraisal.queries import load_cycle
from graphql_api.context import Context
from graphql_api.fields import resolver
from graphql_api.ledger import reads
from graphql_api.ledger.types import ConsistencyProof, InclusionProof, LedgerCheckpoint, hashes
from projections.employees import employee_by_nip
from services.ledger.settings import LedgerSettings
from services.personnel import normalize_nip
from services.read_pool import TenantPool
from services.runtime import Runtime


async def evidence_of(
    runtime: Runtime, pool: TenantPool, tenant: str, nip: str, cycle_id: UUID | None
) -> dict[str, Any]:
    """The bundle of an employee of `tenant` (the caller's access already checked)."""
    employee = await employee_by_nip(pool, normalize_nip(nip))
    if employee is None or employee.tenant != tenant:
        raise EmployeeNotFound(
            N_("No employee with NIP {nip} in {tenant}."), nip=nip, tenant=tenant
        )
    # With witnesses configured, a bundle is proven against what they cosigned.
    witnessed = bool(LedgerSettings.from_env(runtime.database.dbname).witnesses)
    about = {"nip": employee.nip, "tenant": tenant}
    return await reads.bundle(runtime.personnel, employee.id, cycle_id, witnessed, about)


@strawberry.type
class LedgerQueries:
    @resolver(
        "The latest signed checkpoint of the ledger, or the one issued for `size` leaves. "
        "Verify its note with the log's public key (`jejak serve` prints it)."
    )
    async def ledger_checkpoint(
        self, info: Info[Context, None], size: int | None = None
    ) -> LedgerCheckpoint:
        stored = await reads.read(info.context.runtime.personnel, reads.checkpoint(size))
        return LedgerCheckpoint.from_stored(stored)

    @resolver(
        "The inclusion proof of the event at log `position` in the tree of `treeSize` leaves "
        "(a checkpoint's size): log₂ of the tree's size hashes. Hashes only, no event data."
    )
    async def inclusion_proof(
        self, info: Info[Context, None], position: int, tree_size: int
    ) -> InclusionProof:
        index, path = await reads.read(
            info.context.runtime.personnel, reads.inclusion(position, tree_size)
        )
        return InclusionProof(
            position=position, leaf_index=index, tree_size=tree_size, hashes=hashes(path)
        )

    @resolver(
        "The consistency proof between the trees of `fromSize` and `toSize` leaves (two "
        "checkpoints' sizes): the older is a prefix of the newer, nothing was rewritten."
    )
    async def consistency_proof(
        self, info: Info[Context, None], from_size: int, to_size: int
    ) -> ConsistencyProof:
        path = await reads.read(
            info.context.runtime.personnel, reads.consistency(from_size, to_size)
        )
        return ConsistencyProof(from_size=from_size, to_size=to_size, hashes=hashes(path))

    @resolver(
        "One employee's evidence bundle (jejak-evidence-bundle/v1): their events as stored, "
        "each with an inclusion proof against one signed checkpoint (the latest witnessed one "
        "when witnesses are configured), as one JSON document `jejak-verify` checks offline. "
        "With `cycleId`, only their appraisal in that cycle and the cycle facts its predikat "
        "rests on. Events newer than the checkpoint are listed under `pending`. The person, "
        "their supervisor chain, HR and auditors only."
    )
    async def evidence_bundle(
        self, info: Info[Context, None], nip: str, cycle_id: strawberry.ID | None = None
    ) -> JSON:
        context = info.context
        cycle = None if cycle_id is None else (await load_cycle(context, cycle_id)).id
        bundle = await evidence_of(context.runtime, context.pool, context.caller.tenant, nip, cycle)
        return cast(JSON, bundle)
