"""Finding the one event a projection cannot apply, with savepoints only once something failed.

The runner applies a batch in one savepoint. Only when that fails does it come here: each
projection is tried alone in a savepoint, and a projection that fails is bisected down to the
first event it cannot apply, with the events before it kept. A failure of the database itself
(connection lost, deadlock, serialization, shutdown) is not the event's fault: it propagates,
the whole batch is undone and the runner tries again later.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg import Cursor

from projections.base import Envelope, Projection

# SQLSTATE classes of failures that say nothing about the event: connection exception,
# transaction rollback (serialization, deadlock), insufficient resources, operator
# intervention (shutdown, cancel), system error; and 55P03, a lock not available in time.
TRANSIENT_SQLSTATE_CLASSES = frozenset({"08", "40", "53", "57", "58"})
LOCK_NOT_AVAILABLE = "55P03"


def is_transient(error: BaseException) -> bool:
    """True for a failure of the database or the connection, which a later retry may not meet."""
    if isinstance(error, psycopg.InterfaceError):
        return True
    if not isinstance(error, psycopg.Error):
        return False
    sqlstate = error.sqlstate
    if sqlstate is None:  # raised by the client: a lost connection is an OperationalError
        return isinstance(error, psycopg.OperationalError)
    return sqlstate[:2] in TRANSIENT_SQLSTATE_CLASSES or sqlstate == LOCK_NOT_AVAILABLE


@dataclass(frozen=True)
class Failure:
    """The first event a projection could not apply, and the error it raised."""

    envelope: Envelope
    error: Exception


def attempt(
    projection: Projection, events: Sequence[Envelope], cur: Cursor[Any], schema: str
) -> Exception | None:
    """Apply `events` inside a savepoint: None if they applied, else the error that undid them."""
    try:
        with cur.connection.transaction():
            projection.apply(events, cur, schema)
    except Exception as error:
        if is_transient(error) or cur.connection.broken:
            raise
        return error
    return None


def first_failure(
    projection: Projection, events: Sequence[Envelope], cur: Cursor[Any], schema: str
) -> Failure | None:
    """Apply `events` up to the first one `projection` cannot apply; return that one, or None.

    Halving in savepoints finds it in about 2·log2(n) attempts; the events before it stay
    applied, the ones after it are not applied (the projection holds there).
    """
    error = attempt(projection, events, cur, schema)
    if error is None:
        return None
    if len(events) == 1:
        return Failure(events[0], error)
    half = len(events) // 2
    return first_failure(projection, events[:half], cur, schema) or first_failure(
        projection, events[half:], cur, schema
    )
