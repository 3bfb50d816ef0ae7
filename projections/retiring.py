"""Who reaches batas usia pensiun by a date: a query over the employees read model.

The BUP and the TMT pensiun come from domain.retirement (PP 11/2017 Pasal 239, 240 and 355);
the read model gives the birth date and the jabatan held today. PNS and CPNS are listed; a
PPPK's employment ends with the perjanjian kerja, not at a BUP of the PNS rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

import asyncpg

from domain.jabatan import JabatanKind, JenjangFungsional
from domain.promotion import anniversary
from domain.retirement import InService, retiring_by
from projections.base import READ_SCHEMA

LOWEST_BUP = 58  # PP 11/2017 Pasal 239 ayat (2) huruf a: no BUP is lower


@dataclass(frozen=True)
class RetiringRow:
    """An active PNS or CPNS whose TMT pensiun falls on or before the date asked about."""

    id: UUID
    nip: str
    name: str
    employment_type: str
    jabatan_kind: str
    jabatan_title: str
    jabatan_jenjang: str | None
    unit_id: UUID
    birth_date: date
    bup: int
    pension_on: date


async def retiring_employees(pool: asyncpg.Pool, tenant: str, by: date) -> list[RetiringRow]:
    """The tenant's active PNS and CPNS reaching BUP with a TMT pensiun on or before `by`,
    soonest first, then by NIP."""
    # Reaching any BUP by `by` means reaching 58 before it: the read bounds the candidates.
    born_by = anniversary(by, -LOWEST_BUP)
    records = await pool.fetch(
        f"""SELECT id, nip, name, employment_type, jabatan_kind, jabatan_title,
                   jabatan_jenjang, unit_id, birth_date
              FROM {READ_SCHEMA}.employees
             WHERE tenant = $1 AND status = 'ACTIVE' AND employment_type IN ('PNS', 'CPNS')
               AND birth_date <= $2""",
        tenant,
        born_by,
    )
    by_nip = {r["nip"]: r for r in records}
    in_service = [
        InService(
            r["nip"],
            r["birth_date"],
            JabatanKind(r["jabatan_kind"]),
            JenjangFungsional(r["jabatan_jenjang"]) if r["jabatan_jenjang"] else None,
            r["jabatan_title"],
        )
        for r in records
    ]
    return [
        RetiringRow(
            **{k: by_nip[found.nip][k] for k in _COLUMNS},
            bup=found.bup,
            pension_on=found.pension_on,
        )
        for found in retiring_by(in_service, by)
    ]


_COLUMNS = (
    "id",
    "nip",
    "name",
    "employment_type",
    "jabatan_kind",
    "jabatan_title",
    "jabatan_jenjang",
    "unit_id",
    "birth_date",
)
