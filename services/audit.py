"""The audit trail of one aggregate, read from the event store itself (not a read model).

Oversight bodies get the recorded events with their global positions, decoded by the same
mapper that wrote them; the GraphQL audit query reads the event_log projection, and a test
checks that both say the same.
"""

from __future__ import annotations

from uuid import UUID

from eventsourcing.persistence import StoredEvent
from psycopg import sql

from projections.base import Envelope
from projections.event_log import LoggedEvent, logged
from services.personnel import PersonnelApplication


def audit_trail(personnel: PersonnelApplication, originator_id: UUID) -> list[LoggedEvent]:
    """Every event of one aggregate, in order, with its position in the global log."""
    recorder = personnel.recorder
    statement = sql.SQL(
        "SELECT notification_id, originator_id, originator_version, topic, state "
        "FROM {}.{} WHERE originator_id = %s ORDER BY originator_version"
    ).format(
        sql.Identifier(recorder.datastore.schema),  # type: ignore[attr-defined]
        sql.Identifier(recorder.events_table_name),  # type: ignore[attr-defined]
    )
    with recorder.datastore.transaction(commit=False) as cur:  # type: ignore[attr-defined]
        cur.execute(statement, (originator_id,))
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
