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
here except the objection, which comes after it. Finalisation also records `Locked` on every
appraisal in the same save as the cycle's `Finalised`, at the versions it read: a rating saved
meanwhile makes that save conflict (it is retried on fresh state), and a rating that loaded
the appraisal before the lock conflicts with `Locked` and, retried, finds it locked.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any
from uuid import UUID

from domain.aggregates.appraisal_execution import AppraisalExecution
from domain.aggregates.appraisal_record import APPRAISAL_NAMESPACE, FILED, AppraisalRecord
from domain.appraisal import ANNUAL, check_objection_window, check_text
from domain.appraisal_rules import check_annual_after_period
from domain.errors import N_, InvalidInput, ObjectionNotAllowed, Phrase, RuleViolation
from domain.meta import EventMeta
from domain.scoring import Rating
from domain.talent import Potensial

__all__ = ["APPRAISAL_NAMESPACE", "AppraisalRecord", "EmployeeAppraisal"]


class EmployeeAppraisal(AppraisalExecution):
    """One employee's SKP, evidence, feedback, ratings and objection in one cycle."""

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
        if checkpoint == ANNUAL and "scoring" in self.settings:  # cycles under policy data
            check_annual_after_period(self.year, self.today(at))
        if (current := self.ratings.get(checkpoint)) is not None:
            if current["calibrated"]:
                raise RuleViolation(
                    N_("The {checkpoint} rating was calibrated; only calibration changes it."),
                    checkpoint=checkpoint,
                )
            meta.require_reason(
                Phrase(N_("Changing the {checkpoint} rating"), checkpoint=checkpoint)
            )
        justification = check_text(justification, N_("A justification"), 10)
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
            raise RuleViolation(N_("{nip} has no annual rating to calibrate."), nip=self.nip)
        meta.require_reason(N_("A calibration change"))
        before = (current["hasil_kerja"], current["perilaku_kerja"])
        if before == (hasil_kerja.value, perilaku_kerja.value):
            raise RuleViolation(N_("Those are the ratings in force already."))
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

    def assess_potential(self, potensial: Potensial, at: datetime, meta: EventMeta) -> None:
        """Record the potential assessment that places the employee on the 9-box."""
        if self.potensial == potensial.value:
            raise RuleViolation(
                N_("The potential is {potensial} already."), potensial=potensial.value
            )
        if self.potensial is not None:
            meta.require_reason(N_("Changing a potential assessment"))
        self.record(
            self.PotentialAssessed, at, meta, potensial=potensial.value, previous=self.potensial
        )

    def lock(self, received_on: date, at: datetime, meta: EventMeta) -> None:
        """Record the cycle's finalisation here too, so a change racing it conflicts (§ race)."""
        self.check_is_open()
        self.record(self.Locked, at, meta, received_on=received_on)

    # --- objection (keberatan, PP 30/2019 Pasal 59) ----------------------------------------
    def file_objection(
        self, reasons: str, received_on: date | None, at: datetime, meta: EventMeta
    ) -> None:
        """The employee objects to the annual result, within the window after receiving it."""
        self.check_acting_as("employee", meta)
        self.check_objection_is_open()
        reasons = check_text(reasons, N_("The reasons of an objection"), 10)
        if self.objection == FILED:
            raise ObjectionNotAllowed(N_("An objection is filed already and awaits its decision."))
        if received_on is None or ANNUAL not in self.predikat:
            raise ObjectionNotAllowed(N_("There is no final result to object to yet."))
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
            raise ObjectionNotAllowed(N_("No objection was filed."))
        meta.require_reason(N_("An objection decision"))
        current = (self.ratings[ANNUAL]["hasil_kerja"], self.ratings[ANNUAL]["perilaku_kerja"])
        new = (hasil_kerja.value, perilaku_kerja.value) if hasil_kerja and perilaku_kerja else None
        if upheld and new in (None, current):
            raise InvalidInput(
                N_("Upholding an objection sets new ratings, unlike those in force.")
            )
        if not upheld and (hasil_kerja or perilaku_kerja):
            raise InvalidInput(N_("Rejecting an objection leaves the ratings as they are."))
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
