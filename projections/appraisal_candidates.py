"""The enrolment feeder's reads: the unit tree and the active staff a cycle's units need.

`enrol` takes candidates and the unit tree; the appraiser of a unit head is the head of the
parent unit, so the staff of the participating units' ancestors are read too (the cycle enrols
only those of participating units; the others are there to be named as appraisers).
"""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

import asyncpg

from domain.appraisal import UnitNode
from domain.appraisal_enrolment import StaffMember
from projections.base import READ_SCHEMA


async def unit_nodes(pool: asyncpg.Pool, tenant: str) -> list[UnitNode]:
    """The tenant's whole unit tree, as parent links."""
    records = await pool.fetch(
        f"SELECT id, parent_id FROM {READ_SCHEMA}.units WHERE tenant = $1", tenant
    )
    return [
        UnitNode(_uuid(r["id"]), _uuid(r["parent_id"]) if r["parent_id"] else None) for r in records
    ]


async def active_staff(
    pool: asyncpg.Pool, tenant: str, unit_ids: Sequence[UUID]
) -> list[StaffMember]:
    """The active employees of `unit_ids`, with their jabatan, by NIP."""
    records = await pool.fetch(
        "SELECT id, nip, unit_id, jabatan_kind, jabatan_title "
        f"FROM {READ_SCHEMA}.employees WHERE tenant = $1 AND status = 'ACTIVE' "
        "AND unit_id = ANY($2::uuid[]) ORDER BY nip",
        tenant,
        list(unit_ids),
    )
    return [
        StaffMember(
            _uuid(r["id"]), r["nip"], _uuid(r["unit_id"]), r["jabatan_kind"], r["jabatan_title"]
        )
        for r in records
    ]


def _uuid(value: UUID) -> UUID:
    """A plain UUID: asyncpg's own UUID type is not one the event store can encode."""
    return UUID(str(value))
