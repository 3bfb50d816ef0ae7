"""EmployeeAppraisal: one employee's appraisal in one cycle (PermenPANRB 6/2022).

One aggregate per employee per cycle (id = uuid5 of cycle id and employee id), so appraisers
write to small streams and never contend with each other; the cycle-level facts live in
`AppraisalCycle`. The stages, each a few past-tense events:
- planning: SkpDrafted → SkpApproved; a mutasi or a new appraiser (AppraiserChanged) records
  PlanningReopened, and the SKP is revised and approved again;
- execution: RealisationRecorded (with bukti dukung) and FeedbackGiven (the appraiser's per
  row; peers', subordinates' and the masyarakat's);
- assessment: Rated per checkpoint, then PredikatComputed; calibration: RatingCalibrated, then
  PredikatComputed; objection: ObjectionFiled, ObjectionDecided (+ PredikatComputed if upheld).

Every PredikatComputed names the rules version and the originator versions of the rating
events it used; a projection joins (this id, version) to the global log position, and
`domain.scoring.recompute_predikats(events)` checks each one again. People act under their NIP
as user id: the appraiser rates, the employee plans and objects, the appraiser's superior
decides. The cycle's lock is the cycle's fact: the application checks it before every command
here except the objection, which comes after it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any
from uuid import UUID, uuid5

from domain.aggregates.base import JejakAggregate
from domain.appraisal import (
    ANNUAL,
    BERAKHLAK,
    FeedbackSource,
    FeedbackView,
    Period,
    Realisation,
    as_seen_by_employee,
    check_objection_window,
    checkpoint_on,
    local_date,
)
from domain.errors import (
    AppraisalForbidden,
    FeedbackRateLimited,
    InvalidInput,
    ObjectionAlreadyDecided,
    ObjectionNotAllowed,
    RuleViolation,
    SkpNotApproved,
)
from domain.meta import EventMeta
from domain.scoring import RULES_VERSION, Predikat, Rating, predikat_for
from domain.talent import Potensial, TalentBox, talent_box

APPRAISAL_NAMESPACE = UUID("9a4e2b71-0c5d-4f38-b6e1-7d2c8a9f1e04")
DRAFT, APPROVED, FILED = "DRAFT", "APPROVED", "FILED"
_ENVELOPE = frozenset({"originator_id", "originator_version", "timestamp", "meta"})


def _payload(event: JejakAggregate.Event) -> dict[str, Any]:
    """An event's own fields, as plain values for the aggregate's state."""
    return {k: v for k, v in vars(event).items() if k not in _ENVELOPE}


class EmployeeAppraisal(JejakAggregate):
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

        def apply(self, aggregate: EmployeeAppraisal) -> None:
            aggregate.skp_revision, aggregate.skp_status = self.revision, DRAFT
            aggregate.hasil_kerja = [dict(row) for row in self.hasil_kerja]
            aggregate.perilaku = dict(self.perilaku)

    class SkpApproved(JejakAggregate.Event):
        revision: int
        approved_on: date
        late: bool

        def apply(self, aggregate: EmployeeAppraisal) -> None:
            aggregate.skp_status, aggregate.ever_approved = APPROVED, True

    class AppraiserChanged(JejakAggregate.Event):
        cause: str  # OVERRIDE or MUTASI; the cycle's event of this name has before and after
        unit_id: UUID
        appraiser: str | None
        superior: str | None

        def apply(self, aggregate: EmployeeAppraisal) -> None:
            aggregate.unit_id, aggregate.appraiser = self.unit_id, self.appraiser
            aggregate.superior = self.superior

    class PlanningReopened(JejakAggregate.Event):
        cause: str
        revision: int  # the approved revision that must now be revised

        def apply(self, aggregate: EmployeeAppraisal) -> None:
            aggregate.skp_status = DRAFT

    class RealisationRecorded(JejakAggregate.Event):
        revision: int
        checkpoint: str
        row: int
        realisation: str
        evidence_link: str | None
        evidence_document: str | None
        note: str

        def apply(self, aggregate: EmployeeAppraisal) -> None:
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

        def apply(self, aggregate: EmployeeAppraisal) -> None:
            aggregate.feedback.append(_payload(self))

    class Rated(JejakAggregate.Event):
        checkpoint: str
        hasil_kerja: str
        perilaku_kerja: str
        justification: str

        def apply(self, aggregate: EmployeeAppraisal) -> None:
            rating = dict(_payload(self), version=self.originator_version, calibrated=False)
            aggregate.ratings[self.checkpoint] = rating

    class RatingCalibrated(JejakAggregate.Event):
        checkpoint: str
        hasil_kerja_before: str
        perilaku_kerja_before: str
        hasil_kerja: str
        perilaku_kerja: str

        def apply(self, aggregate: EmployeeAppraisal) -> None:
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

        def apply(self, aggregate: EmployeeAppraisal) -> None:
            aggregate.predikat[self.checkpoint] = self.predikat

    class PotentialAssessed(JejakAggregate.Event):
        potensial: str
        previous: str | None

        def apply(self, aggregate: EmployeeAppraisal) -> None:
            aggregate.potensial = self.potensial

    class ObjectionFiled(JejakAggregate.Event):
        reasons: str
        received_on: date
        filed_on: date
        day: int  # of the objection window; day 1 is the day after the result was received

        def apply(self, aggregate: EmployeeAppraisal) -> None:
            aggregate.objection = FILED

    class ObjectionDecided(JejakAggregate.Event):
        upheld: bool
        hasil_kerja: str | None  # the new ratings, when upheld
        perilaku_kerja: str | None

        def apply(self, aggregate: EmployeeAppraisal) -> None:
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

    @staticmethod
    def id_for(cycle_id: UUID, employee_id: UUID) -> UUID:
        """One appraisal per employee per cycle."""
        return uuid5(APPRAISAL_NAMESPACE, f"{cycle_id}/{employee_id}")

    @classmethod
    def enrol(
        cls,
        cycle_id: UUID,
        year: int,
        settings: Mapping[str, Any],
        entry: Mapping[str, Any],
        at: datetime,
        meta: EventMeta,
    ) -> EmployeeAppraisal:
        """Start the appraisal of one roster entry of the cycle."""
        people = {k: entry[k] for k in ("employee_id", "nip", "unit_id", "appraiser", "superior")}
        appraisal: EmployeeAppraisal = cls.start(
            cls.Enrolled,
            cls.id_for(cycle_id, entry["employee_id"]),
            at,
            meta,
            cycle_id=cycle_id,
            tenant=meta.tenant,
            year=year,
            settings=dict(settings),
            **people,
        )
        return appraisal

    # --- invariants, read as sentences ---------------------------------------------------
    def check_acting_as(self, party: str, meta: EventMeta) -> None:
        """Only the employee, the appraiser or the appraiser's superior act as such."""
        person = {"employee": self.nip, "appraiser": self.appraiser, "superior": self.superior}
        if person[party] is None:
            raise AppraisalForbidden(f"{self.nip} has no {party}; HR must set one first.")
        if meta.actor_id != person[party]:
            raise AppraisalForbidden(f"Only the {party} of {self.nip} may do this.")

    def check_skp_is_approved(self) -> None:
        if self.skp_status != APPROVED:
            raise SkpNotApproved(f"The SKP of {self.nip} is not approved (yet, or again).")

    def check_row(self, row: int) -> None:
        if not 1 <= row <= len(self.hasil_kerja):
            raise InvalidInput(f"The SKP has hasil kerja rows 1–{len(self.hasil_kerja)}.")

    def check_checkpoint(self, checkpoint: str) -> str:
        checkpoint = checkpoint.strip().upper()
        if checkpoint not in self.settings["checkpoints"]:
            raise InvalidInput(f"The checkpoints of this cycle are {self.settings['checkpoints']}.")
        return checkpoint

    def today(self, at: datetime) -> date:
        """The tenant's local date at the injected time."""
        return local_date(at, self.settings["utc_offset_hours"])

    def checkpoint_at(self, at: datetime) -> str:
        return checkpoint_on(self.today(at), Period(self.settings["period"]), self.year)

    # --- planning -------------------------------------------------------------------------
    def draft_skp(
        self,
        hasil_kerja: list[dict[str, Any]],
        perilaku: dict[str, str],
        at: datetime,
        meta: EventMeta,
    ) -> None:
        """The employee or appraiser drafts (or revises) the SKP with its BerAKHLAK expectations."""
        if meta.actor_id != self.appraiser:
            self.check_acting_as("employee", meta)
        if self.skp_status == APPROVED:
            raise RuleViolation("The SKP is approved; only a mutasi or a new appraiser reopens it.")
        revision = self.skp_revision + 1
        self.record(
            self.SkpDrafted, at, meta, revision=revision, hasil_kerja=hasil_kerja, perilaku=perilaku
        )

    def approve_skp(self, at: datetime, meta: EventMeta) -> None:
        """The appraiser approves the draft; a first approval after 31 January needs a reason."""
        self.check_acting_as("appraiser", meta)
        if self.skp_status != DRAFT:
            raise RuleViolation("There is no SKP draft to approve.")
        on, deadline = self.today(at), self.settings["skp_deadline"]
        late = not self.ever_approved and on > deadline
        if late:
            meta.require_reason(f"Approving an SKP after the deadline of {deadline}")
        self.record(
            self.SkpApproved, at, meta, revision=self.skp_revision, approved_on=on, late=late
        )

    def change_appraiser(
        self,
        cause: str,
        unit_id: UUID,
        appraiser: str | None,
        superior: str | None,
        at: datetime,
        meta: EventMeta,
    ) -> None:
        """Follow the cycle's mutasi or override; an approved SKP is then revised (§1.2)."""
        reopen = self.skp_status == APPROVED and (cause == "MUTASI" or appraiser != self.appraiser)
        self.record(
            self.AppraiserChanged,
            at,
            meta,
            cause=cause,
            unit_id=unit_id,
            appraiser=appraiser,
            superior=superior,
        )
        if reopen:
            self.record(self.PlanningReopened, at, meta, cause=cause, revision=self.skp_revision)

    # --- execution ------------------------------------------------------------------------
    def record_realisation(self, realisation: Realisation, at: datetime, meta: EventMeta) -> None:
        """The employee documents a realisation of an approved row, with its bukti dukung."""
        self.check_acting_as("employee", meta)
        self.check_skp_is_approved()
        self.check_row(realisation.row)
        self.record(
            self.RealisationRecorded,
            at,
            meta,
            revision=self.skp_revision,
            checkpoint=self.checkpoint_at(at),
            **vars(realisation),
        )

    def give_feedback(
        self,
        source: FeedbackSource,
        text: str,
        row: int | None,
        behaviour: str | None,
        at: datetime,
        meta: EventMeta,
    ) -> None:
        """Umpan balik: the appraiser's on an SKP row, or a peer's or subordinate's on perilaku."""
        if source is FeedbackSource.APPRAISER:
            self.check_acting_as("appraiser", meta)
            self.check_skp_is_approved()
            self.check_row(row or 0)
        elif source is FeedbackSource.MASYARAKAT:
            raise InvalidInput("Masyarakat feedback is received as an SKM rating.")
        elif meta.actor_id in (self.nip, self.appraiser) or row is not None:
            raise AppraisalForbidden("Peers and subordinates give feedback on perilaku only.")
        if behaviour is not None and behaviour not in BERAKHLAK:
            raise InvalidInput(f"Feedback may be about one of the BerAKHLAK values {BERAKHLAK}.")
        self.record(
            self.FeedbackGiven,
            at,
            meta,
            source=source.value,
            checkpoint=self.checkpoint_at(at),
            giver=meta.actor_id,
            fingerprint=None,
            row=row,
            behaviour=behaviour,
            text=text,
            score=None,
        )

    def receive_masyarakat_rating(
        self, fingerprint: str, score: int, comment: str | None, at: datetime, meta: EventMeta
    ) -> None:
        """An anonymous service user's SKM rating, at most N per fingerprint and checkpoint."""
        checkpoint, limit = self.checkpoint_at(at), self.settings["masyarakat_limit"]
        given = [
            f
            for f in self.feedback
            if (f["fingerprint"], f["checkpoint"]) == (fingerprint, checkpoint)
        ]
        if len(given) >= limit:
            raise FeedbackRateLimited(
                f"This source has rated {self.nip} {len(given)} time(s) in {checkpoint}; "
                f"the limit is {limit}."
            )
        self.record(
            self.FeedbackGiven,
            at,
            meta,
            source=FeedbackSource.MASYARAKAT.value,
            checkpoint=checkpoint,
            giver=None,
            fingerprint=fingerprint,
            row=None,
            behaviour=None,
            text=comment,
            score=score,
        )

    # --- assessment and calibration -------------------------------------------------------
    def rate(
        self,
        checkpoint: str,
        hasil_kerja: Rating,
        perilaku_kerja: Rating,
        justification: str,
        at: datetime,
        meta: EventMeta,
    ) -> None:
        """The appraiser rates a checkpoint, with a justification; the matrix gives the predikat."""
        self.check_acting_as("appraiser", meta)
        self.check_skp_is_approved()
        checkpoint = self.check_checkpoint(checkpoint)
        if (current := self.ratings.get(checkpoint)) is not None:
            if current["calibrated"]:
                raise RuleViolation(
                    f"The {checkpoint} rating was calibrated; only calibration changes it."
                )
            meta.require_reason(f"Changing the {checkpoint} rating")
        self.record(
            self.Rated,
            at,
            meta,
            checkpoint=checkpoint,
            hasil_kerja=hasil_kerja.value,
            perilaku_kerja=perilaku_kerja.value,
            justification=justification,
        )
        self._compute(checkpoint, at, meta)

    def calibrate(
        self, hasil_kerja: Rating, perilaku_kerja: Rating, at: datetime, meta: EventMeta
    ) -> None:
        """A calibrator changes the annual ratings with a reason; before and after are kept."""
        if (current := self.ratings.get(ANNUAL)) is None:
            raise RuleViolation(f"{self.nip} has no annual rating to calibrate.")
        meta.require_reason("A calibration change")
        before = (current["hasil_kerja"], current["perilaku_kerja"])
        if before == (hasil_kerja.value, perilaku_kerja.value):
            raise RuleViolation("Those are the ratings in force already.")
        self.record(
            self.RatingCalibrated,
            at,
            meta,
            checkpoint=ANNUAL,
            hasil_kerja_before=before[0],
            perilaku_kerja_before=before[1],
            hasil_kerja=hasil_kerja.value,
            perilaku_kerja=perilaku_kerja.value,
        )
        self._compute(ANNUAL, at, meta)

    def _compute(self, checkpoint: str, at: datetime, meta: EventMeta) -> None:
        rating = self.ratings[checkpoint]
        hasil, perilaku = Rating(rating["hasil_kerja"]), Rating(rating["perilaku_kerja"])
        self.record(
            self.PredikatComputed,
            at,
            meta,
            checkpoint=checkpoint,
            predikat=predikat_for(hasil, perilaku).value,
            hasil_kerja=hasil.value,
            perilaku_kerja=perilaku.value,
            rules_version=RULES_VERSION,
            source_versions=[rating["version"]],
        )

    def assess_potential(self, potensial: Potensial, at: datetime, meta: EventMeta) -> None:
        """Record the potential assessment that places the employee on the 9-box."""
        if self.potensial == potensial.value:
            raise RuleViolation(f"The potential is {potensial.value} already.")
        if self.potensial is not None:
            meta.require_reason("Changing a potential assessment")
        self.record(
            self.PotentialAssessed, at, meta, potensial=potensial.value, previous=self.potensial
        )

    # --- objection (keberatan, PP 30/2019 Pasal 59) ----------------------------------------
    def check_objection_is_open(self) -> None:
        if self.objection not in (None, FILED):
            raise ObjectionAlreadyDecided("The objection was decided; that decision is final.")

    def file_objection(
        self, reasons: str, received_on: date | None, at: datetime, meta: EventMeta
    ) -> None:
        """The employee objects to the annual result, within the window after receiving it."""
        self.check_acting_as("employee", meta)
        self.check_objection_is_open()
        if self.objection == FILED:
            raise ObjectionNotAllowed("An objection is filed already and awaits its decision.")
        if received_on is None or ANNUAL not in self.predikat:
            raise ObjectionNotAllowed("There is no final result to object to yet.")
        on = self.today(at)
        day = check_objection_window(received_on, on, self.settings["objection_window_days"])
        self.record(
            self.ObjectionFiled,
            at,
            meta,
            reasons=reasons,
            received_on=received_on,
            filed_on=on,
            day=day,
        )

    def decide_objection(
        self,
        upheld: bool,
        hasil_kerja: Rating | None,
        perilaku_kerja: Rating | None,
        at: datetime,
        meta: EventMeta,
    ) -> None:
        """The superior upholds (with new ratings) or rejects the objection; this is final."""
        self.check_acting_as("superior", meta)
        self.check_objection_is_open()
        if self.objection is None:
            raise ObjectionNotAllowed("No objection was filed.")
        meta.require_reason("An objection decision")
        current = (self.ratings[ANNUAL]["hasil_kerja"], self.ratings[ANNUAL]["perilaku_kerja"])
        new = (hasil_kerja.value, perilaku_kerja.value) if hasil_kerja and perilaku_kerja else None
        if upheld and new in (None, current):
            raise InvalidInput("Upholding an objection sets new ratings, unlike those in force.")
        if not upheld and (hasil_kerja or perilaku_kerja):
            raise InvalidInput("Rejecting an objection leaves the ratings as they are.")
        hasil, perilaku = new or (None, None)
        self.record(
            self.ObjectionDecided,
            at,
            meta,
            upheld=upheld,
            hasil_kerja=hasil,
            perilaku_kerja=perilaku,
        )
        if upheld:
            self._compute(ANNUAL, at, meta)

    # --- views ------------------------------------------------------------------------------
    def annual_predikat(self) -> Predikat | None:
        """The annual predikat in force, if any."""
        value = self.predikat.get(ANNUAL)
        return Predikat(value) if value else None

    def feedback_seen_by_employee(self) -> list[FeedbackView]:
        """Every piece of feedback with its source kind, never naming who gave it."""
        return as_seen_by_employee(self.feedback)

    def talent_box(self) -> TalentBox | None:
        """The 9-box cell, once there are an annual predikat and a potential assessment."""
        predikat = self.annual_predikat()
        if predikat is None or self.potensial is None:
            return None
        return talent_box(predikat, Potensial(self.potensial))
