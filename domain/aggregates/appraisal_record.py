"""The state of an employee's appraisal: its events, its invariants and its views.

`EmployeeAppraisal` (domain.aggregates.employee_appraisal) is the aggregate; its commands live
in two layers over this base (execution, then assessment and objection) to keep modules small.
The events are nested here and re-created by the library on each subclass, so every recorded
event is named `EmployeeAppraisal.<Event>` and its topic is the aggregate's own module.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID, uuid5

from domain.aggregates.appraisal_views import AppraisalViews
from domain.aggregates.base import JejakAggregate
from domain.appraisal import (
    ANNUAL,
    Period,
    checkpoint_on,
    local_date,
)
from domain.errors import (
    N_,
    AppraisalForbidden,
    CycleLocked,
    InvalidInput,
    ObjectionAlreadyDecided,
    SkpNotApproved,
    phrase,
)
from domain.meta import EventMeta
from domain.scoring import Rating, predikat_for

APPRAISAL_NAMESPACE = UUID("9a4e2b71-0c5d-4f38-b6e1-7d2c8a9f1e04")
DRAFT, APPROVED, FILED = "DRAFT", "APPROVED", "FILED"
#: The parties of an appraisal as refusals name them (marked: they are read in Indonesian too).
PARTIES = {"employee": N_("employee"), "appraiser": N_("appraiser"), "superior": N_("superior")}
_ENVELOPE = frozenset({"originator_id", "originator_version", "timestamp", "meta"})


def _payload(event: JejakAggregate.Event) -> dict[str, Any]:
    """An event's own fields, as plain values for the aggregate's state."""
    return {k: v for k, v in vars(event).items() if k not in _ENVELOPE}


class AppraisalRecord(AppraisalViews, JejakAggregate):
    """The events and state of one employee's appraisal in one cycle (see EmployeeAppraisal)."""

    """One employee's SKP, evidence, feedback, ratings and objection in one cycle."""

    class Enrolled(JejakAggregate.Created):
        cycle_id: UUID
        tenant: str
        year: int
        employee_id: UUID
        nip: str
        unit_id: UUID
        appraiser: str | None
        superior: str | None
        settings: dict[str, Any]  # the cycle's settings (CycleSettings.as_fields)

    class SkpDrafted(JejakAggregate.Event):
        revision: int
        hasil_kerja: list[dict[str, Any]]
        perilaku: dict[str, str]

        def apply(self, aggregate: AppraisalRecord) -> None:
            aggregate.skp_revision, aggregate.skp_status = self.revision, DRAFT
            aggregate.hasil_kerja = [dict(row) for row in self.hasil_kerja]
            aggregate.perilaku = dict(self.perilaku)

    class SkpApproved(JejakAggregate.Event):
        revision: int
        approved_on: date
        late: bool

        def apply(self, aggregate: AppraisalRecord) -> None:
            aggregate.skp_status, aggregate.ever_approved = APPROVED, True

    class AppraiserChanged(JejakAggregate.Event):
        cause: str  # OVERRIDE or MUTASI; the cycle's event of this name has before and after
        unit_id: UUID
        appraiser: str | None
        superior: str | None

        def apply(self, aggregate: AppraisalRecord) -> None:
            aggregate.unit_id, aggregate.appraiser = self.unit_id, self.appraiser
            aggregate.superior = self.superior

    class PlanningReopened(JejakAggregate.Event):
        cause: str
        revision: int  # the approved revision that must now be revised

        def apply(self, aggregate: AppraisalRecord) -> None:
            aggregate.skp_status = DRAFT

    class RealisationRecorded(JejakAggregate.Event):
        revision: int
        checkpoint: str
        row: int
        realisation: str
        evidence_link: str | None
        evidence_document: str | None
        note: str

        def apply(self, aggregate: AppraisalRecord) -> None:
            aggregate.realisations.append(_payload(self))

    class FeedbackGiven(JejakAggregate.Event):
        source: str  # FeedbackSource
        checkpoint: str
        giver: str | None  # the giver's NIP, kept for audit; None for masyarakat
        fingerprint: str | None  # a masyarakat source's hashed token, for the rate limit
        row: int | None  # the hasil kerja row the appraiser's feedback is about
        behaviour: str | None  # the BerAKHLAK value a colleague's feedback is about
        text: str | None
        score: int | None  # masyarakat: the SKM 1–4 rating

        def apply(self, aggregate: AppraisalRecord) -> None:
            aggregate.feedback.append(_payload(self))

    class Rated(JejakAggregate.Event):
        checkpoint: str
        hasil_kerja: str
        perilaku_kerja: str
        justification: str

        def apply(self, aggregate: AppraisalRecord) -> None:
            rating = dict(_payload(self), version=self.originator_version, calibrated=False)
            aggregate.ratings[self.checkpoint] = rating

    class RatingCalibrated(JejakAggregate.Event):
        checkpoint: str
        hasil_kerja_before: str
        perilaku_kerja_before: str
        hasil_kerja: str
        perilaku_kerja: str

        def apply(self, aggregate: AppraisalRecord) -> None:
            rating = aggregate.ratings[self.checkpoint]
            rating.update(hasil_kerja=self.hasil_kerja, perilaku_kerja=self.perilaku_kerja)
            rating.update(version=self.originator_version, calibrated=True)

    class PredikatComputed(JejakAggregate.Event):
        checkpoint: str
        predikat: str
        hasil_kerja: str
        perilaku_kerja: str
        rules_version: str
        source_versions: list[int]  # originator versions of the rating events it used

        def apply(self, aggregate: AppraisalRecord) -> None:
            aggregate.predikat[self.checkpoint] = self.predikat

    class PotentialAssessed(JejakAggregate.Event):
        potensial: str
        previous: str | None

        def apply(self, aggregate: AppraisalRecord) -> None:
            aggregate.potensial = self.potensial

    class ObjectionFiled(JejakAggregate.Event):
        reasons: str
        received_on: date
        filed_on: date
        day: int  # of the objection window; day 1 is the day after the result was received

        def apply(self, aggregate: AppraisalRecord) -> None:
            aggregate.objection = FILED

    class Locked(JejakAggregate.Event):
        """The cycle was finalised: recorded on every appraisal in the finalisation's save."""

        received_on: date

        def apply(self, aggregate: AppraisalRecord) -> None:
            aggregate.locked_on = self.received_on

    class ObjectionDecided(JejakAggregate.Event):
        upheld: bool
        hasil_kerja: str | None  # the new ratings, when upheld
        perilaku_kerja: str | None

        def apply(self, aggregate: AppraisalRecord) -> None:
            aggregate.objection = "UPHELD" if self.upheld else "REJECTED"
            if self.upheld:
                rating = aggregate.ratings[ANNUAL]
                rating.update(hasil_kerja=self.hasil_kerja, perilaku_kerja=self.perilaku_kerja)
                rating.update(version=self.originator_version)

    def __init__(
        self,
        cycle_id: UUID,
        tenant: str,
        year: int,
        employee_id: UUID,
        nip: str,
        unit_id: UUID,
        appraiser: str | None,
        superior: str | None,
        settings: dict[str, Any],
        meta: EventMeta,
    ) -> None:
        self.cycle_id, self.tenant, self.year = cycle_id, tenant, year
        self.employee_id, self.nip, self.unit_id = employee_id, nip, unit_id
        self.appraiser, self.superior = appraiser, superior
        self.settings = dict(settings)
        self.skp_revision, self.ever_approved = 0, False
        self.skp_status: str | None = None  # DRAFT or APPROVED
        self.hasil_kerja: list[dict[str, Any]] = []
        self.perilaku: dict[str, str] = {}
        self.realisations: list[dict[str, Any]] = []
        self.feedback: list[dict[str, Any]] = []
        self.ratings: dict[str, dict[str, Any]] = {}  # checkpoint → the ratings in force
        self.predikat: dict[str, str] = {}  # checkpoint → the predikat computed from them
        self.potensial: str | None = None
        self.objection: str | None = None  # FILED, UPHELD or REJECTED
        self.locked_on: date | None = None  # when the cycle's finalisation reached it

    @staticmethod
    def id_for(cycle_id: UUID, employee_id: UUID) -> UUID:
        """One appraisal per employee per cycle."""
        return uuid5(APPRAISAL_NAMESPACE, f"{cycle_id}/{employee_id}")

    # --- invariants, read as sentences ---------------------------------------------------
    def check_acting_as(self, party: str, meta: EventMeta) -> None:
        """Only the employee, the appraiser or the appraiser's superior act as such."""
        person = {"employee": self.nip, "appraiser": self.appraiser, "superior": self.superior}
        if person[party] is None:
            raise AppraisalForbidden(
                N_("{nip} has no {party}; HR must set one first."),
                nip=self.nip,
                party=phrase(PARTIES[party]),
            )
        if meta.actor_id != person[party]:
            raise AppraisalForbidden(
                N_("Only the {party} of {nip} may do this."),
                party=phrase(PARTIES[party]),
                nip=self.nip,
            )

    def check_skp_is_approved(self) -> None:
        if self.skp_status != APPROVED:
            raise SkpNotApproved(
                N_("The SKP of {nip} is not approved (yet, or again)."), nip=self.nip
            )

    def check_row(self, row: int) -> None:
        if not 1 <= row <= len(self.hasil_kerja):
            raise InvalidInput(
                N_("The SKP has hasil kerja rows 1–{last}."), last=len(self.hasil_kerja)
            )

    def check_checkpoint(self, checkpoint: str) -> str:
        checkpoint = checkpoint.strip().upper()
        if checkpoint not in self.settings["checkpoints"]:
            raise InvalidInput(
                N_("The checkpoints of this cycle are {checkpoints}."),
                checkpoints=self.settings["checkpoints"],
            )
        return checkpoint

    def today(self, at: datetime) -> date:
        """The tenant's local date at the injected time."""
        return local_date(at, self.settings["utc_offset_hours"])

    def checkpoint_at(self, at: datetime) -> str:
        return checkpoint_on(self.today(at), Period(self.settings["period"]), self.year)

    def check_is_open(self) -> None:
        if self.locked_on is not None:
            raise CycleLocked(
                N_("The cycle of {nip} was finalised on {locked_on}."),
                nip=self.nip,
                locked_on=self.locked_on,
            )

    def check_objection_is_open(self) -> None:
        if self.objection not in (None, FILED):
            raise ObjectionAlreadyDecided(N_("The objection was decided; that decision is final."))

    def _compute(self, checkpoint: str, at: datetime, meta: EventMeta) -> None:
        rating = self.ratings[checkpoint]
        hasil, perilaku = Rating(rating["hasil_kerja"]), Rating(rating["perilaku_kerja"])
        policy = self.policy()
        self.record(
            self.PredikatComputed,
            at,
            meta,
            checkpoint=checkpoint,
            predikat=predikat_for(hasil, perilaku, policy.matrix).value,
            hasil_kerja=hasil.value,
            perilaku_kerja=perilaku.value,
            rules_version=policy.label,
            source_versions=[rating["version"]],
        )
