"""Planning and execution commands of an employee's appraisal: the SKP, evidence, feedback."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from domain.aggregates.appraisal_record import APPROVED, DRAFT, AppraisalRecord
from domain.appraisal import (
    BERAKHLAK,
    FeedbackSource,
    Realisation,
    check_fingerprint,
    check_skm_score,
    check_text,
)
from domain.errors import (
    N_,
    AppraisalForbidden,
    FeedbackRateLimited,
    InvalidInput,
    Phrase,
    RuleViolation,
)
from domain.meta import EventMeta
from domain.text import COMMENT, clean_optional_text


class AppraisalExecution(AppraisalRecord):
    """The SKP is drafted and approved, realisations and feedback recorded."""

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
            raise RuleViolation(
                N_("The SKP is approved; only a mutasi or a new appraiser reopens it.")
            )
        revision = self.skp_revision + 1
        self.record(
            self.SkpDrafted, at, meta, revision=revision, hasil_kerja=hasil_kerja, perilaku=perilaku
        )

    def approve_skp(self, at: datetime, meta: EventMeta) -> None:
        """The appraiser approves the draft; a first approval after 31 January needs a reason."""
        self.check_acting_as("appraiser", meta)
        if self.skp_status != DRAFT:
            raise RuleViolation(N_("There is no SKP draft to approve."))
        on, deadline = self.today(at), self.settings["skp_deadline"]
        late = not self.ever_approved and on > deadline
        if late:
            meta.require_reason(
                Phrase(N_("Approving an SKP after the deadline of {deadline}"), deadline=deadline)
            )
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
            raise InvalidInput(N_("Masyarakat feedback is received as an SKM rating."))
        elif meta.actor_id in (self.nip, self.appraiser) or row is not None:
            raise AppraisalForbidden(N_("Peers and subordinates give feedback on perilaku only."))
        if behaviour is not None and behaviour not in BERAKHLAK:
            raise InvalidInput(
                N_("Feedback may be about one of the BerAKHLAK values {values}."), values=BERAKHLAK
            )
        text = check_text(text, N_("Feedback"))
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
        fingerprint, score = check_fingerprint(fingerprint), check_skm_score(score)
        comment = clean_optional_text(comment, N_("A comment"), COMMENT)
        checkpoint, limit = self.checkpoint_at(at), self.settings["masyarakat_limit"]
        given = [
            f
            for f in self.feedback
            if (f["fingerprint"], f["checkpoint"]) == (fingerprint, checkpoint)
        ]
        if len(given) >= limit:
            raise FeedbackRateLimited(
                N_(
                    "This source has rated {nip} {count} time(s) in {checkpoint}; "
                    "the limit is {limit}."
                ),
                nip=self.nip,
                count=len(given),
                checkpoint=checkpoint,
                limit=limit,
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
