"""What the authorisation policy needs to know from the read models, read in batches.

For a record's owner: their tenant, unit path, and the pejabat penilai and superiors their
appraisals name. For a reader acting as a person: the units they head, by the same rule
enrolment uses (domain/appraisal_enrolment.heads_of), so "supervisor chain" means one thing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from domain.appraisal_enrolment import StaffMember, heads_of
from projections.base import READ_SCHEMA


@dataclass(frozen=True)
class OwnerFacts:
    """A record owner's tenant, unit path and appraisal parties."""

    nip: str
    tenant: str
    unit_path: str
    parties: frozenset[str]


async def owners(pool: Any, ids: Sequence[UUID]) -> list[OwnerFacts | None]:
    """The facts of each employee id, in order (None for an id no read model knows)."""
    rows = await pool.fetch(
        f"""SELECT e.id, e.nip, e.tenant, e.unit_path,
                   array_remove(array_agg(a.appraiser) || array_agg(a.superior), NULL) AS parties
            FROM {READ_SCHEMA}.employees e
            LEFT JOIN {READ_SCHEMA}.appraisals a ON a.employee_id = e.id
            WHERE e.id = ANY($1::uuid[])
            GROUP BY e.id, e.nip, e.tenant, e.unit_path""",
        list(ids),
    )
    found = {
        row["id"]: OwnerFacts(
            row["nip"], row["tenant"], row["unit_path"], frozenset(row["parties"] or ())
        )
        for row in rows
    }
    return [found.get(i) for i in ids]


async def headed_unit_paths(pool: Any, tenant: str, nip: str) -> tuple[str, ...]:
    """The unit paths `nip` heads in `tenant` (empty for anyone who heads no unit)."""
    rows = await pool.fetch(
        f"""SELECT s.id, s.nip, s.unit_id, s.jabatan_kind, s.jabatan_title, s.unit_path
            FROM {READ_SCHEMA}.employees me
            JOIN {READ_SCHEMA}.employees s
              ON s.tenant = me.tenant AND s.unit_id = me.unit_id AND s.status = 'ACTIVE'
            WHERE me.tenant = $1 AND me.nip = $2 AND me.status = 'ACTIVE'""",
        tenant,
        nip,
    )
    staff = [
        StaffMember(r["id"], r["nip"], r["unit_id"], r["jabatan_kind"], r["jabatan_title"])
        for r in rows
    ]
    heads = heads_of(staff)
    paths = {r["unit_id"]: r["unit_path"] for r in rows}
    return tuple(paths[unit] for unit, head in heads.items() if head == nip)
