"""Planned appraisal commands (AppraisalApplication) of the year: the cycle, the SKP, execution.

Each acts as the person the rules name; `assessment_steps` holds those of the year's end.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar
from uuid import UUID

from domain.aggregates.appraisal_cycle import AppraisalCycle
from domain.aggregates.employee import Employee
from domain.aggregates.org_unit import OrgUnit
from domain.appraisal import BERAKHLAK, EnrolmentCandidate, HasilKerja, UnitNode
from scripts.datagen.activities import Activity, Desk


def cycle_of(desk: Desk, year: int) -> UUID:
    return AppraisalCycle.id_for(desk.hr.tenant, year)


def unit_of(desk: Desk, code: str) -> UUID:
    return OrgUnit.id_for(desk.hr.tenant, code)


@dataclass(frozen=True, slots=True)
class OpenCycle(Activity):
    year: int
    units: tuple[str, ...]
    rank: ClassVar[int] = 0

    def run(self, desk: Desk) -> None:
        unit_ids = [unit_of(desk, code) for code in self.units]
        desk.appraisal.open_cycle(desk.hr, year=self.year, period="QUARTERLY", unit_ids=unit_ids)


@dataclass(frozen=True, slots=True)
class Enrol(Activity):
    year: int
    candidates: tuple[tuple[str, str, str, bool], ...]  # nip, unit, jabatan kind, is head
    tree: tuple[tuple[str, str | None], ...]  # unit, parent
    new: int  # candidates not enrolled before (the others are heads above, for the chains)
    rank: ClassVar[int] = 1

    def run(self, desk: Desk) -> None:
        candidates = [
            EnrolmentCandidate(Employee.id_for(nip), nip, unit_of(desk, unit), kind, head)
            for nip, unit, kind, head in self.candidates
        ]
        units = [
            UnitNode(unit_of(desk, code), unit_of(desk, parent) if parent else None)
            for code, parent in self.tree
        ]
        desk.appraisal.enrol(
            desk.hr, cycle_id=cycle_of(desk, self.year), candidates=candidates, units=units
        )

    @property
    def events(self) -> int:
        return 1 + self.new


@dataclass(frozen=True, slots=True)
class OverrideAppraiser(Activity):
    year: int
    nip: str
    appraiser: str
    reason: str
    rank: ClassVar[int] = 2

    def run(self, desk: Desk) -> None:
        desk.appraisal.override_appraiser(
            desk.hr,
            cycle_id=cycle_of(desk, self.year),
            employee_id=Employee.id_for(self.nip),
            appraiser=self.appraiser,
            superior=None,
            reason=self.reason,
        )

    @property
    def events(self) -> int:
        return 2  # on the cycle and on the appraisal


@dataclass(frozen=True, slots=True)
class DraftSkp(Activity):
    year: int
    nip: str
    rows: tuple[tuple[str, str, str, str, str], ...]  # kind, rencana, aspect, indikator, target
    rank: ClassVar[int] = 3

    def run(self, desk: Desk) -> None:
        desk.appraisal.draft_skp(
            desk.as_(self.nip),
            cycle_id=cycle_of(desk, self.year),
            employee_id=Employee.id_for(self.nip),
            hasil_kerja=[HasilKerja(*row) for row in self.rows],
            perilaku=dict.fromkeys(BERAKHLAK, ""),
        )


@dataclass(frozen=True, slots=True)
class ApproveSkp(Activity):
    year: int
    nip: str
    appraiser: str
    reason: str | None
    rank: ClassVar[int] = 4

    def run(self, desk: Desk) -> None:
        desk.appraisal.approve_skp(
            desk.as_(self.appraiser),
            cycle_id=cycle_of(desk, self.year),
            employee_id=Employee.id_for(self.nip),
            reason=self.reason,
        )


@dataclass(frozen=True, slots=True)
class RecordRealisation(Activity):
    year: int
    nip: str
    row: int
    realisation: str
    evidence_link: str
    rank: ClassVar[int] = 5

    def run(self, desk: Desk) -> None:
        desk.appraisal.record_realisation(
            desk.as_(self.nip),
            cycle_id=cycle_of(desk, self.year),
            employee_id=Employee.id_for(self.nip),
            row=self.row,
            realisation=self.realisation,
            evidence_link=self.evidence_link,
        )


@dataclass(frozen=True, slots=True)
class GiveFeedback(Activity):
    """The appraiser's feedback on a row, or (row None) a colleague's on perilaku."""

    year: int
    nip: str
    giver: str
    row: int | None
    text: str
    behaviour: str | None
    rank: ClassVar[int] = 6

    def run(self, desk: Desk) -> None:
        cycle_id, employee_id = cycle_of(desk, self.year), Employee.id_for(self.nip)
        giver = desk.as_(self.giver)
        if self.row is None:
            desk.appraisal.give_colleague_feedback(
                giver,
                cycle_id=cycle_id,
                employee_id=employee_id,
                text=self.text,
                behaviour=self.behaviour,
            )
        else:
            desk.appraisal.give_row_feedback(
                giver, cycle_id=cycle_id, employee_id=employee_id, row=self.row, text=self.text
            )


@dataclass(frozen=True, slots=True)
class ReceiveMasyarakatRating(Activity):
    year: int
    nip: str
    fingerprint: str
    score: int
    comment: str | None
    rank: ClassVar[int] = 6

    def run(self, desk: Desk) -> None:
        desk.appraisal.receive_masyarakat_rating(
            desk.hr,
            cycle_id=cycle_of(desk, self.year),
            employee_id=Employee.id_for(self.nip),
            fingerprint=self.fingerprint,
            score=self.score,
            comment=self.comment,
        )
