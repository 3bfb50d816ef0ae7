"""Who a report covers: the tenant's employees in service, or a unit's (with its sub-units).

Shared by the training reports and the tindak lanjut list, so both count the same people.
"""

from __future__ import annotations

from uuid import UUID

import asyncpg

from projections.base import READ_SCHEMA


async def employees_in_scope(
    pool: asyncpg.Pool, tenant: str, unit_id: UUID | None, include_subunits: bool = True
) -> list[asyncpg.Record]:
    """The tenant's (or a unit's, with its sub-units by default) employees in service."""
    where = "tenant = $1 AND status = 'ACTIVE'"
    args: list[object] = [tenant]
    if unit_id is not None:
        path = await pool.fetchval(
            f"SELECT path FROM {READ_SCHEMA}.units WHERE id = $1 AND tenant = $2", unit_id, tenant
        )
        if path is None:
            return []
        if include_subunits:  # paths '/<id>/…/' of a subtree sort in [path, path-with-'0')
            where += " AND unit_path >= $2 AND unit_path < $3"
            args += [path, path[:-1] + "0"]
        else:
            where += " AND unit_id = $2"
            args.append(unit_id)
    return list(
        await pool.fetch(
            f"SELECT id, nip, name, unit_id, jabatan_title FROM {READ_SCHEMA}.employees "
            f"WHERE {where} ORDER BY nip",
            *args,
        )
    )
