"""Dead letters: the events a projection could not apply, kept so an operator can see and retry.

A row names the projection, the event's log position and topic, and the error (class and a
truncated message). The runner holds a projection at its unresolved dead letter (see
`projections.runner`; `projection_positions.held_at` says so to readers that may not see the
error), so each projection has at most one unresolved row; a retry that gets past the event
marks it resolved rather than deleting it, so the incident stays on record until the next
rebuild starts a fresh schema.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from psycopg import Cursor

MAX_MESSAGE = 500  # characters of the error message kept: enough to read, bounded in size

COLUMNS = (
    "projection, position, topic, error_class, error_message, attempts, "
    "first_failed_at, last_failed_at, resolved_at"
)


@dataclass(frozen=True)
class DeadLetter:
    """An event one projection could not apply, and why."""

    projection: str
    position: int
    topic: str
    error_class: str
    error_message: str
    attempts: int
    first_failed_at: datetime
    last_failed_at: datetime
    resolved_at: datetime | None

    @property
    def error(self) -> str:
        return f"{self.error_class}: {self.error_message}"

    def describe(self) -> str:
        """One line for an operator: which projection, which event, which error."""
        return f"{self.projection} at #{self.position} ({self.topic}): {self.error}"


def dead_letters_ddl(schema: str) -> list[str]:
    return [
        f"""CREATE TABLE IF NOT EXISTS {schema}.dead_letters (
            projection text NOT NULL, position bigint NOT NULL, topic text NOT NULL,
            error_class text NOT NULL, error_message text NOT NULL,
            attempts int NOT NULL DEFAULT 1,
            first_failed_at timestamptz NOT NULL DEFAULT now(),
            last_failed_at timestamptz NOT NULL DEFAULT now(),
            resolved_at timestamptz,
            PRIMARY KEY (projection, position))""",
        f"CREATE INDEX IF NOT EXISTS dead_letters_unresolved "
        f"ON {schema}.dead_letters (position) WHERE resolved_at IS NULL",
    ]


def describe_error(error: BaseException) -> tuple[str, str]:
    """The error's class and message, truncated and safe to store in a text column."""
    # The message may quote the very text PostgreSQL refused (a NUL character).
    message = str(error).replace("\x00", "\\x00")
    if len(message) > MAX_MESSAGE:
        message = message[: MAX_MESSAGE - 1] + "…"
    return type(error).__qualname__, message


def record_dead_letter(
    cur: Cursor[Any], schema: str, projection: str, position: int, topic: str, error: BaseException
) -> None:
    """Record (or count once more) that `projection` could not apply the event at `position`."""
    error_class, message = describe_error(error)
    cur.execute(
        f"INSERT INTO {schema}.dead_letters "
        "(projection, position, topic, error_class, error_message) VALUES (%s, %s, %s, %s, %s) "
        "ON CONFLICT (projection, position) DO UPDATE SET "
        "error_class = EXCLUDED.error_class, error_message = EXCLUDED.error_message, "
        "attempts = dead_letters.attempts + 1, last_failed_at = now(), resolved_at = NULL",
        (projection, position, topic.replace("\x00", "\\x00"), error_class, message),
    )


def resolve_dead_letters(cur: Cursor[Any], schema: str, projection: str, reached: int) -> None:
    """Mark resolved the dead letters `projection` has now applied (up to `reached`)."""
    cur.execute(
        f"UPDATE {schema}.dead_letters SET resolved_at = now() "
        "WHERE projection = %s AND position <= %s AND resolved_at IS NULL",
        (projection, reached),
    )


def unresolved_dead_letters(cur: Cursor[Any], schema: str) -> list[DeadLetter]:
    """Every dead letter not yet resolved, in log order."""
    cur.execute(
        f"SELECT {COLUMNS} FROM {schema}.dead_letters WHERE resolved_at IS NULL "
        "ORDER BY position, projection"
    )
    return [DeadLetter(*row) for row in cur.fetchall()]
