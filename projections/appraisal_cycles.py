"""Read model of appraisal cycles, and the per-unit and per-tenant summaries read beside it.

A cycle row holds what HR decided: the year, period, participating units, organisation
ratings and finalisation. The summaries join it with `appraisals` (projections.appraisal_records)
and judge with the domain's own rules: the predikat distribution against its band
(`domain.scoring.distribution_report`) and the 9-box (`domain.talent.talent_box`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar
from uuid import UUID

import asyncpg
from psycopg import Cursor
from psycopg.types.json import Jsonb

from projections.base import READ_SCHEMA, Envelope, handlers_for


@dataclass(frozen=True)
class CycleRow:
    id: UUID
    tenant: str
    year: int
    period: str
    unit_ids: list[UUID]
    org_ratings: dict[str, str]  # str(unit id) → OrgRating
    settings: dict[str, Any]
    finalised_on: date | None
    rules_version: str | None
    enrolled: int
    last_position: int


Change = tuple[str | None, tuple[Any, ...]]


class AppraisalCyclesProjection:
    name: ClassVar[str] = "appraisal_cycles"

    def ddl(self, schema: str) -> Sequence[str]:
        return [
            f"""CREATE TABLE IF NOT EXISTS {schema}.appraisal_cycles (
                id uuid PRIMARY KEY, tenant text NOT NULL, year int NOT NULL,
                period text NOT NULL, unit_ids uuid[] NOT NULL, org_ratings jsonb NOT NULL,
                settings jsonb NOT NULL, finalised_on date, rules_version text,
                enrolled int NOT NULL, last_position bigint NOT NULL)""",
            f"CREATE INDEX IF NOT EXISTS appraisal_cycles_tenant "
            f"ON {schema}.appraisal_cycles (tenant, year)",
        ]

    def apply(self, batch: Sequence[Envelope], cur: Cursor[Any], schema: str) -> None:
        # Cycle events are rare (HR decisions), so one statement per event is fine here.
        for handler, envelope in handlers_for(self, batch):
            change, values = handler(envelope)
            if change is None:
                cur.execute(
                    f"INSERT INTO {schema}.appraisal_cycles VALUES "
                    "(%s, %s, %s, %s, %s, %s, %s, NULL, NULL, 0, %s)",
                    (*values, envelope.position),
                )
            else:
                cur.execute(
                    f"UPDATE {schema}.appraisal_cycles SET {change}, last_position = %s "
                    "WHERE id = %s",
                    (*values, envelope.position, envelope.event.originator_id),
                )

    # Each handler returns the SET clause of its change and its values (None: a new cycle).
    def on_AppraisalCycle_Opened(self, env: Envelope) -> Change:  # noqa: N802
        e = env.event
        settings = {k: str(v) if isinstance(v, date) else v for k, v in e.settings.items()}
        values = (e.originator_id, e.tenant, e.year, e.settings["period"], list(e.unit_ids))
        return None, (*values, Jsonb({}), Jsonb(settings))

    def on_AppraisalCycle_EmployeesEnrolled(self, env: Envelope) -> Change:  # noqa: N802
        return "enrolled = enrolled + %s", (len(env.event.enrolments),)

    def on_AppraisalCycle_OrganisationRated(self, env: Envelope) -> Change:  # noqa: N802
        rated = Jsonb({str(env.event.unit_id): env.event.rating})
        return "org_ratings = org_ratings || %s", (rated,)

    def on_AppraisalCycle_Finalised(self, env: Envelope) -> Change:  # noqa: N802
        e = env.event
        return "finalised_on = %s, rules_version = %s", (e.received_on, e.rules_version)


# --- queries ----------------------------------------------------------------------------------
_SELECT = (
    "SELECT id, tenant, year, period, unit_ids, org_ratings, settings, finalised_on, "
    f"rules_version, enrolled, last_position FROM {READ_SCHEMA}.appraisal_cycles"
)


def _cycle(record: asyncpg.Record) -> CycleRow:
    row = dict(record)
    for name in ("org_ratings", "settings"):
        row[name] = json.loads(row[name]) if isinstance(row[name], str) else row[name]
    row["unit_ids"] = list(row["unit_ids"])
    return CycleRow(**row)


async def cycle_by_id(pool: asyncpg.Pool, tenant: str, cycle_id: UUID) -> CycleRow | None:
    """A cycle of the tenant."""
    record = await pool.fetchrow(f"{_SELECT} WHERE id = $1 AND tenant = $2", cycle_id, tenant)
    return _cycle(record) if record else None


async def cycles_by_ids(pool: asyncpg.Pool, ids: Sequence[UUID]) -> list[CycleRow | None]:
    """Cycles for a DataLoader, in the order of `ids`."""
    records = await pool.fetch(f"{_SELECT} WHERE id = ANY($1::uuid[])", list(ids))
    found = {r["id"]: _cycle(r) for r in records}
    return [found.get(cycle_id) for cycle_id in ids]


async def tenant_cycles(pool: asyncpg.Pool, tenant: str) -> list[CycleRow]:
    """The tenant's cycles, newest year first."""
    records = await pool.fetch(f"{_SELECT} WHERE tenant = $1 ORDER BY year DESC", tenant)
    return [_cycle(r) for r in records]
