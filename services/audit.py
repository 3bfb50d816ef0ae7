"""The audit trail of one aggregate, read from the event store itself (not a read model).

Oversight bodies get the recorded events with their global positions, decoded by the same
mapper that wrote them; the GraphQL audit query reads the event_log projection, and a test
checks that both say the same. An employee's trail adds the events of other aggregates that
concern them (appraisals, training, mentoring, learning): the store has no index by employee,
so their positions come from the `event_subjects` read model, and the events themselves from
the store.
"""

from __future__ import annotations

from uuid import UUID

from eventsourcing.persistence import ProgrammingError, StoredEvent
from psycopg import errors, sql

from projections.base import READ_SCHEMA, Envelope
from projections.event_log import LoggedEvent, logged
from services.personnel import PersonnelApplication

_SELECT = "SELECT notification_id, originator_id, originator_version, topic, state FROM {}.{} "


def audit_trail(personnel: PersonnelApplication, originator_id: UUID) -> list[LoggedEvent]:
    """Every event of one aggregate, in order, with its position in the global log."""
    return _read(personnel, "WHERE originator_id = %s ORDER BY originator_version", originator_id)


def employee_trail(personnel: PersonnelApplication, employee_id: UUID) -> list[LoggedEvent]:
    """Every event concerning one employee, in log order: their record's and related ones."""
    own = audit_trail(personnel, employee_id)
    related = _related_positions(personnel, employee_id) - {event.position for event in own}
    if not related:
        return own
    others = _read(personnel, "WHERE notification_id = ANY(%s)", sorted(related))
    return sorted([*own, *others], key=lambda event: event.position)


def _related_positions(personnel: PersonnelApplication, employee_id: UUID) -> set[int]:
    datastore = personnel.recorder.datastore  # type: ignore[attr-defined]
    try:
        with datastore.transaction(commit=False) as cur:
            cur.execute(
                f"SELECT position FROM {READ_SCHEMA}.event_subjects WHERE employee_id = %s",
                (employee_id,),
            )
            return {row["position"] for row in cur.fetchall()}
    except ProgrammingError as error:  # the datastore wraps psycopg's errors
        if isinstance(error.__cause__, errors.UndefinedTable):
            return set()  # no read models yet: the record's own events are all there is
        raise


def _read(personnel: PersonnelApplication, where: str, parameter: object) -> list[LoggedEvent]:
    recorder = personnel.recorder
    statement = sql.SQL(_SELECT + where).format(
        sql.Identifier(recorder.datastore.schema),  # type: ignore[attr-defined]
        sql.Identifier(recorder.events_table_name),  # type: ignore[attr-defined]
    )
    with recorder.datastore.transaction(commit=False) as cur:  # type: ignore[attr-defined]
        cur.execute(statement, (parameter,))
        rows = cur.fetchall()
    return [
        logged(
            Envelope(
                row["notification_id"],
                personnel.mapper.to_domain_event(
                    StoredEvent(
                        row["originator_id"],
                        row["originator_version"],
                        row["topic"],
                        bytes(row["state"]),
                    )
                ),
            )
        )
        for row in rows
    ]
