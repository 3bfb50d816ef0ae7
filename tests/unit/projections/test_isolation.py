"""Which failures are the event's (isolate and hold) and which the database's (retry the batch)."""

from __future__ import annotations

import psycopg
import pytest

from projections.dead_letters import MAX_MESSAGE, describe_error
from projections.isolation import is_transient


@pytest.mark.parametrize(
    "error",
    [
        psycopg.errors.SerializationFailure("could not serialize access"),
        psycopg.errors.DeadlockDetected("deadlock detected"),
        psycopg.errors.AdminShutdown("terminating connection"),
        psycopg.errors.LockNotAvailable("could not obtain lock"),
        psycopg.OperationalError("server closed the connection unexpectedly"),
        psycopg.InterfaceError("the connection is closed"),
    ],
)
def test_a_failure_of_the_database_or_the_connection_is_transient(error: Exception) -> None:
    assert is_transient(error)


@pytest.mark.parametrize(
    "error",
    [
        psycopg.DataError("PostgreSQL text fields cannot contain NUL (0x00) bytes"),
        psycopg.errors.UniqueViolation("duplicate key value"),
        psycopg.errors.ProgramLimitExceeded("index row size exceeds maximum"),
        psycopg.errors.UndefinedColumn("column does not exist"),
        KeyError("unit"),
        LookupError("Unit is not in the read model"),
    ],
)
def test_a_failure_the_event_or_the_handler_causes_is_not_transient(error: Exception) -> None:
    assert not is_transient(error)


def test_a_dead_letter_message_has_no_nul_and_is_truncated() -> None:
    error_class, message = describe_error(ValueError("Siti\x00Aminah " + "x" * 1000))
    assert error_class == "ValueError"
    assert message.startswith("Siti\\x00Aminah x")
    assert len(message) == MAX_MESSAGE
