"""Read model of the public's satisfaction: each unit's SKM counts per recorded period.

One row per unit and period recorded (a year, semester or triwulan) with the respondents and
the counts of each answer per element; nobody who answered is known here. The IKM of a period
is computed on query by the domain's own rule (`compute_ikm`) over the rows the period covers,
so a semester's IKM includes its triwulan recordings and a year's all of them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar
from uuid import UUID

import asyncpg
from psycopg import Cursor
from psycopg.types.json import Jsonb

from domain.satisfaction import Ikm, SurveyPeriod, Tally, add_tallies, compute_ikm, parse_period
from projections.base import READ_SCHEMA, Envelope, handlers_for


class SatisfactionProjection:
    name: ClassVar[str] = "satisfaction"

    def ddl(self, schema: str) -> Sequence[str]:
        return [
            f"""CREATE TABLE IF NOT EXISTS {schema}.unit_surveys (
                id uuid PRIMARY KEY, tenant text NOT NULL, unit_id uuid NOT NULL,
                period text NOT NULL, year int NOT NULL, first_month int NOT NULL,
                last_month int NOT NULL, respondents int NOT NULL, tally jsonb NOT NULL,
                last_position bigint NOT NULL)""",
            f"CREATE INDEX IF NOT EXISTS unit_surveys_year ON {schema}.unit_surveys "
            "(tenant, year, unit_id)",
        ]

    def apply(self, batch: Sequence[Envelope], cur: Cursor[Any], schema: str) -> None:
        self.cur, self.schema = cur, schema
        for handler, envelope in handlers_for(self, batch):
            handler(envelope)

    def on_ServiceSurvey_Created(self, env: Envelope) -> None:  # noqa: N802
        e, period = env.event, parse_period(env.event.period)
        empty = [[0, 0, 0, 0] for _ in range(9)]
        self.cur.execute(
            f"INSERT INTO {self.schema}.unit_surveys VALUES (%s,%s,%s,%s,%s,%s,%s,0,%s,%s)",
            (
                e.originator_id, e.tenant, e.unit_id, period.label, period.year,
                period.first_month, period.last_month, Jsonb(empty), env.position,
            ),
        )  # fmt: skip

    def on_ServiceSurvey_ResponsesRecorded(self, env: Envelope) -> None:  # noqa: N802
        e = env.event
        self.cur.execute(
            f"SELECT tally FROM {self.schema}.unit_surveys WHERE id = %s", (e.originator_id,)
        )
        (stored,) = self.cur.fetchone() or (None,)
        tally = add_tallies([_tally(stored), _tally(e.tally)])
        self.cur.execute(
            f"UPDATE {self.schema}.unit_surveys SET respondents = respondents + %s, "
            "tally = %s, last_position = %s WHERE id = %s",
            (e.respondents, Jsonb([list(r) for r in tally]), env.position, e.originator_id),
        )


def _tally(raw: Any) -> Tally:
    rows = json.loads(raw) if isinstance(raw, str) else raw
    return tuple(tuple(int(c) for c in row) for row in rows)


# --- queries ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class UnitIkm:
    unit_id: UUID
    period: SurveyPeriod
    ikm: Ikm


def _ikm_per_unit(records: Sequence[asyncpg.Record], period: SurveyPeriod) -> list[UnitIkm]:
    by_unit: dict[UUID, list[Tally]] = {}
    for r in records:
        recorded = SurveyPeriod(r["year"], r["first_month"], r["last_month"])
        if period.covers(recorded) and r["respondents"] > 0:
            by_unit.setdefault(r["unit_id"], []).append(_tally(r["tally"]))
    return [UnitIkm(u, period, compute_ikm(add_tallies(t))) for u, t in by_unit.items()]


_SELECT = (
    f"SELECT unit_id, year, first_month, last_month, respondents, tally "
    f"FROM {READ_SCHEMA}.unit_surveys WHERE tenant = $1 AND year = $2"
)


async def unit_ikm(
    pool: asyncpg.Pool, tenant: str, unit_id: UUID, period: SurveyPeriod
) -> UnitIkm | None:
    """The unit's IKM over every recording the period covers; None without any answer."""
    records = await pool.fetch(f"{_SELECT} AND unit_id = $3", tenant, period.year, unit_id)
    found = _ikm_per_unit(records, period)
    return found[0] if found else None


async def tenant_ikm(pool: asyncpg.Pool, tenant: str, period: SurveyPeriod) -> list[UnitIkm]:
    """Every unit of the tenant with answers in the period, by unit id."""
    records = await pool.fetch(f"{_SELECT} ORDER BY unit_id", tenant, period.year)
    return _ikm_per_unit(records, period)
