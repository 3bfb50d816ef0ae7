"""What every Jejak command returns, and the small values every application shares."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import UUID

from domain.nip import nip_digits


@dataclass(frozen=True)
class Outcome:
    """Where a command's events landed: the aggregate, its new version, the last log position."""

    aggregate_id: UUID
    version: int
    position: int


def utc_now() -> datetime:
    """The production clock; tests and the generator inject their own."""
    return datetime.now(UTC)


def normalize_nip(nip: str) -> str:
    """The NIP as 18 bare digits (spaces, dots and dashes dropped); INVALID_NIP for junk."""
    return nip_digits(nip)
