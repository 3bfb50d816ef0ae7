"""Read model of training programmes and their rosters: seats, attendance and results.

A batch loads the programmes it touches and their participants once, applies its events in
memory and writes each changed row back once. Participants an ending programme releases keep
a row with the seat RELEASED, so a roster shows who held a place when it was cancelled.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar
from uuid import UUID

import asyncpg
from psycopg import Cursor
from psycopg.rows import dict_row

from projections.base import READ_SCHEMA, Envelope, handlers_for
from projections.security import add_tenant_column

SEATED = ("ACCEPTED", "PASSED", "FAILED")  # holding one of the programme's places
_PROGRAMME = [
    "id", "tenant", "title", "form", "competency_codes", "jp", "provider", "capacity",
    "session_count", "scheduled_minutes", "first_session", "last_session", "prerequisite_ids",
    "status", "status_reason", "defined_position", "last_position",
]  # fmt: skip
_PARTICIPANT = [
    "programme_id", "employee_id", "entered_as", "seat", "sessions_attended", "attended_minutes",
    "score", "certificate_ref", "completed_on", "jp", "reason", "last_position",
]  # fmt: skip


@dataclass(frozen=True)
class ProgrammeRow:
    id: UUID
    tenant: str
    title: str
    form: str
    competency_codes: list[str]
    jp: int
    provider: str
    capacity: int
    session_count: int
    scheduled_minutes: int
    first_session: date
    last_session: date
    prerequisite_ids: list[UUID]
    status: str
    status_reason: str | None
    defined_position: int
    last_position: int
    seated: int = 0
    passed: int = 0
    waitlisted: int = 0

    @property
    def fill_rate(self) -> float:
        """Places taken (accepted or with a result) over capacity."""
        return self.seated / self.capacity

    @property
    def completion_rate(self) -> float | None:
        """Passed over places taken; None while nobody holds a place."""
        return self.passed / self.seated if self.seated else None


@dataclass(frozen=True)
class ParticipantRow:
    programme_id: UUID
    employee_id: UUID
    entered_as: str  # NOMINATED or APPLIED
    seat: str  # a domain.enrolment.Seat, or RELEASED by an ending programme
    sessions_attended: int
    attended_minutes: int
    score: float | None
    certificate_ref: str | None
    completed_on: date | None
    jp: int
    reason: str | None  # of a rejection, withdrawal or cancellation
    last_position: int


class TrainingProgrammesProjection:
    name: ClassVar[str] = "training_programmes"

    def ddl(self, schema: str) -> Sequence[str]:
        return [
            f"""CREATE TABLE IF NOT EXISTS {schema}.training_programmes (
                id uuid PRIMARY KEY, tenant text NOT NULL, title text NOT NULL, form text NOT NULL,
                competency_codes text[] NOT NULL, jp int NOT NULL, provider text NOT NULL,
                capacity int NOT NULL, session_count int NOT NULL, scheduled_minutes int NOT NULL,
                first_session date NOT NULL, last_session date NOT NULL,
                prerequisite_ids uuid[] NOT NULL, status text NOT NULL, status_reason text,
                defined_position bigint NOT NULL, last_position bigint NOT NULL)""",
            f"""CREATE TABLE IF NOT EXISTS {schema}.training_participants (
                programme_id uuid NOT NULL, employee_id uuid NOT NULL, entered_as text NOT NULL,
                seat text NOT NULL, sessions_attended int NOT NULL, attended_minutes int NOT NULL,
                score double precision, certificate_ref text, completed_on date, jp int NOT NULL,
                reason text, last_position bigint NOT NULL, tenant text NOT NULL,
                PRIMARY KEY (programme_id, employee_id))""",
            add_tenant_column(
                schema,
                "training_participants",
                f"SELECT p.tenant FROM {schema}.training_programmes p WHERE p.id = t.programme_id",
            ),
            f"CREATE INDEX IF NOT EXISTS training_programmes_tenant "
            f"ON {schema}.training_programmes (tenant, status)",
            f"CREATE INDEX IF NOT EXISTS training_participants_employee "
            f"ON {schema}.training_participants (employee_id)",
        ]

    def apply(self, batch: Sequence[Envelope], cur: Cursor[Any], schema: str) -> None:
        paired = handlers_for(self, batch)
        if not paired:
            return
        self.programmes, self.participants = self._load(
            cur, schema, {env.event.originator_id for _, env in paired}
        )
        for handler, env in paired:
            changed = handler(env, env.event)
            changed["last_position"] = env.position
            self.programmes[env.event.originator_id]["last_position"] = env.position
        _upsert(cur, f"{schema}.training_programmes", _PROGRAMME, ["id"], self.programmes)
        first = paired[0][1].position  # rows loaded but left alone are not written back
        changed = {k: r for k, r in self.participants.items() if r["last_position"] >= first}
        key = ["programme_id", "employee_id"]
        _upsert(cur, f"{schema}.training_participants", [*_PARTICIPANT, "tenant"], key, changed)

    # --- handlers: each returns the row it changed ------------------------------------------
    def on_Training_Defined(self, env: Envelope, e: Any) -> dict[str, Any]:  # noqa: N802
        row = {
            "id": e.originator_id, "tenant": e.tenant, "title": e.title, "form": e.form,
            "competency_codes": list(e.competency_codes), "jp": e.jp, "provider": e.provider,
            "capacity": e.capacity, "session_count": len(e.sessions),
            "scheduled_minutes": sum(int(s["minutes"]) for s in e.sessions),
            "first_session": e.sessions[0]["on"], "last_session": e.sessions[-1]["on"],
            "prerequisite_ids": list(e.prerequisite_ids), "status": "OPEN",
            "status_reason": None, "defined_position": env.position,
        }  # fmt: skip
        self.programmes[e.originator_id] = row
        return row

    def on_Training_ParticipantNominated(self, env: Envelope, e: Any) -> dict[str, Any]:  # noqa: N802
        return self._enter(e, "NOMINATED")

    def on_Training_ParticipantApplied(self, env: Envelope, e: Any) -> dict[str, Any]:  # noqa: N802
        return self._enter(e, "APPLIED")

    def on_Training_ParticipantAccepted(self, env: Envelope, e: Any) -> dict[str, Any]:  # noqa: N802
        return self._seat(e, seat="ACCEPTED")

    def on_Training_ParticipantWaitlisted(self, env: Envelope, e: Any) -> dict[str, Any]:  # noqa: N802
        return self._seat(e, seat="WAITLISTED")

    def on_Training_ParticipantRejected(self, env: Envelope, e: Any) -> dict[str, Any]:  # noqa: N802
        return self._seat(e, seat="REJECTED", reason=e.meta.reason)

    def on_Training_ParticipantWithdrawn(self, env: Envelope, e: Any) -> dict[str, Any]:  # noqa: N802
        return self._seat(e, seat="WITHDRAWN", reason=e.meta.reason)

    def on_Training_AttendanceRecorded(self, env: Envelope, e: Any) -> dict[str, Any]:  # noqa: N802
        row = self.participants[(e.originator_id, e.employee_id)]
        row["sessions_attended"] += 1
        row["attended_minutes"] += e.minutes
        return row

    def on_Training_ParticipantCompleted(self, env: Envelope, e: Any) -> dict[str, Any]:  # noqa: N802
        return self._seat(
            e, seat=e.result, score=e.score, certificate_ref=e.certificate_ref,
            completed_on=e.completed_on, jp=e.jp,
        )  # fmt: skip

    def on_Training_Finished(self, env: Envelope, e: Any) -> dict[str, Any]:  # noqa: N802
        return self._end(env, e, "FINISHED")

    def on_Training_Cancelled(self, env: Envelope, e: Any) -> dict[str, Any]:  # noqa: N802
        return self._end(env, e, "CANCELLED")

    def _enter(self, e: Any, entered_as: str) -> dict[str, Any]:
        row = {
            "programme_id": e.originator_id, "employee_id": e.employee_id,
            "entered_as": entered_as, "seat": entered_as, "sessions_attended": 0,
            "attended_minutes": 0, "score": None, "certificate_ref": None, "completed_on": None,
            "jp": 0, "reason": e.meta.reason, "tenant": e.meta.tenant,
        }  # fmt: skip
        self.participants[(e.originator_id, e.employee_id)] = row
        return row

    def _seat(self, e: Any, **changes: Any) -> dict[str, Any]:
        row = self.participants[(e.originator_id, e.employee_id)]
        row.update(changes)
        return row

    def _end(self, env: Envelope, e: Any, status: str) -> dict[str, Any]:
        for employee_id in e.released_ids:
            released = self.participants[(e.originator_id, employee_id)]
            released.update(seat="RELEASED", last_position=env.position)
            if status == "CANCELLED":
                released["reason"] = e.meta.reason
        row = self.programmes[e.originator_id]
        row.update(status=status, status_reason=e.meta.reason)
        return row

    @staticmethod
    def _load(
        cur: Cursor[Any], schema: str, ids: set[UUID]
    ) -> tuple[dict[UUID, dict[str, Any]], dict[tuple[UUID, UUID], dict[str, Any]]]:
        with cur.connection.cursor(row_factory=dict_row) as c:
            programmes_of = f"SELECT * FROM {schema}.training_programmes WHERE id = ANY(%s)"
            c.execute(programmes_of, (list(ids),))
            programmes = {r["id"]: r for r in c.fetchall()}
            c.execute(
                f"SELECT * FROM {schema}.training_participants WHERE programme_id = ANY(%s)",
                (list(ids),),
            )
            participants = {(r["programme_id"], r["employee_id"]): r for r in c.fetchall()}
        return programmes, participants


def _upsert(
    cur: Cursor[Any], table: str, columns: list[str], key: list[str], rows: dict[Any, Any]
) -> None:
    if not rows:
        return
    updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in columns if c not in key)
    cur.executemany(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))}) "
        f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET {updates}",
        [tuple(row[c] for c in columns) for row in rows.values()],
    )


# --- queries --------------------------------------------------------------------------------
_SELECT = (
    f"SELECT {', '.join('p.' + c for c in _PROGRAMME)}, "
    f"count(r.*) FILTER (WHERE r.seat IN {SEATED}) AS seated, "
    "count(r.*) FILTER (WHERE r.seat = 'PASSED') AS passed, "
    "count(r.*) FILTER (WHERE r.seat = 'WAITLISTED') AS waitlisted "
    f"FROM {READ_SCHEMA}.training_programmes p "
    f"LEFT JOIN {READ_SCHEMA}.training_participants r ON r.programme_id = p.id"
)


def _programme(r: asyncpg.Record) -> ProgrammeRow:
    return ProgrammeRow(*r.values())


async def programmes(pool: asyncpg.Pool, tenant: str, status: str | None) -> list[ProgrammeRow]:
    """The tenant's programmes (of one status, if given), by first session then title."""
    records = await pool.fetch(
        f"{_SELECT} WHERE p.tenant = $1 AND ($2::text IS NULL OR p.status = $2) "
        "GROUP BY p.id ORDER BY p.first_session, p.title",
        tenant,
        status,
    )
    return [_programme(r) for r in records]


