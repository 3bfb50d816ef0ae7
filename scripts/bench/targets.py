"""What the benchmarks ask for: employees and units picked from the read models, always alike."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

import psycopg

from projections.base import READ_SCHEMA
from scripts.bench.identity import bearer_headers
from services.database import Database

PAGE_SIZE = 50


@dataclass(frozen=True)
class Targets:
    """One tenant's NIPs (active, spread over the NIP order) and units holding a full page."""

    tenant: str
    nips: list[str]
    unit_ids: list[UUID]


def pick_targets(database: Database, nips: int = 20, units: int = 5) -> Targets:
    """The biggest tenant; `nips` active employees evenly spaced by NIP; its top-level units
    with more than a page of employees (a dinas or badan, as an HR officer would open it)."""
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        row = conn.execute(
            f"SELECT tenant FROM {READ_SCHEMA}.employees GROUP BY tenant "
            "ORDER BY count(*) DESC, tenant LIMIT 1"
        ).fetchone()
        if row is None:
            raise LookupError("The read models hold no employees: generate data first.")
        tenant = str(row[0])
        active = [
            str(r[0])
            for r in conn.execute(
                f"SELECT nip FROM {READ_SCHEMA}.employees "
                "WHERE tenant = %s AND status = 'ACTIVE' ORDER BY nip",
                (tenant,),
            )
        ]
        step = max(1, len(active) // nips)
        unit_rows = conn.execute(
            f"""SELECT u.id FROM {READ_SCHEMA}.units u
                JOIN {READ_SCHEMA}.employees e ON e.tenant = u.tenant
                 AND e.unit_path >= u.path AND e.unit_path < left(u.path, -1) || '0'
                WHERE u.tenant = %s AND u.depth = 1
                GROUP BY u.id, u.code HAVING count(*) > %s ORDER BY u.code LIMIT %s""",
            (tenant, PAGE_SIZE, units),
        ).fetchall()
    if not unit_rows:  # a tiny data set: take the biggest top-level units, however small
        with psycopg.connect(**database.psycopg_kwargs()) as conn:
            unit_rows = conn.execute(
                f"SELECT id FROM {READ_SCHEMA}.units WHERE tenant = %s ORDER BY depth, code "
                "LIMIT %s",
                (tenant, units),
            ).fetchall()
    return Targets(tenant, active[::step][:nips], [r[0] for r in unit_rows])


def identity_headers(tenant: str) -> dict[str, str]:
    """An HR officer of the tenant, with a development-issuer bearer token."""
    return bearer_headers(tenant)
