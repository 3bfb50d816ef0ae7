"""Which employees each event concerns, so an employee's history holds every event about them.

An Employee event concerns its aggregate. Events of other aggregates name the employees they
concern in their fields (`employee_id`, `mentor_id`, `mentee_id`, `released_ids`, a cycle's
`enrolments`). Aggregates that belong to employees (an appraisal, a mentoring pair, a piece of
external learning) name them once, when created; their later events concern the same people,
so the projection remembers each such aggregate's subjects.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, ClassVar
from uuid import UUID

from psycopg import Cursor

from projections.base import Envelope
from projections.security import add_tenant_column

EMPLOYEE_FIELDS = ("employee_id", "mentor_id", "mentee_id")
EMPLOYEE_LIST_FIELDS = ("released_ids",)
# Aggregates whose creation event names the employees all their later events concern.
OWNED_AGGREGATES = frozenset({"EmployeeAppraisal", "Mentoring", "ExternalLearning"})


def named_subjects(envelope: Envelope) -> list[UUID]:
    """The employees an event names itself, in a stable order without repeats."""
    # The event's own fields (a dict lookup: a missing getattr costs an exception each time,
    # five times for every event of a rebuild).
    fields = vars(envelope.event)
    named: list[UUID] = []
    if envelope.aggregate_type == "Employee":
        named.append(fields["originator_id"])
    named.extend(v for f in EMPLOYEE_FIELDS if isinstance(v := fields.get(f), UUID))
    for field in EMPLOYEE_LIST_FIELDS:
        named.extend(fields.get(field) or [])
    for entry in fields.get("enrolments") or []:
        named.append(UUID(str(entry["employee_id"])))
    if len(named) < 2:
        return named
    return list(dict.fromkeys(named))


class EventSubjectsProjection:
    name: ClassVar[str] = "event_subjects"

    def ddl(self, schema: str) -> Sequence[str]:
        return [
            f"""CREATE TABLE IF NOT EXISTS {schema}.event_subjects (
                employee_id uuid NOT NULL, position bigint NOT NULL, tenant text NOT NULL,
                PRIMARY KEY (employee_id, position))""",
            add_tenant_column(schema, "event_subjects"),
            f"""CREATE TABLE IF NOT EXISTS {schema}.owned_aggregates (
                originator_id uuid PRIMARY KEY, employee_ids uuid[] NOT NULL)""",
        ]

    def apply(self, batch: Sequence[Envelope], cur: Cursor[Any], schema: str) -> None:
        owners = self._known_owners(batch, cur, schema)
        new_owners: list[tuple[UUID, list[UUID]]] = []
        rows: list[tuple[UUID, int, str]] = []
        for envelope in batch:
            originator = envelope.event.originator_id
            subjects = named_subjects(envelope)
            if envelope.aggregate_type in OWNED_AGGREGATES:
                if originator not in owners:
                    owners[originator] = subjects
                    new_owners.append((originator, subjects))
                subjects = list(dict.fromkeys([*owners[originator], *subjects]))
            tenant = envelope.event.meta.tenant
            rows.extend((employee_id, envelope.position, tenant) for employee_id in subjects)
        if new_owners:
            cur.executemany(
                f"INSERT INTO {schema}.owned_aggregates (originator_id, employee_ids) "
                "VALUES (%s, %s) ON CONFLICT DO NOTHING",
                new_owners,
            )
        if rows:  # a batch is applied once (the runner's position), so rows are new: COPY
            copy = f"COPY {schema}.event_subjects (employee_id, position, tenant) FROM STDIN"
            with cur.copy(copy) as c:
                for row in rows:
                    c.write_row(row)

    @staticmethod
    def _known_owners(
        batch: Iterable[Envelope], cur: Cursor[Any], schema: str
    ) -> dict[UUID, list[UUID]]:
        """Subjects of the owned aggregates this batch continues (created in earlier batches)."""
        later = {
            e.event.originator_id
            for e in batch
            if e.aggregate_type in OWNED_AGGREGATES and e.event.originator_version > 1
        }
        if not later:
            return {}
        cur.execute(
            f"SELECT originator_id, employee_ids FROM {schema}.owned_aggregates "
            "WHERE originator_id = ANY(%s)",
            (list(later),),
        )
        return {row[0]: list(row[1]) for row in cur.fetchall()}