async def programmes_by_ids(pool: asyncpg.Pool, ids: Sequence[UUID]) -> list[ProgrammeRow | None]:
    """Programmes for a DataLoader, in the order of `ids`."""
    records = await pool.fetch(f"{_SELECT} WHERE p.id = ANY($1::uuid[]) GROUP BY p.id", list(ids))
    found = {r["id"]: _programme(r) for r in records}
    return [found.get(i) for i in ids]


async def rosters(pool: asyncpg.Pool, programme_ids: Sequence[UUID]) -> list[list[ParticipantRow]]:
    """Each programme's participants, in the order of `programme_ids`."""
    return await _grouped(pool, "programme_id", programme_ids)


async def participations(
    pool: asyncpg.Pool, employee_ids: Sequence[UUID]
) -> list[list[ParticipantRow]]:
    """Each employee's places in programmes (their training history), in the order of ids."""
    return await _grouped(pool, "employee_id", employee_ids)


async def _grouped(
    pool: asyncpg.Pool, column: str, ids: Sequence[UUID]
) -> list[list[ParticipantRow]]:
    records = await pool.fetch(
        f"SELECT {', '.join(_PARTICIPANT)} FROM {READ_SCHEMA}.training_participants "
        f"WHERE {column} = ANY($1::uuid[]) ORDER BY last_position",
        list(ids),
    )
    found: dict[UUID, list[ParticipantRow]] = {}
    for r in records:
        found.setdefault(r[column], []).append(ParticipantRow(*r.values()))
    return [found.get(i, []) for i in ids]
