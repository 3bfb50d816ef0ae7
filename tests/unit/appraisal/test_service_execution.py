"""AppraisalApplication, execution: evidence, feedback by kind, the employee's view, rate limits."""

from __future__ import annotations

from uuid import UUID

import pytest

from domain.errors import AppraisalForbidden, FeedbackRateLimited, NotAllowedForRole
from services.appraisal import AppraisalApplication
from tests.unit.appraisal.conftest import (
    ANALIS,
    HR_CALLER,
    KASI,
    PEER,
    STAFF,
    Clock,
    asn,
    employee_id,
)

STAFF_ID, KASI_ID = employee_id(STAFF), employee_id(KASI)
TOKEN = "0123456789abcdef" * 4


def test_the_employee_records_a_realisation_with_evidence(
    app: AppraisalApplication, clock: Clock, approved: UUID
) -> None:
    clock.set(3, 14)
    app.record_realisation(
        asn(STAFF),
        cycle_id=approved,
        employee_id=STAFF_ID,
        row=1,
        realisation="40 usul KP terverifikasi",
        evidence_document="ND/800/12/2025",
        note="Nota dinas rekap",
    )
    (done,) = app.get_appraisal(HR_CALLER, approved, STAFF_ID).realisations
    assert (done["checkpoint"], done["evidence_document"]) == ("Q1", "ND/800/12/2025")


def test_feedback_reaches_the_employee_by_kind_never_by_giver(
    app: AppraisalApplication, clock: Clock, approved: UUID
) -> None:
    # given feedback from the appraiser, a peer, a subordinate of KASI and the public
    clock.set(3, 14)
    app.give_row_feedback(asn(KASI), cycle_id=approved, employee_id=STAFF_ID, row=1, text="Bagus")
    app.give_colleague_feedback(
        asn(PEER), cycle_id=approved, employee_id=STAFF_ID, text="Suka membantu"
    )
    app.give_colleague_feedback(
        asn(STAFF), cycle_id=approved, employee_id=KASI_ID, text="Arahan jelas", behaviour="LOYAL"
    )
    app.receive_masyarakat_rating(
        HR_CALLER, cycle_id=approved, employee_id=STAFF_ID, fingerprint=TOKEN, score=4
    )
    # when STAFF reads their own view
    view = app.employee_view(asn(STAFF), approved, STAFF_ID)
    # then each piece shows its kind, and no peer or public source is named
    assert [f.source for f in view.feedback] == ["APPRAISER", "PEER", "MASYARAKAT"]
    assert PEER not in repr(view)
    assert TOKEN not in repr(view)
    kasi_view = app.employee_view(asn(KASI), approved, KASI_ID)
    assert [f.source for f in kasi_view.feedback] == ["SUBORDINATE"]
    # while HR, for audit, sees who gave it
    givers = [f["giver"] for f in app.get_appraisal(HR_CALLER, approved, STAFF_ID).feedback]
    assert givers == [KASI, PEER, None]


def test_the_employee_cannot_load_the_audit_copy_of_their_appraisal(
    app: AppraisalApplication, approved: UUID
) -> None:
    with pytest.raises(AppraisalForbidden, match="appraiser, superior"):
        app.get_appraisal(asn(STAFF), approved, STAFF_ID)


def test_someone_from_another_unit_gives_no_colleague_feedback(
    app: AppraisalApplication, approved: UUID
) -> None:
    with pytest.raises(AppraisalForbidden, match="peers"):
        app.give_colleague_feedback(asn(ANALIS), cycle_id=approved, employee_id=STAFF_ID, text="Hm")


def test_the_public_rates_once_per_checkpoint_by_default(
    app: AppraisalApplication, clock: Clock, approved: UUID
) -> None:
    clock.set(2, 1)
    app.receive_masyarakat_rating(
        HR_CALLER, cycle_id=approved, employee_id=STAFF_ID, fingerprint=TOKEN, score=3
    )
    with pytest.raises(FeedbackRateLimited):
        app.receive_masyarakat_rating(
            HR_CALLER, cycle_id=approved, employee_id=STAFF_ID, fingerprint=TOKEN, score=2
        )


def test_an_employee_cannot_post_masyarakat_ratings(
    app: AppraisalApplication, approved: UUID
) -> None:
    with pytest.raises(NotAllowedForRole):
        app.receive_masyarakat_rating(
            asn(PEER), cycle_id=approved, employee_id=STAFF_ID, fingerprint=TOKEN, score=1
        )
