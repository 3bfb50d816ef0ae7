"""Succession lists per key jabatan, read from the latest finalised cycle's 9-box.

No table of its own: the posts are the active holders of a jabatan manajerial (`employees`),
the talent is the latest finalised cycle's annual predikat with a potential assessment
(`appraisals`), placed on the 9-box by domain.talent and ranked by domain.succession.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

import asyncpg

from domain.jabatan import JabatanKind
from domain.scoring import Predikat
from domain.succession import KeyPost, Succession, Talent, succession_lists
from domain.talent import Potensial, talent_box
from projections.base import READ_SCHEMA


@dataclass(frozen=True)
class SuccessionReport:
    """The lists, the cycle they come from (None: no finalised cycle) and who is who."""

    cycle_year: int | None
    lists: list[Succession]
    names: dict[str, str]  # NIP → name


async def succession_report(
    pool: asyncpg.Pool, tenant: str, unit_id: UUID | None, limit: int
) -> SuccessionReport:
    """Every key post of the tenant (or of a unit and the units below it) with candidates."""
    path = "/"
    if unit_id is not None:
        path = await pool.fetchval(
            f"SELECT path FROM {READ_SCHEMA}.units WHERE id = $1 AND tenant = $2", unit_id, tenant
        )
        if path is None:
            return SuccessionReport(None, [], {})
    cycle = await pool.fetchrow(
        f"SELECT id, year FROM {READ_SCHEMA}.appraisal_cycles WHERE tenant = $1 "
        "AND finalised_on IS NOT NULL ORDER BY year DESC, finalised_on DESC LIMIT 1",
        tenant,
    )
    people = await pool.fetch(
        f"SELECT id, nip, name, golongan, jabatan_kind, jabatan_title, unit_path "
        f"FROM {READ_SCHEMA}.employees WHERE tenant = $1 AND status = 'ACTIVE' "
        "AND unit_path >= $2 AND unit_path < $3 ORDER BY unit_path, nip",
        tenant, path, path[:-1] + "0",
    )  # fmt: skip
    posts = [
        KeyPost(p["nip"], JabatanKind(p["jabatan_kind"]), p["jabatan_title"], p["unit_path"])
        for p in people
        if JabatanKind(p["jabatan_kind"]).is_managerial
    ]
    talents: list[Talent] = []
    if cycle is not None:
        rated = await pool.fetch(
            f"SELECT employee_id, annual_predikat, potensial FROM {READ_SCHEMA}.appraisals "
            "WHERE cycle_id = $1 AND annual_predikat IS NOT NULL AND potensial IS NOT NULL",
            cycle["id"],
        )
        boxes = {
            r["employee_id"]: talent_box(Predikat(r["annual_predikat"]), Potensial(r["potensial"]))
            for r in rated
        }
        talents = [
            Talent(p["nip"], p["unit_path"], p["golongan"], boxes[p["id"]].box)
            for p in people
            if p["id"] in boxes
        ]
    return SuccessionReport(
        cycle["year"] if cycle else None,
        succession_lists(posts, talents, limit),
        {p["nip"]: p["name"] for p in people},
    )
