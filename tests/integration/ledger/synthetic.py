"""A log of synthetic events written straight into the events table, with gaps in positions.

For the storage tests only (the tree cares about bytes, not meaning); the adversarial tests
write their events through the real applications.
"""

from __future__ import annotations

import uuid

import psycopg

from domain.ledger.entry import StoredEvent, event_leaf_hash
from services.database import Database
from services.ledger.schema import EVENTS_TABLE
from services.runtime import build_personnel


def write_synthetic_log(database: Database, count: int, gap_every: int = 7) -> None:
    """`count` events, skipping a sequence value every `gap_every` (a failed insert's)."""
    build_personnel(database).close()  # creates the events table
    with psycopg.connect(**database.psycopg_kwargs(), autocommit=True) as conn:
        for i in range(count):
            if i % gap_every == gap_every - 1:
                conn.execute(
                    f"SELECT nextval(pg_get_serial_sequence('{EVENTS_TABLE}', 'notification_id'))"
                )
            conn.execute(
                f"INSERT INTO {EVENTS_TABLE} (originator_id, originator_version, topic, state) "
                "VALUES (%s, %s, %s, %s)",
                (uuid.uuid4(), 1 + i % 3, f"tests:Synthetic{i % 5}", f"state {i}".encode()),
            )


def reference_leaves(database: Database) -> list[tuple[int, bytes]]:
    """(position, leaf hash) of every event in the table, recomputed in Python."""
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        rows = conn.execute(
            "SELECT notification_id, originator_id, originator_version, topic, state "
            f"FROM {EVENTS_TABLE} ORDER BY notification_id"
        ).fetchall()
    return [
        (row[0], event_leaf_hash(StoredEvent(row[0], row[1], row[2], row[3], bytes(row[4]))))
        for row in rows
    ]
