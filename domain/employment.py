"""Who an ASN is employed as, and how an employment ends."""

from __future__ import annotations

from enum import StrEnum

from domain.errors import N_, InvalidInput
from domain.text import CODE, clean_text


class EmploymentType(StrEnum):
    """PNS (civil servant), CPNS (candidate on probation) or PPPK (contract ASN)."""

    PNS = "PNS"
    CPNS = "CPNS"
    PPPK = "PPPK"


class Sex(StrEnum):
    """As recorded in digit 15 of the NIP (1 = male, 2 = female)."""

    MALE = "MALE"
    FEMALE = "FEMALE"


class EmploymentStatus(StrEnum):
    """Whether the employee is still in service."""

    ACTIVE = "ACTIVE"
    ENDED = "ENDED"


class SeparationKind(StrEnum):
    """How an employment ended."""

    RETIREMENT = "RETIREMENT"  # pensiun
    RESIGNATION = "RESIGNATION"  # atas permintaan sendiri
    DISMISSAL = "DISMISSAL"  # pemberhentian
    DEATH = "DEATH"  # meninggal dunia


def parse_employment_type(raw: str) -> EmploymentType:
    """Parse PNS, CPNS or PPPK, case-insensitively."""
    raw = clean_text(raw, N_("An employment type"), CODE, min_length=0)
    try:
        return EmploymentType(raw.upper())
    except ValueError:
        allowed = ", ".join(t.value for t in EmploymentType)
        raise InvalidInput(
            N_("Unknown employment type {raw!r}; use one of {allowed}."), raw=raw, allowed=allowed
        ) from None


def parse_separation_kind(raw: str) -> SeparationKind:
    """Parse a separation kind, case-insensitively."""
    raw = clean_text(raw, N_("A separation kind"), CODE, min_length=0)
    try:
        return SeparationKind(raw.upper())
    except ValueError:
        allowed = ", ".join(k.value for k in SeparationKind)
        raise InvalidInput(
            N_("Unknown separation kind {raw!r}; use one of {allowed}."), raw=raw, allowed=allowed
        ) from None
