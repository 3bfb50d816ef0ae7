"""What the Employee aggregate tests share: every command, and the values they use."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from uuid import UUID, uuid5

from domain.aggregates.employee import Employee
from domain.awards import AwardKind
from domain.discipline import parse_sanction
from domain.employment import SeparationKind
from domain.jabatan import parse_jabatan
from domain.leave import LeaveRequest, LeaveType
from domain.meta import EventMeta

OTHER_UNIT_ID = uuid5(UUID(int=0), "DISDIK")
ANALIS_SDM = parse_jabatan("FUNGSIONAL", "Analis SDM Aparatur", "AHLI_PERTAMA")
TEGURAN_LISAN = parse_sanction("RINGAN", "TEGURAN_LISAN")
PDHTAPS = parse_sanction("BERAT", "PDHTAPS")
ON = date(2025, 6, 2)  # a Monday, ten years after the PNS was appointed

Command = Callable[[Employee, date, datetime, EventMeta], object]

# Every command, run on a valid day `on` with a meta that states a reason.
COMMANDS: dict[str, Command] = {
    "promote": lambda e, on, at, meta: e.promote("III/b", on, at, meta),
    "change_jabatan": lambda e, on, at, meta: e.change_jabatan(ANALIS_SDM, on, at, meta),
    "transfer": lambda e, on, at, meta: e.transfer(OTHER_UNIT_ID, on, at, meta),
    "confirm_as_pns": lambda e, on, at, meta: e.confirm_as_pns(on, at, meta, on),
    "record_award": lambda e, on, at, meta: e.record_award(
        AwardKind.PENGHARGAAN_INSTANSI, "Pegawai Teladan", on, at, meta
    ),
    "impose_sanction": lambda e, on, at, meta: e.impose_sanction(TEGURAN_LISAN, on, at, meta),
    "grant_leave": lambda e, on, at, meta: e.grant_leave(
        LeaveRequest(LeaveType.CS, on, on), at, meta
    ),
    "end_employment": lambda e, on, at, meta: e.end_employment(
        SeparationKind.RETIREMENT, on, at, meta
    ),
}


def with_reason(meta: EventMeta, reason: str = "SK Bupati 800/123/BKPSDM/2025") -> EventMeta:
    return replace(meta, reason=reason)
