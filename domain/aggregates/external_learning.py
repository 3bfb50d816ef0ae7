"""ExternalLearning: learning an employee completed outside Jejak's programmes, with evidence.

The employee (or HR for them) submits it: a seminar, an e-learning course, self-study. HR
recognises it with the JP it grants, at most what its evidenced minutes hold, or refuses it
with a reason. `Recognised` is the JP-granting event and carries everything a projection
needs to attribute the JP.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from uuid import UUID

from domain.aggregates.base import JejakAggregate
from domain.dates import PAST, check_date
from domain.errors import N_, InvalidLearning, LearningAlreadyDecided, Phrase
from domain.learning import LearningForm, jp_from_minutes
from domain.meta import EventMeta
from domain.text import LINE, NAME, clean_text

MAX_MINUTES = 100 * 60  # one submission is at most 100 hours of learning


class Decision(StrEnum):
    SUBMITTED = "SUBMITTED"
    RECOGNISED = "RECOGNISED"
    REFUSED = "REFUSED"


_DECISION_WORDS = {
    Decision.SUBMITTED: N_("submitted"),
    Decision.RECOGNISED: N_("recognised"),
    Decision.REFUSED: N_("refused"),
}


class ExternalLearning(JejakAggregate):
    """One submission of external learning and HR's decision on it."""

    class Submitted(JejakAggregate.Created):
        tenant: str
        employee_id: UUID
        title: str
        form: str
        provider: str
        completed_on: date
        minutes: int
        evidence_ref: str
        competency_codes: list[str]

    class Recognised(JejakAggregate.Event):
        """Grants `jp` to the employee; HR's competencies replace the submitted ones."""

        employee_id: UUID
        completed_on: date
        jp: int
        form: str
        competency_codes: list[str]

        def apply(self, aggregate: ExternalLearning) -> None:
            aggregate.decision = Decision.RECOGNISED.value
            aggregate.competency_codes = list(self.competency_codes)

    class Refused(JejakAggregate.Event):
        employee_id: UUID  # the reason is in meta

        def apply(self, aggregate: ExternalLearning) -> None:
            aggregate.decision = Decision.REFUSED.value

    def __init__(
        self,
        tenant: str,
        employee_id: UUID,
        title: str,
        form: str,
        provider: str,
        completed_on: date,
        minutes: int,
        evidence_ref: str,
        competency_codes: list[str],
        meta: EventMeta,
    ) -> None:
        self.tenant, self.employee_id, self.title, self.form = tenant, employee_id, title, form
        self.provider, self.completed_on, self.minutes = provider, completed_on, minutes
        self.evidence_ref = evidence_ref
        self.competency_codes = list(competency_codes)
        self.decision = Decision.SUBMITTED.value

    @classmethod
    def submit(
        cls,
        *,
        id: UUID,
        employee_id: UUID,
        title: str,
        form: LearningForm,
        provider: str,
        completed_on: date,
        minutes: int,
        evidence_ref: str,
        competency_codes: list[str],
        at: datetime,
        meta: EventMeta,
    ) -> ExternalLearning:
        """Submit completed learning with its duration and a reference to the evidence."""
        if completed_on > at.date():
            raise InvalidLearning(N_("Only learning already completed can be submitted."))
        check_date(completed_on, N_("The completion date"), PAST, at.date())
        if not 1 <= minutes <= MAX_MINUTES:
            raise InvalidLearning(
                N_("A submission covers 1–{most} minutes of learning."), most=MAX_MINUTES
            )
        title = clean_text(title, N_("A title"), NAME, min_length=2)
        provider = clean_text(provider, N_("A provider"), NAME, min_length=2)
        evidence_ref = clean_text(evidence_ref, N_("The evidence reference"), LINE, min_length=2)
        learning: ExternalLearning = cls.start(
            cls.Submitted,
            id,
            at,
            meta,
            tenant=meta.tenant,
            employee_id=employee_id,
            title=title,
            form=form.value,
            provider=provider,
            completed_on=completed_on,
            minutes=minutes,
            evidence_ref=evidence_ref,
            competency_codes=list(competency_codes),
        )
        return learning

    def check_undecided(self) -> None:
        if self.decision != Decision.SUBMITTED:
            raise LearningAlreadyDecided(
                N_("This learning is already {decision}."),
                decision=Phrase(_DECISION_WORDS[Decision(self.decision)]),
            )

    def recognise(
        self, jp: int, competency_codes: list[str] | None, at: datetime, meta: EventMeta
    ) -> None:
        """Recognise with the JP HR grants: 1 or more, at most floor(minutes / 45)."""
        self.check_undecided()
        most = jp_from_minutes(self.minutes)
        if not 1 <= jp <= most:
            if not most:
                raise InvalidLearning(
                    N_("{minutes} minutes are less than 1 JP: refuse it instead."),
                    minutes=self.minutes,
                )
            raise InvalidLearning(
                N_("{minutes} minutes of learning grant 1–{most} JP, not {jp}."),
                minutes=self.minutes,
                most=most,
                jp=jp,
            )
        codes = self.competency_codes if competency_codes is None else competency_codes
        self.record(
            self.Recognised,
            at,
            meta,
            employee_id=self.employee_id,
            completed_on=self.completed_on,
            jp=jp,
            form=self.form,
            competency_codes=list(codes),
        )

    def refuse(self, at: datetime, meta: EventMeta) -> None:
        """Refuse the submission, with a reason."""
        self.check_undecided()
        meta.require_reason(N_("Refusing external learning"))
        self.record(self.Refused, at, meta, employee_id=self.employee_id)
