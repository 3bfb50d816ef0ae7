"""Planned training commands (TrainingApplication): the catalogue and programmes.

HR (the generator's caller, user "datagen") keeps the catalogue and runs the programmes; an employee
who applies does so as themselves. Programmes get the id the plan gave them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar
from uuid import UUID

from scripts.datagen.activities import Activity, Desk


@dataclass(frozen=True, slots=True)
class AddCompetency(Activity):
    code: str
    name: str
    kind: str
    first: bool  # the first one opens the catalogue
    rank: ClassVar[int] = 0

    def run(self, desk: Desk) -> None:
        desk.training.add_competency(desk.hr, code=self.code, name=self.name, kind=self.kind)

    @property
    def events(self) -> int:
        return 2 if self.first else 1


@dataclass(frozen=True, slots=True)
class SetJabatanRequirements(Activity):
    jabatan_title: str
    codes: tuple[str, ...]
    rank: ClassVar[int] = 1

    def run(self, desk: Desk) -> None:
        desk.training.set_jabatan_requirements(
            desk.hr, jabatan_title=self.jabatan_title, competency_codes=self.codes
        )


@dataclass(frozen=True, slots=True)
class DefineProgramme(Activity):
    id: UUID
    title: str
    form: str
    codes: tuple[str, ...]
    jp: int
    provider: str
    capacity: int
    sessions: tuple[tuple[date, int], ...]
    rank: ClassVar[int] = 2

    def run(self, desk: Desk) -> None:
        desk.ids.next = self.id
        desk.training.define_programme(
            desk.hr,
            title=self.title,
            form=self.form,
            competency_codes=self.codes,
            jp=self.jp,
            provider=self.provider,
            capacity=self.capacity,
            sessions=self.sessions,
        )


@dataclass(frozen=True, slots=True)
class Enter(Activity):
    """Nominated by HR, or (self) applied for by the employee."""

    programme: UUID
    nip: str
    self_applied: bool
    rank: ClassVar[int] = 3

    def run(self, desk: Desk) -> None:
        if self.self_applied:
            desk.training.apply_for_programme(
                desk.as_(self.nip), programme_id=self.programme, nip=self.nip
            )
        else:
            desk.training.nominate(desk.hr, programme_id=self.programme, nip=self.nip)


@dataclass(frozen=True, slots=True)
class Accept(Activity):
    """Accepted into a seat, or waitlisted when the programme is full."""

    programme: UUID
    nip: str
    rank: ClassVar[int] = 4

    def run(self, desk: Desk) -> None:
        desk.training.accept_participant(desk.hr, programme_id=self.programme, nip=self.nip)


@dataclass(frozen=True, slots=True)
class Withdraw(Activity):
    programme: UUID
    nip: str
    reason: str
    frees_seat_for_waitlisted: bool
    rank: ClassVar[int] = 5

    def run(self, desk: Desk) -> None:
        desk.training.withdraw_participant(
            desk.hr, programme_id=self.programme, nip=self.nip, reason=self.reason
        )

    @property
    def events(self) -> int:
        return 2 if self.frees_seat_for_waitlisted else 1


@dataclass(frozen=True, slots=True)
class Attend(Activity):
    programme: UUID
    nip: str
    session: int
    rank: ClassVar[int] = 6

    def run(self, desk: Desk) -> None:
        desk.training.record_attendance(
            desk.hr, programme_id=self.programme, nip=self.nip, session=self.session
        )


@dataclass(frozen=True, slots=True)
class Complete(Activity):
    programme: UUID
    nip: str
    passed: bool
    score: float | None
    certificate: str | None
    rank: ClassVar[int] = 7

    def run(self, desk: Desk) -> None:
        desk.training.complete_participant(
            desk.hr,
            programme_id=self.programme,
            nip=self.nip,
            result="PASSED" if self.passed else "FAILED",
            completed_on=self.on,
            score=self.score,
            certificate_ref=self.certificate,
        )


@dataclass(frozen=True, slots=True)
class FinishProgramme(Activity):
    programme: UUID
    rank: ClassVar[int] = 8

    def run(self, desk: Desk) -> None:
        desk.training.finish_programme(desk.hr, programme_id=self.programme)


@dataclass(frozen=True, slots=True)
class CancelProgramme(Activity):
    programme: UUID
    reason: str
    rank: ClassVar[int] = 8

    def run(self, desk: Desk) -> None:
        desk.training.cancel_programme(desk.hr, programme_id=self.programme, reason=self.reason)
