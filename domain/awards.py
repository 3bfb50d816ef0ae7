"""Penghargaan: kinds of award and the service needed for a Satyalancana Karya Satya."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from domain.errors import AwardNotAllowed, InvalidInput
from domain.text import CODE, clean_text


class AwardKind(StrEnum):
    """Kinds of award recorded on an employee."""

    SATYALANCANA_KARYA_SATYA_10 = "SATYALANCANA_KARYA_SATYA_10"
    SATYALANCANA_KARYA_SATYA_20 = "SATYALANCANA_KARYA_SATYA_20"
    SATYALANCANA_KARYA_SATYA_30 = "SATYALANCANA_KARYA_SATYA_30"
    TANDA_JASA_LAINNYA = "TANDA_JASA_LAINNYA"
    PENGHARGAAN_INSTANSI = "PENGHARGAAN_INSTANSI"
    PENGHARGAAN_LAINNYA = "PENGHARGAAN_LAINNYA"


# Years of service each Satyalancana Karya Satya honours; other kinds have no service rule here.
_SERVICE_YEARS_REQUIRED: dict[AwardKind, int] = {
    AwardKind.SATYALANCANA_KARYA_SATYA_10: 10,
    AwardKind.SATYALANCANA_KARYA_SATYA_20: 20,
    AwardKind.SATYALANCANA_KARYA_SATYA_30: 30,
}


def parse_award_kind(raw: str) -> AwardKind:
    """Parse an award kind, case-insensitively."""
    raw = clean_text(raw, "An award kind", CODE, min_length=0)
    try:
        return AwardKind(raw.upper())
    except ValueError:
        allowed = ", ".join(k.value for k in AwardKind)
        raise InvalidInput(f"Unknown award kind {raw!r}; use one of {allowed}.") from None


def check_award_eligibility(kind: AwardKind, service_start: date, awarded_on: date) -> None:
    """A Satyalancana Karya Satya needs 10, 20 or 30 full years of service; others pass."""
    years = _SERVICE_YEARS_REQUIRED.get(kind)
    if years is None:
        return
    earliest = _anniversary(service_start, years)
    if awarded_on < earliest:
        raise AwardNotAllowed(
            f"Satyalancana Karya Satya {years} Tahun needs {years} years of service; service "
            f"began {service_start}, so it can be awarded on {earliest} at the earliest."
        )


def _anniversary(start: date, years: int) -> date:
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # 29 February in a common year: the years are complete on 1 March
        return date(start.year + years, 3, 1)
