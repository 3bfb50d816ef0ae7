"""Mentoring: a senior ASN guides a mentee for an agreed period, meeting by meeting.

JP come from the meetings logged, never from the period agreed: floor(total minutes / 45),
granted to the mentee. Both endings grant them: `Completed` on or after the agreed end, and
`EndedEarly` (either side, with a reason) for the meetings logged until then, because those
hours of learning took place. The mentor earns no JP for mentoring (a documented choice).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from enum import StrEnum
from typing import Any
from uuid import UUID

from domain.aggregates.base import JejakAggregate
from domain.dates import PLANNED, check_date
from domain.errors import N_, InvalidLearning, MentoringNotActive, MentorNotSenior, Phrase
from domain.learning import LearningForm, jp_from_minutes
from domain.meta import EventMeta
from domain.text import LINE, NAME, clean_text

MAX_MEETING_MINUTES = 480  # one meeting is at most a working day
MAX_GOALS = 10


class MentoringStatus(StrEnum):
    ACTIVE = "ACTIVE"
    COMPLETED = "COMPLETED"
    ENDED_EARLY = "ENDED_EARLY"


_STATUS_WORDS = {
    MentoringStatus.ACTIVE: N_("active"),
    MentoringStatus.COMPLETED: N_("completed"),
    MentoringStatus.ENDED_EARLY: N_("ended_early"),
}


class Side(StrEnum):
    """Who ended a mentoring early: one of the pair, or HR for them."""

    MENTOR = "MENTOR"
    MENTEE = "MENTEE"
    HR = "HR"


class Mentoring(JejakAggregate):
    """One mentor, one mentee, one period, its goals and its meetings."""

    class Paired(JejakAggregate.Created):
        tenant: str
        mentor_id: UUID
        mentee_id: UUID
        starts_on: date
        ends_on: date
        goals: list[str]
        competency_codes: list[str]

    class MeetingLogged(JejakAggregate.Event):
        held_on: date
        minutes: int
        topic: str

        def apply(self, aggregate: Mentoring) -> None:
            aggregate.meetings.append({"held_on": self.held_on, "minutes": self.minutes})

    class _Ended(JejakAggregate.Event):
        """Grants the mentee `jp` for the logged minutes; `completed_on` sets the JP year."""

        employee_id: UUID  # the mentee
        mentor_id: UUID
        completed_on: date
        total_minutes: int
        meetings: int
        jp: int
        form: str
        competency_codes: list[str]

    class Completed(_Ended):
        def apply(self, aggregate: Mentoring) -> None:
            aggregate.status = MentoringStatus.COMPLETED.value

    class EndedEarly(_Ended):
        ended_by: str  # a Side; the reason is in meta

        def apply(self, aggregate: Mentoring) -> None:
            aggregate.status = MentoringStatus.ENDED_EARLY.value

    def __init__(
        self,
        tenant: str,
        mentor_id: UUID,
        mentee_id: UUID,
        starts_on: date,
        ends_on: date,
        goals: list[str],
        competency_codes: list[str],
        meta: EventMeta,
    ) -> None:
        self.tenant, self.mentor_id, self.mentee_id = tenant, mentor_id, mentee_id
        self.starts_on, self.ends_on = starts_on, ends_on
        self.goals, self.competency_codes = list(goals), list(competency_codes)
        self.status = MentoringStatus.ACTIVE.value
        self.meetings: list[dict[str, Any]] = []  # [{"held_on": date, "minutes": int}]

    @classmethod
    def pair(
        cls,
        *,
        id: UUID,
        mentor_id: UUID,
        mentor_service_start: date,
        mentee_id: UUID,
        mentee_service_start: date,
        starts_on: date,
        ends_on: date,
        goals: Sequence[str],
        competency_codes: list[str],
        at: datetime,
        meta: EventMeta,
    ) -> Mentoring:
        """Pair a senior mentor (longer in service) with a mentee for a period with goals."""
        if mentor_id == mentee_id:
            raise InvalidLearning(N_("A mentor cannot mentor themselves."))
        if mentor_service_start >= mentee_service_start:
            raise MentorNotSenior(
                N_("The mentor must have been in service longer than the mentee.")
            )
        if ends_on <= starts_on:
            raise InvalidLearning(N_("The mentoring must end after it starts."))
        check_date(starts_on, N_("The start of a mentoring"), PLANNED, at.date())
        check_date(ends_on, N_("The end of a mentoring"), PLANNED, at.date())
        if not 1 <= len(goals) <= MAX_GOALS:
            raise InvalidLearning(
                N_("Give 1–{most} goals of 2–500 characters each."), most=MAX_GOALS
            )
        cleaned = [
            " ".join(clean_text(goal, N_("A goal"), LINE, min_length=2).split()) for goal in goals
        ]
        mentoring: Mentoring = cls.start(
            cls.Paired,
            id,
            at,
            meta,
            tenant=meta.tenant,
            mentor_id=mentor_id,
            mentee_id=mentee_id,
            starts_on=starts_on,
            ends_on=ends_on,
            goals=cleaned,
            competency_codes=list(competency_codes),
        )
        return mentoring

    # --- queries and invariants ------------------------------------------------------------
    @property
    def total_minutes(self) -> int:
        return sum(int(m["minutes"]) for m in self.meetings)

    @property
    def last_meeting_on(self) -> date | None:
        return max((m["held_on"] for m in self.meetings), default=None)

    def check_is_active(self) -> None:
        if self.status != MentoringStatus.ACTIVE:
            raise MentoringNotActive(
                N_("The mentoring is {status}; it has ended."),
                status=Phrase(_STATUS_WORDS[MentoringStatus(self.status)]),
            )

    # --- commands -------------------------------------------------------------------------
    def log_meeting(
        self, held_on: date, minutes: int, topic: str, at: datetime, meta: EventMeta
    ) -> None:
        """Log a meeting held within the period, with its duration in minutes."""
        self.check_is_active()
        topic = clean_text(topic, N_("A meeting topic"), NAME, min_length=2)
        if not self.starts_on <= held_on <= min(self.ends_on, at.date()):
            raise InvalidLearning(
                N_("A meeting is held within {starts_on}–{ends_on} and not in the future."),
                starts_on=self.starts_on,
                ends_on=self.ends_on,
            )
        if not 1 <= minutes <= MAX_MEETING_MINUTES:
            raise InvalidLearning(N_("A meeting lasts 1–{most} minutes."), most=MAX_MEETING_MINUTES)
        self.record(self.MeetingLogged, at, meta, held_on=held_on, minutes=minutes, topic=topic)

    def complete(self, completed_on: date, at: datetime, meta: EventMeta) -> int:
        """Complete on or after the agreed end; returns the JP granted to the mentee."""
        self.check_is_active()
        if not self.ends_on <= completed_on <= at.date():
            raise InvalidLearning(
                N_(
                    "Completion is on or after the agreed end ({ends_on}) and not in the "
                    "future; to stop sooner, end the mentoring early."
                ),
                ends_on=self.ends_on,
            )
        return self._end(self.Completed, completed_on, at, meta)

    def end_early(self, side: Side, ended_on: date, at: datetime, meta: EventMeta) -> int:
        """Either side ends it before the agreed end, with a reason; JP for the logged meetings."""
        self.check_is_active()
        meta.require_reason(N_("Ending a mentoring early"))
        earliest = self.last_meeting_on or self.starts_on
        if not earliest <= ended_on < self.ends_on or ended_on > at.date():
            raise InvalidLearning(
                N_(
                    "An early end falls between {earliest} and the day before {ends_on}, "
                    "and not in the future."
                ),
                earliest=earliest,
                ends_on=self.ends_on,
            )
        return self._end(self.EndedEarly, ended_on, at, meta, ended_by=side.value)

    def _end(
        self, event_class: type[_Ended], on: date, at: datetime, meta: EventMeta, **extra: Any
    ) -> int:
        jp = jp_from_minutes(self.total_minutes)
        self.record(
            event_class,
            at,
            meta,
            employee_id=self.mentee_id,
            mentor_id=self.mentor_id,
            completed_on=on,
            total_minutes=self.total_minutes,
            meetings=len(self.meetings),
            jp=jp,
            form=LearningForm.MENTORING.value,
            competency_codes=list(self.competency_codes),
            **extra,
        )
        return jp
