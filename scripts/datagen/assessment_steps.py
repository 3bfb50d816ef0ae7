"""Planned assessment commands: checkpoint and annual ratings, calibration, finalisation,
objections."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from domain.aggregates.employee import Employee
from domain.appraisal import ANNUAL
from scripts.datagen.activities import Activity, Desk
from scripts.datagen.appraisal_steps import cycle_of, unit_of


def _rate(desk: Desk, step: Rate | RateCheckpoint, checkpoint: str) -> None:
    """The appraiser's rating of one person at `checkpoint`, as a planned step says."""
    desk.appraisal.rate(
        desk.as_(step.appraiser),
        cycle_id=cycle_of(desk, step.year),
        employee_id=Employee.id_for(step.nip),
        checkpoint=checkpoint,
        hasil_kerja=step.ratings[0],
        perilaku_kerja=step.ratings[1],
        justification=step.justification,
    )


@dataclass(frozen=True, slots=True)
class Rate(Activity):
    year: int
    nip: str
    appraiser: str
    ratings: tuple[str, str]  # hasil kerja, perilaku kerja
    justification: str
    rank: ClassVar[int] = 7

    def run(self, desk: Desk) -> None:
        _rate(desk, self, ANNUAL)

    @property
    def events(self) -> int:
        return 2  # the rating and the predikat computed from it


@dataclass(frozen=True, slots=True)
class RateCheckpoint(Activity):
    """The appraiser's rating at a periodic checkpoint (Q1–Q3), during the year."""

    year: int
    nip: str
    appraiser: str
    checkpoint: str
    ratings: tuple[str, str]  # hasil kerja, perilaku kerja
    justification: str
    rank: ClassVar[int] = 7

    def run(self, desk: Desk) -> None:
        _rate(desk, self, self.checkpoint)

    @property
    def events(self) -> int:
        return 2  # the rating and the predikat computed from it


@dataclass(frozen=True, slots=True)
class AssessPotential(Activity):
    year: int
    nip: str
    potensial: str
    rank: ClassVar[int] = 8

    def run(self, desk: Desk) -> None:
        desk.appraisal.assess_potential(
            desk.hr,
            cycle_id=cycle_of(desk, self.year),
            employee_id=Employee.id_for(self.nip),
            potensial=self.potensial,
        )


@dataclass(frozen=True, slots=True)
class RateOrganisation(Activity):
    year: int
    unit: str
    rating: str
    rank: ClassVar[int] = 9

    def run(self, desk: Desk) -> None:
        desk.appraisal.rate_organisation(
            desk.hr,
            cycle_id=cycle_of(desk, self.year),
            unit_id=unit_of(desk, self.unit),
            rating=self.rating,
        )


@dataclass(frozen=True, slots=True)
class Calibrate(Activity):
    year: int
    nip: str
    ratings: tuple[str, str]
    reason: str
    rank: ClassVar[int] = 10

    def run(self, desk: Desk) -> None:
        desk.appraisal.calibrate(
            desk.hr,
            cycle_id=cycle_of(desk, self.year),
            employee_id=Employee.id_for(self.nip),
            hasil_kerja=self.ratings[0],
            perilaku_kerja=self.ratings[1],
            reason=self.reason,
        )

    @property
    def events(self) -> int:
        return 2


@dataclass(frozen=True, slots=True)
class Finalise(Activity):
    year: int
    enrolled: int
    rank: ClassVar[int] = 11

    def run(self, desk: Desk) -> None:
        desk.appraisal.finalise(desk.hr, cycle_id=cycle_of(desk, self.year))

    @property
    def events(self) -> int:
        return 1 + self.enrolled  # the cycle's, and a lock on every appraisal


@dataclass(frozen=True, slots=True)
class FileObjection(Activity):
    year: int
    nip: str
    reasons: str
    rank: ClassVar[int] = 12

    def run(self, desk: Desk) -> None:
        desk.appraisal.file_objection(
            desk.as_(self.nip),
            cycle_id=cycle_of(desk, self.year),
            employee_id=Employee.id_for(self.nip),
            reasons=self.reasons,
        )


@dataclass(frozen=True, slots=True)
class DecideObjection(Activity):
    year: int
    nip: str
    superior: str
    ratings: tuple[str, str] | None  # new ratings if upheld
    reason: str
    rank: ClassVar[int] = 13

    def run(self, desk: Desk) -> None:
        hasil, perilaku = self.ratings or (None, None)
        desk.appraisal.decide_objection(
            desk.as_(self.superior),
            cycle_id=cycle_of(desk, self.year),
            employee_id=Employee.id_for(self.nip),
            upheld=self.ratings is not None,
            reason=self.reason,
            hasil_kerja=hasil,
            perilaku_kerja=perilaku,
        )

    @property
    def events(self) -> int:
        return 2 if self.ratings else 1  # decided, and if upheld the new predikat
