"""The unit tree at a point: its structure as known then, its head counts as valid then.

A unit carries no effective date, so the structure follows the known axis alone: the units
created by the position, each under the name it had there (its latest rename). Head counts
follow both axes from the career rows: an employee counts in the unit their latest known
appointment or mutasi in effect put them in, while their status in effect is ACTIVE.
"""

from __future__ import annotations

from uuid import UUID

import asyncpg

from projections.base import READ_SCHEMA
from projections.history import TimePoint
from projections.units import UnitRow

_UNITS = f"""
SELECT u.id, u.tenant, u.code, u.kind, u.parent_id, u.depth, u.path,
       coalesce((SELECT l.payload->>'name' FROM {READ_SCHEMA}.event_log l
                 WHERE l.originator_id = u.id AND l.position <= $2
                   AND l.payload->>'name' IS NOT NULL
                 ORDER BY l.position DESC LIMIT 1), u.name) AS name
FROM {READ_SCHEMA}.units u
WHERE u.tenant = $1 AND (SELECT min(l.position) FROM {READ_SCHEMA}.event_log l
                         WHERE l.originator_id = u.id) <= $2
ORDER BY u.path"""

_ACTIVE_BY_UNIT = f"""
WITH facts AS (
  SELECT DISTINCT ON (c.employee_id, facet) c.employee_id, facet, c.unit_id, c.status
  FROM {READ_SCHEMA}.career_entries c,
       unnest(CASE c.kind WHEN 'APPOINTED' THEN ARRAY['unit', 'status']
              WHEN 'TRANSFERRED' THEN ARRAY['unit'] ELSE ARRAY['status'] END) AS facet
  WHERE c.tenant = $1 AND c.position <= $2 AND c.effective_on <= $3
    AND c.kind IN ('APPOINTED', 'TRANSFERRED', 'EMPLOYMENT_ENDED')
  ORDER BY c.employee_id, facet, c.effective_on DESC, c.position DESC)
SELECT u.unit_id, count(*) AS n
FROM facts u JOIN facts s ON s.employee_id = u.employee_id AND s.facet = 'status'
WHERE u.facet = 'unit' AND s.status = 'ACTIVE'
GROUP BY u.unit_id"""


async def unit_tree_as_of(pool: asyncpg.Pool, tenant: str, point: TimePoint) -> list[UnitRow]:
    """The tenant's units known at the point, parents first, with the active head counts in
    effect on its date rolled up (as `projections.units.unit_tree` does for now)."""
    units = await pool.fetch(_UNITS, tenant, point.position)
    counts = await pool.fetch(_ACTIVE_BY_UNIT, tenant, point.position, point.valid_on)
    direct: dict[UUID, int] = {r["unit_id"]: r["n"] for r in counts}
    totals: dict[UUID, int] = {}
    for unit in reversed(units):  # children come after parents in path order
        totals[unit["id"]] = totals.get(unit["id"], 0) + direct.get(unit["id"], 0)
        if unit["parent_id"] is not None:
            totals[unit["parent_id"]] = totals.get(unit["parent_id"], 0) + totals[unit["id"]]
    return [_row(unit, totals[unit["id"]]) for unit in units]


def _row(u: asyncpg.Record, head_count: int) -> UnitRow:
    unit_id, parent_id = u["id"], u["parent_id"]
    return UnitRow(
        unit_id, u["tenant"], u["code"], u["name"], u["kind"], parent_id, u["depth"], head_count
    )
