"""Read model of external learning submissions and HR's decisions on them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar
from uuid import UUID

import asyncpg
from psycopg import Cursor

from projections.base import READ_SCHEMA, Envelope, handlers_for

_COLUMNS = [
    "id", "tenant", "employee_id", "title", "form", "provider", "completed_on", "minutes",
    "evidence_ref", "competency_codes", "decision", "jp", "decision_reason",
    "submitted_position", "decided_position",
]  # fmt: skip


@dataclass(frozen=True)
class SubmissionRow:
    id: UUID
    tenant: str
    employee_id: UUID
    title: str
    form: str
    provider: str
    completed_on: date
    minutes: int
    evidence_ref: str
    competency_codes: list[str]
    decision: str  # SUBMITTED, RECOGNISED or REFUSED
    jp: int
    decision_reason: str | None
    submitted_position: int
    decided_position: int | None  # the Recognised (JP-granting) or Refused event


class ExternalLearningProjection:
    name: ClassVar[str] = "external_learning"

    def ddl(self, schema: str) -> Sequence[str]:
        return [
            f"""CREATE TABLE IF NOT EXISTS {schema}.external_learning (
                id uuid PRIMARY KEY, tenant text NOT NULL, employee_id uuid NOT NULL,
                title text NOT NULL, form text NOT NULL, provider text NOT NULL,
                completed_on date NOT NULL, minutes int NOT NULL, evidence_ref text NOT NULL,
                competency_codes text[] NOT NULL, decision text NOT NULL, jp int NOT NULL,
                decision_reason text, submitted_position bigint NOT NULL,
                decided_position bigint)""",
            f"CREATE INDEX IF NOT EXISTS external_learning_employee "
            f"ON {schema}.external_learning (employee_id)",
            f"CREATE INDEX IF NOT EXISTS external_learning_tenant "
            f"ON {schema}.external_learning (tenant, decision)",
        ]

    def apply(self, batch: Sequence[Envelope], cur: Cursor[Any], schema: str) -> None:
        self.submitted: list[tuple[Any, ...]] = []
        self.decided: list[tuple[Any, ...]] = []
        for handler, env in handlers_for(self, batch):
            handler(env, env.event)
        if self.submitted:
            cur.executemany(
                f"INSERT INTO {schema}.external_learning ({', '.join(_COLUMNS)}) VALUES "
                "(%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,'SUBMITTED',0,NULL,%s,NULL) "
                "ON CONFLICT (id) DO NOTHING",
                self.submitted,
            )
        if self.decided:
            cur.executemany(
                f"UPDATE {schema}.external_learning SET decision = %s, jp = %s, "
                "competency_codes = coalesce(%s, competency_codes), decision_reason = %s, "
                "decided_position = %s WHERE id = %s",
                self.decided,
            )

    def on_ExternalLearning_Submitted(self, env: Envelope, e: Any) -> None:  # noqa: N802
        self.submitted.append(
            (e.originator_id, e.tenant, e.employee_id, e.title, e.form, e.provider,
             e.completed_on, e.minutes, e.evidence_ref, list(e.competency_codes), env.position)
        )  # fmt: skip

    def on_ExternalLearning_Recognised(self, env: Envelope, e: Any) -> None:  # noqa: N802
        self.decided.append(
            ("RECOGNISED", e.jp, list(e.competency_codes), e.meta.reason, env.position,
             e.originator_id)
        )  # fmt: skip

    def on_ExternalLearning_Refused(self, env: Envelope, e: Any) -> None:  # noqa: N802
        self.decided.append(("REFUSED", 0, None, e.meta.reason, env.position, e.originator_id))


_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM {READ_SCHEMA}.external_learning"


def _row(r: asyncpg.Record) -> SubmissionRow:
    values = list(r.values())
    values[9] = list(values[9])
    return SubmissionRow(*values)


async def submissions_of(
    pool: asyncpg.Pool, employee_ids: Sequence[UUID]
) -> list[list[SubmissionRow]]:
    """Each employee's submissions in log order, in the order of the ids."""
    records = await pool.fetch(
        f"{_SELECT} WHERE employee_id = ANY($1::uuid[]) ORDER BY submitted_position",
        list(employee_ids),
    )
    found: dict[UUID, list[SubmissionRow]] = {}
    for r in records:
        found.setdefault(r["employee_id"], []).append(_row(r))
    return [found.get(i, []) for i in employee_ids]


async def submissions(pool: asyncpg.Pool, tenant: str, decision: str | None) -> list[SubmissionRow]:
    """The tenant's submissions (with one decision, e.g. SUBMITTED for HR's worklist)."""
    records = await pool.fetch(
        f"{_SELECT} WHERE tenant = $1 AND ($2::text IS NULL OR decision = $2) "
        "ORDER BY submitted_position",
        tenant,
        decision,
    )
    return [_row(r) for r in records]
