"""Limits on cuti that span requests: chained cuti sakit and CLTN, and guru before PP 17/2020.

A request that continues another of its kind (starting the day after it ends) is its extension,
so the limit counts the whole chain, not the request alone; exceeding it is LEAVE_CAP_EXCEEDED.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from domain.errors import N_, LeaveNotAllowed

# PP 17/2020 (amending PP 11/2017) was promulgated on 28 February 2020 (to verify against
# the Lembaran Negara 2020 No. 68 copy; see the report).
PP_17_2020_IN_FORCE = date(2020, 2, 28)


class LeaveCapExceeded(LeaveNotAllowed):
    code = "LEAVE_CAP_EXCEEDED"


class _Leave(Protocol):
    @property
    def leave_type(self) -> str: ...

    @property
    def start(self) -> date: ...

    @property
    def end(self) -> date: ...


@dataclass(frozen=True)
class Cap:
    """A chain of one kind of cuti lasts at most `months`, per `source`."""

    months: int
    source: str


# PP 11/2017 Pasal 321: cuti sakit at most 1 year, extendable by at most 6 months (on the Tim
# Penguji Kesehatan's note). Pasal 332: CLTN at most 3 years, extendable by at most 1 year.
CAPS: dict[str, Cap] = {
    "CS": Cap(18, "PP 11/2017 Pasal 321 ayat (1)–(2): 1 tahun, diperpanjang paling lama 6 bulan"),
    "CLTN": Cap(48, "PP 11/2017 Pasal 332: paling lama 3 tahun, diperpanjang paling lama 1 tahun"),
}


def check_cumulative_cap(
    leave_type: str, start: date, end: date, history: Sequence[_Leave]
) -> None:
    """Refuse a CS or CLTN whose chain (with the leave it extends) outlasts its cap."""
    cap = CAPS.get(leave_type)
    if cap is None:
        return
    chain_start = start
    same = sorted((r for r in history if str(r.leave_type) == leave_type), key=lambda r: r.end)
    for record in reversed(same):
        if record.end + timedelta(days=1) == chain_start:
            chain_start = record.start
    limit = _add_months(chain_start, cap.months)
    if end >= limit:
        raise LeaveCapExceeded(
            N_(
                "{leave_type} from {chain_start} (with the leave it extends) must end before "
                "{limit}: {source}."
            ),
            leave_type=leave_type,
            chain_start=chain_start,
            limit=limit,
            source=cap.source,
        )


def check_guru_may_take_ct(start: date, guru: bool) -> None:
    """A guru or dosen had no cuti tahunan before PP 17/2020 (PP 11/2017 Pasal 315 as first
    enacted: their school holidays were "disamakan dengan PNS yang telah menggunakan hak cuti
    tahunan"); PP 17/2020 amended Pasal 315: "berhak mendapatkan cuti tahunan"."""
    if guru and start < PP_17_2020_IN_FORCE:
        raise LeaveNotAllowed(
            N_(
                "Before PP 17/2020 a guru took school holidays instead of cuti tahunan "
                "(PP 11/2017 Pasal 315 as first enacted)."
            )
        )


def is_guru(jabatan_kind: str, title: str) -> bool:
    """A jabatan fungsional whose title starts with Guru or Dosen (as domain/retirement.py)."""
    return jabatan_kind == "FUNGSIONAL" and title.strip().lower().startswith(("guru", "dosen"))


def _add_months(d: date, n: int) -> date:
    index = d.month - 1 + n
    year, month = d.year + index // 12, index % 12 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))
