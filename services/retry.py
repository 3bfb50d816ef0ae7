"""The one retry rule for commands that lose a race to another writer of the same aggregate.

With an expected version the caller decided on what they saw, so a concurrent change is a
CONFLICT for them to review. Without one, the command is re-run on the fresh state: its rules
are checked again, and no concurrent update is ever lost.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from eventsourcing.persistence import IntegrityError

from domain.errors import N_, Conflict, phrase

MAX_ATTEMPTS = 8  # retries of a command whose aggregate another writer changed meanwhile

T = TypeVar("T")


def check_expected_version(subject: str, actual: int, expected: int | None) -> None:
    """Raise CONFLICT when the caller expected another version of `subject`."""
    if expected is not None and actual != expected:
        raise Conflict(
            N_("{subject} is at version {actual}, not {expected}: reload and try again."),
            subject=phrase(subject),
            actual=actual,
            expected=expected,
        )


def retry_lost_races(attempt: Callable[[], T], *, subject: str, strict: bool) -> T:
    """Run `attempt` (load, check, change, save) until it saves without losing a race.

    `strict` (the caller sent an expected version) turns the first lost race into CONFLICT.
    """
    for _ in range(MAX_ATTEMPTS):
        try:
            return attempt()
        except IntegrityError:
            if strict:
                raise Conflict(
                    N_("{subject} was changed meanwhile."), subject=phrase(subject)
                ) from None
    raise Conflict(N_("{subject} is changing too fast; try again."), subject=phrase(subject))
