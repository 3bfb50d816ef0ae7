"""Read model of JP credits: one row per JP-granting event, keyed by its log position.

Every figure of the 20 JP rule is a sum over these rows, and each row names the position of
the event that granted it (and the programme, mentoring or external learning it came from),
so any total traces back to its events. Events that grant 0 JP (a failed result, a mentoring
with under 45 minutes logged) are no credit and leave no row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar
from uuid import UUID

import asyncpg
from psycopg import Cursor

from domain.learning import JPCredit, LearningForm, credit_from
from projections.base import READ_SCHEMA, Envelope, handlers_for

_COLUMNS = (
    "position, tenant, employee_id, year, completed_on, jp, form, competency_codes, "
    "source_kind, source_id, title"
)


@dataclass(frozen=True)
class CreditRow:
    position: int  # of the event that granted the JP
    employee_id: UUID
    year: int
    completed_on: date
    jp: int
    form: str
    competency_codes: list[str]
    source_kind: str  # PROGRAMME, MENTORING or EXTERNAL_LEARNING
    source_id: UUID  # the programme, mentoring or external learning
    title: str | None

    def credit(self) -> JPCredit:
        """As the domain's JP credit, its source the log position."""
        return JPCredit(
            self.employee_id,
            self.jp,
            LearningForm(self.form),
            tuple(self.competency_codes),
            self.completed_on,
            str(self.position),
        )


class JPLedgerProjection:
    name: ClassVar[str] = "jp_ledger"

    def ddl(self, schema: str) -> Sequence[str]:
        return [
            f"""CREATE TABLE IF NOT EXISTS {schema}.jp_credits (
                position bigint PRIMARY KEY, tenant text NOT NULL, employee_id uuid NOT NULL,
                year int NOT NULL, completed_on date NOT NULL, jp int NOT NULL, form text NOT NULL,
                competency_codes text[] NOT NULL, source_kind text NOT NULL,
                source_id uuid NOT NULL, title text)""",
            f"CREATE INDEX IF NOT EXISTS jp_credits_employee_year "
            f"ON {schema}.jp_credits (employee_id, year)",
        ]

    def apply(self, batch: Sequence[Envelope], cur: Cursor[Any], schema: str) -> None:
        rows = [row for handler, env in handlers_for(self, batch) if (row := handler(env))]
        if rows:
            cur.executemany(
                f"INSERT INTO {schema}.jp_credits ({_COLUMNS}) "
                "VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s) ON CONFLICT (position) DO NOTHING",
                rows,
            )

    def on_Training_ParticipantCompleted(self, env: Envelope) -> tuple[Any, ...] | None:  # noqa: N802
        return _row(env, "PROGRAMME", env.event.title)

    def on_Mentoring_Completed(self, env: Envelope) -> tuple[Any, ...] | None:  # noqa: N802
        return _row(env, "MENTORING", "Mentoring")

    def on_Mentoring_EndedEarly(self, env: Envelope) -> tuple[Any, ...] | None:  # noqa: N802
        return _row(env, "MENTORING", "Mentoring (ended early)")

    def on_ExternalLearning_Recognised(self, env: Envelope) -> tuple[Any, ...] | None:  # noqa: N802
        return _row(env, "EXTERNAL_LEARNING", None)  # its title is in external_learning


def _row(env: Envelope, kind: str, title: str | None) -> tuple[Any, ...] | None:
    credit = credit_from(env.event, str(env.position))
    if credit.jp <= 0:
        return None
    return (
        env.position, env.event.meta.tenant, credit.employee_id, credit.year,
        credit.completed_on, credit.jp, credit.form.value, list(credit.competency_codes),
        kind, env.event.originator_id, title,
    )  # fmt: skip


async def credits_of(
    pool: asyncpg.Pool, employee_ids: Sequence[UUID], year: int | None = None
) -> list[list[CreditRow]]:
    """Each employee's credits (of one year, if given) in log order, in the order of the ids."""
    records = await pool.fetch(
        "SELECT c.position, c.employee_id, c.year, c.completed_on, c.jp, c.form, "
        "c.competency_codes, c.source_kind, c.source_id, coalesce(c.title, x.title) "
        f"FROM {READ_SCHEMA}.jp_credits c "
        f"LEFT JOIN {READ_SCHEMA}.external_learning x ON x.id = c.source_id "
        "WHERE c.employee_id = ANY($1::uuid[]) AND ($2::int IS NULL OR c.year = $2) "
        "ORDER BY c.position",
        list(employee_ids),
        year,
    )
    found: dict[UUID, list[CreditRow]] = {}
    for r in records:
        found.setdefault(r["employee_id"], []).append(_credit(r))
    return [found.get(i, []) for i in employee_ids]


def _credit(r: asyncpg.Record) -> CreditRow:
    values = list(r.values())
    values[6] = list(values[6])
    return CreditRow(*values)


async def jp_totals(pool: asyncpg.Pool, employee_ids: Sequence[UUID], year: int) -> dict[UUID, int]:
    """JP of `year` per employee (only those with any)."""
    records = await pool.fetch(
        f"SELECT employee_id, sum(jp) FROM {READ_SCHEMA}.jp_credits "
        "WHERE employee_id = ANY($1::uuid[]) AND year = $2 GROUP BY employee_id",
        list(employee_ids),
        year,
    )
    return {r[0]: int(r[1]) for r in records}


async def developed_competencies(
    pool: asyncpg.Pool, employee_ids: Sequence[UUID]
) -> dict[UUID, frozenset[str]]:
    """The competencies each employee has earned JP in, in any year."""
    records = await pool.fetch(
        f"SELECT employee_id, array_agg(DISTINCT code) FROM {READ_SCHEMA}.jp_credits, "
        "unnest(competency_codes) AS code WHERE employee_id = ANY($1::uuid[]) "
        "GROUP BY employee_id",
        list(employee_ids),
    )
    return {r[0]: frozenset(r[1]) for r in records}
