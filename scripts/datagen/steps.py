"""Planned commands as plain data: each step knows its business date and how to run itself.

A plan is a list of steps, so two plans can be compared for equality, and running a step is one
call of the real application command, with the validation the API applies. Steps of one
employee run in date order; `rank` orders steps of the same day (a jabatan change before the
promotion it allows, the end of employment last).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import date
from typing import ClassVar
from uuid import UUID

from domain.aggregates.org_unit import OrgUnit
from domain.discipline import AbsenceBasis
from services.caller import Caller
from services.personnel import PersonnelApplication


@dataclass(frozen=True)
class Target:
    """What a step runs against: the application, the acting caller and the employee's NIP."""

    personnel: PersonnelApplication
    caller: Caller
    nip: str = ""


@dataclass(frozen=True, slots=True)
class Step(ABC):
    """One planned command on a business date."""

    on: date
    rank: ClassVar[int] = 5

    @abstractmethod
    def run(self, target: Target) -> None:
        """Run the command; a domain error here is a bug in the plan and is raised."""

    @property
    def sort_key(self) -> tuple[date, int]:
        """Steps of one employee run in this order."""
        return (self.on, self.rank)

    @property
    def events(self) -> int:
        """How many events running it records (one, unless the step says otherwise)."""
        return 1


@dataclass(frozen=True, slots=True)
class CreateUnit(Step):
    code: str
    name: str
    kind: str
    parent: str | None
    rank: ClassVar[int] = 0

    def run(self, target: Target) -> None:
        parent_id = OrgUnit.id_for(target.caller.tenant, self.parent) if self.parent else None
        target.personnel.create_unit(
            target.caller, code=self.code, name=self.name, kind=self.kind, parent_id=parent_id
        )


@dataclass(frozen=True, slots=True)
class Appoint(Step):
    nip: str
    name: str
    employment_type: str
    golongan: str
    jabatan: tuple[str, str, str | None]  # kind, title, jenjang
    unit: str
    reason: str
    ijazah: str | None = None  # the highest ijazah, recorded with the appointment
    rank: ClassVar[int] = 0

    @property
    def events(self) -> int:
        """Appointed, and IjazahRecorded when the ijazah is known."""
        return 2 if self.ijazah else 1

    def run(self, target: Target) -> None:
        kind, title, jenjang = self.jabatan
        target.personnel.appoint_employee(
            target.caller,
            nip=self.nip,
            name=self.name,
            employment_type=self.employment_type,
            golongan=self.golongan,
            jabatan_kind=kind,
            jabatan_title=title,
            jabatan_jenjang=jenjang,
            unit_id=OrgUnit.id_for(target.caller.tenant, self.unit),
            appointed_on=self.on,
            reason=self.reason,
            ijazah=self.ijazah,
        )


@dataclass(frozen=True, slots=True)
class ConfirmAsPns(Step):
    reason: str
    latsar: UUID  # the Latsar programme passed (scripts/datagen/latsar.py)
    rank: ClassVar[int] = 1

    def run(self, target: Target) -> None:
        target.personnel.confirm_as_pns(
            target.caller,
            nip=target.nip,
            effective_on=self.on,
            latsar_programme_id=self.latsar,
            reason=self.reason,
        )


@dataclass(frozen=True, slots=True)
class Transfer(Step):
    unit: str
    reason: str
    rank: ClassVar[int] = 2

    def run(self, target: Target) -> None:
        target.personnel.transfer(
            target.caller,
            nip=target.nip,
            to_unit_id=OrgUnit.id_for(target.caller.tenant, self.unit),
            effective_on=self.on,
            reason=self.reason,
        )


@dataclass(frozen=True, slots=True)
class ChangeJabatan(Step):
    jabatan: tuple[str, str, str | None]  # kind, title, jenjang
    reason: str | None
    rank: ClassVar[int] = 3

    def run(self, target: Target) -> None:
        kind, title, jenjang = self.jabatan
        target.personnel.change_jabatan(
            target.caller,
            nip=target.nip,
            jabatan_kind=kind,
            jabatan_title=title,
            jabatan_jenjang=jenjang,
            effective_on=self.on,
            reason=self.reason,
        )


@dataclass(frozen=True, slots=True)
class Promote(Step):
    to_golongan: str
    reason: str | None
    kind: str | None = None  # REGULER unless a pilihan (domain.promotion.PromotionKind)
    rank: ClassVar[int] = 4

    def run(self, target: Target) -> None:
        target.personnel.promote(
            target.caller,
            nip=target.nip,
            to_golongan=self.to_golongan,
            effective_on=self.on,
            reason=self.reason,
            kind=self.kind,
        )


@dataclass(frozen=True, slots=True)
class GrantLeave(Step):
    leave_type: str
    end: date
    birth_order: int | None = None
    reason: str | None = None

    def run(self, target: Target) -> None:
        target.personnel.grant_leave(
            target.caller,
            nip=target.nip,
            leave_type=self.leave_type,
            start=self.on,
            end=self.end,
            birth_order=self.birth_order,
            reason=self.reason,
        )


@dataclass(frozen=True, slots=True)
class RecordAward(Step):
    kind: str
    title: str
    reason: str | None
    rank: ClassVar[int] = 6

    def run(self, target: Target) -> None:
        target.personnel.record_award(
            target.caller,
            nip=target.nip,
            kind=self.kind,
            title=self.title,
            awarded_on=self.on,
            reason=self.reason,
        )


@dataclass(frozen=True, slots=True)
class ImposeSanction(Step):
    level: str
    kind: str
    reason: str
    rank: ClassVar[int] = 7

    def run(self, target: Target) -> None:
        target.personnel.impose_sanction(
            target.caller,
            nip=target.nip,
            level=self.level,
            kind=self.kind,
            effective_on=self.on,
            reason=self.reason,
            absences_seen=self.absences_seen(),
        )

    def absences_seen(self) -> AbsenceBasis | None:
        """The absence count and proposal the sanction answers (none for other breaches)."""
        return None


@dataclass(frozen=True, slots=True)
class EndEmployment(Step):
    separation: str
    reason: str
    rank: ClassVar[int] = 9

    def run(self, target: Target) -> None:
        target.personnel.end_employment(
            target.caller,
            nip=target.nip,
            separation=self.separation,
            effective_on=self.on,
            reason=self.reason,
        )
