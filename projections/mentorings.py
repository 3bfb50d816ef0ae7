"""Read model of mentorings: the pair, the period and goals, and every meeting logged."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar
from uuid import UUID

import asyncpg
from psycopg import Cursor

from projections.base import READ_SCHEMA, Envelope, handlers_for
from projections.security import add_tenant_column


@dataclass(frozen=True)
class MeetingRow:
    position: int
    held_on: date
    minutes: int
    topic: str


@dataclass(frozen=True)
class MentoringRow:
    id: UUID
    tenant: str
    mentor_id: UUID
    mentee_id: UUID
    starts_on: date
    ends_on: date
    goals: list[str]
    competency_codes: list[str]
    status: str  # ACTIVE, COMPLETED or ENDED_EARLY
    ended_on: date | None
    ended_by: str | None
    end_reason: str | None
    jp: int  # granted to the mentee when it ended
    end_position: int | None  # the JP-granting event
    meetings: list[MeetingRow]

    @property
    def logged_minutes(self) -> int:
        return sum(m.minutes for m in self.meetings)


class MentoringsProjection:
    name: ClassVar[str] = "mentorings"

    def ddl(self, schema: str) -> Sequence[str]:
        return [
            f"""CREATE TABLE IF NOT EXISTS {schema}.mentorings (
                id uuid PRIMARY KEY, tenant text NOT NULL, mentor_id uuid NOT NULL,
                mentee_id uuid NOT NULL, starts_on date NOT NULL, ends_on date NOT NULL,
                goals text[] NOT NULL, competency_codes text[] NOT NULL, status text NOT NULL,
                ended_on date, ended_by text, end_reason text, jp int NOT NULL,
                end_position bigint)""",
            f"""CREATE TABLE IF NOT EXISTS {schema}.mentoring_meetings (
                position bigint PRIMARY KEY, mentoring_id uuid NOT NULL, held_on date NOT NULL,
                minutes int NOT NULL, topic text NOT NULL, tenant text NOT NULL)""",
            add_tenant_column(schema, "mentoring_meetings"),
            f"CREATE INDEX IF NOT EXISTS mentorings_mentor ON {schema}.mentorings (mentor_id)",
            f"CREATE INDEX IF NOT EXISTS mentorings_mentee ON {schema}.mentorings (mentee_id)",
            f"CREATE INDEX IF NOT EXISTS mentoring_meetings_of "
            f"ON {schema}.mentoring_meetings (mentoring_id)",
        ]

    def apply(self, batch: Sequence[Envelope], cur: Cursor[Any], schema: str) -> None:
        self.paired: list[tuple[Any, ...]] = []
        self.meetings: list[tuple[Any, ...]] = []
        self.ended: list[tuple[Any, ...]] = []
        for handler, env in handlers_for(self, batch):
            handler(env, env.event)
        # Pairings first, endings last: a batch may hold a mentoring's whole life.
        if self.paired:
            cur.executemany(
                f"INSERT INTO {schema}.mentorings VALUES "
                "(%s,%s,%s,%s,%s,%s,%s,%s,'ACTIVE',NULL,NULL,NULL,0,NULL) "
                "ON CONFLICT (id) DO NOTHING",
                self.paired,
            )
        if self.meetings:
            cur.executemany(
                f"INSERT INTO {schema}.mentoring_meetings "
                "(position, mentoring_id, held_on, minutes, topic, tenant) "
                "VALUES (%s,%s,%s,%s,%s,%s) "
                "ON CONFLICT (position) DO NOTHING",
                self.meetings,
            )
        if self.ended:
            cur.executemany(
                f"UPDATE {schema}.mentorings SET status = %s, ended_on = %s, ended_by = %s, "
                "end_reason = %s, jp = %s, end_position = %s WHERE id = %s",
                self.ended,
            )

    def on_Mentoring_Paired(self, env: Envelope, e: Any) -> None:  # noqa: N802
        self.paired.append(
            (e.originator_id, e.tenant, e.mentor_id, e.mentee_id, e.starts_on, e.ends_on,
             list(e.goals), list(e.competency_codes))
        )  # fmt: skip

    def on_Mentoring_MeetingLogged(self, env: Envelope, e: Any) -> None:  # noqa: N802
        self.meetings.append(
            (env.position, e.originator_id, e.held_on, e.minutes, e.topic, e.meta.tenant)
        )

    def on_Mentoring_Completed(self, env: Envelope, e: Any) -> None:  # noqa: N802
        self.ended.append(
            ("COMPLETED", e.completed_on, None, e.meta.reason, e.jp, env.position, e.originator_id)
        )

    def on_Mentoring_EndedEarly(self, env: Envelope, e: Any) -> None:  # noqa: N802
        self.ended.append(
            ("ENDED_EARLY", e.completed_on, e.ended_by, e.meta.reason, e.jp, env.position,
             e.originator_id)
        )  # fmt: skip


async def mentorings_of(
    pool: asyncpg.Pool, employee_ids: Sequence[UUID]
) -> list[list[MentoringRow]]:
    """Each employee's mentorings, as mentor or mentee, by start; in the order of the ids."""
    records = await pool.fetch(
        f"SELECT * FROM {READ_SCHEMA}.mentorings "
        "WHERE mentor_id = ANY($1::uuid[]) OR mentee_id = ANY($1::uuid[]) ORDER BY starts_on",
        list(employee_ids),
    )
    rows = await _with_meetings(pool, records)
    return [[m for m in rows if i in (m.mentor_id, m.mentee_id)] for i in employee_ids]


async def mentorings_by_ids(pool: asyncpg.Pool, ids: Sequence[UUID]) -> list[MentoringRow | None]:
    """Mentorings for a DataLoader, in the order of `ids`."""
    records = await pool.fetch(
        f"SELECT * FROM {READ_SCHEMA}.mentorings WHERE id = ANY($1::uuid[])", list(ids)
    )
    found = {m.id: m for m in await _with_meetings(pool, records)}
    return [found.get(i) for i in ids]


async def _with_meetings(pool: asyncpg.Pool, records: list[asyncpg.Record]) -> list[MentoringRow]:
    meetings = await pool.fetch(
        f"SELECT mentoring_id, position, held_on, minutes, topic "
        f"FROM {READ_SCHEMA}.mentoring_meetings WHERE mentoring_id = ANY($1::uuid[]) "
        "ORDER BY held_on, position",
        [r["id"] for r in records],
    )
    by_mentoring: dict[UUID, list[MeetingRow]] = {}
    for m in meetings:
        by_mentoring.setdefault(m[0], []).append(MeetingRow(*list(m.values())[1:]))
    rows = []
    for r in records:
        fields: dict[str, Any] = dict(r.items())
        fields["goals"], fields["competency_codes"] = list(r["goals"]), list(r["competency_codes"])
        rows.append(MentoringRow(**fields, meetings=by_mentoring.get(r["id"], [])))
    return rows
