"""Planned mentoring and external-learning commands (TrainingApplication), run by HR."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar
from uuid import UUID

from scripts.datagen.activities import Activity, Desk


@dataclass(frozen=True, slots=True)
class PairMentoring(Activity):
    id: UUID
    mentor: str
    mentee: str
    ends_on: date
    goals: tuple[str, ...]
    codes: tuple[str, ...]
    rank: ClassVar[int] = 2

    def run(self, desk: Desk) -> None:
        desk.ids.next = self.id
        desk.training.pair_mentoring(
            desk.hr,
            mentor_nip=self.mentor,
            mentee_nip=self.mentee,
            starts_on=self.on,
            ends_on=self.ends_on,
            goals=self.goals,
            competency_codes=self.codes,
        )


@dataclass(frozen=True, slots=True)
class LogMeeting(Activity):
    """Logged by the mentor, on the day of the meeting."""

    mentoring: UUID
    mentor: str
    minutes: int
    topic: str
    rank: ClassVar[int] = 6

    def run(self, desk: Desk) -> None:
        desk.training.log_meeting(
            desk.as_(self.mentor),
            mentoring_id=self.mentoring,
            held_on=self.on,
            minutes=self.minutes,
            topic=self.topic,
        )


@dataclass(frozen=True, slots=True)
class EndMentoring(Activity):
    """Completed at the agreed end, or (with a reason) ended early."""

    mentoring: UUID
    early_reason: str | None
    rank: ClassVar[int] = 7

    def run(self, desk: Desk) -> None:
        if self.early_reason is None:
            desk.training.complete_mentoring(
                desk.hr, mentoring_id=self.mentoring, completed_on=self.on
            )
        else:
            desk.training.end_mentoring_early(
                desk.hr, mentoring_id=self.mentoring, ended_on=self.on, reason=self.early_reason
            )


@dataclass(frozen=True, slots=True)
class SubmitLearning(Activity):
    """The employee submits learning completed on `completed_on`, with its evidence."""

    id: UUID
    nip: str
    title: str
    form: str
    provider: str
    completed_on: date
    minutes: int
    evidence: str
    codes: tuple[str, ...]
    rank: ClassVar[int] = 2

    def run(self, desk: Desk) -> None:
        desk.ids.next = self.id
        desk.training.submit_external_learning(
            desk.as_(self.nip),
            nip=self.nip,
            title=self.title,
            form=self.form,
            provider=self.provider,
            completed_on=self.completed_on,
            minutes=self.minutes,
            evidence_ref=self.evidence,
            competency_codes=self.codes,
        )


@dataclass(frozen=True, slots=True)
class DecideLearning(Activity):
    """HR recognises it with `jp`, or (jp None) refuses it with a reason."""

    learning: UUID
    jp: int | None
    reason: str | None
    rank: ClassVar[int] = 7

    def run(self, desk: Desk) -> None:
        if self.jp is None:
            desk.training.refuse_external_learning(
                desk.hr, learning_id=self.learning, reason=self.reason
            )
        else:
            desk.training.recognise_external_learning(
                desk.hr, learning_id=self.learning, jp=self.jp
            )
