"""Execution: realisations with bukti dukung; feedback from appraiser, colleagues and public."""

from __future__ import annotations

import pytest

from domain.aggregates.employee_appraisal import EmployeeAppraisal
from domain.appraisal import (
    FeedbackSource,
    Realisation,
    check_fingerprint,
    check_skm_score,
    colleague_source,
)
from domain.errors import (
    AppraisalForbidden,
    FeedbackRateLimited,
    InvalidInput,
    SkpNotApproved,
)
from tests.unit.appraisal.conftest import (
    ANALIS,
    HR,
    KABID,
    KASI,
    PEER,
    STAFF,
    appraisal_of,
    approved_appraisal,
    as_,
    at,
    employee_id,
    enrolled_cycle,
)

TOKEN = "a" * 64
PROOF = Realisation(1, "48 usul KP selesai", "https://drive.example/kp.pdf", None, "Rekap SIASN")


def test_a_realisation_before_the_skp_is_approved_is_refused() -> None:
    appraisal = appraisal_of(enrolled_cycle())
    with pytest.raises(SkpNotApproved):
        appraisal.record_realisation(PROOF, at(2, 1), as_(STAFF))
    assert appraisal.collect_events() == []


def test_a_realisation_is_recorded_in_the_checkpoint_of_its_date() -> None:
    appraisal = approved_appraisal()
    appraisal.record_realisation(PROOF, at(5, 2), as_(STAFF))
    (event,) = appraisal.collect_events()
    assert isinstance(event, EmployeeAppraisal.RealisationRecorded)
    assert (event.checkpoint, event.row, event.revision) == ("Q2", 1, 1)


def test_bukti_dukung_needs_a_link_or_a_document_reference() -> None:
    with pytest.raises(InvalidInput, match="Bukti dukung"):
        Realisation(1, "Selesai", None, None, "")


def test_an_evidence_link_must_be_a_web_address() -> None:
    with pytest.raises(InvalidInput, match="http"):
        Realisation(1, "Selesai", "file:///etc/passwd", None, "")


def test_a_realisation_of_a_row_the_skp_lacks_is_refused() -> None:
    appraisal = approved_appraisal()
    with pytest.raises(InvalidInput, match="rows 1–2"):
        appraisal.record_realisation(Realisation(3, "x y", None, "ND-1", ""), at(5, 2), as_(STAFF))


def test_the_appraiser_gives_feedback_on_one_row() -> None:
    appraisal = approved_appraisal()
    appraisal.give_feedback(
        FeedbackSource.APPRAISER, "Percepat verifikasi", 1, None, at(3, 3), as_(KASI)
    )
    (event,) = appraisal.collect_events()
    assert isinstance(event, EmployeeAppraisal.FeedbackGiven)
    assert (event.source, event.row, event.giver, event.checkpoint) == ("APPRAISER", 1, KASI, "Q1")


def test_a_colleague_of_the_same_unit_is_a_peer() -> None:
    cycle = enrolled_cycle()
    giver, employee = (cycle.enrolment(employee_id(n)) for n in (PEER, STAFF))
    assert colleague_source(giver, employee) is FeedbackSource.PEER


def test_someone_the_employee_appraises_is_a_subordinate() -> None:
    cycle = enrolled_cycle()
    giver, employee = (cycle.enrolment(employee_id(n)) for n in (STAFF, KASI))
    assert colleague_source(giver, employee) is FeedbackSource.SUBORDINATE


def test_someone_of_another_unit_is_no_colleague() -> None:
    cycle = enrolled_cycle()
    giver, employee = (cycle.enrolment(employee_id(n)) for n in (ANALIS, STAFF))
    assert colleague_source(giver, employee) is None


def test_peer_feedback_keeps_the_giver_in_the_event_but_not_in_the_employee_view() -> None:
    # given a peer's feedback
    appraisal = approved_appraisal()
    appraisal.give_feedback(
        FeedbackSource.PEER, "Sangat membantu", None, "KOLABORATIF", at(3, 3), as_(PEER)
    )
    (event,) = appraisal.collect_events()
    # then the event keeps the giver for audit
    assert isinstance(event, EmployeeAppraisal.FeedbackGiven)
    assert event.giver == PEER
    # and the employee sees its kind and content, never its giver
    (seen,) = appraisal.feedback_seen_by_employee()
    assert (seen.source, seen.text, seen.behaviour) == ("PEER", "Sangat membantu", "KOLABORATIF")
    assert PEER not in repr(seen)


def test_masyarakat_ratings_are_limited_per_fingerprint_and_checkpoint() -> None:
    # given a cycle allowing two ratings per source and checkpoint
    appraisal = approved_appraisal(masyarakat_limit=2)
    appraisal.receive_masyarakat_rating(TOKEN, 4, None, at(2, 1), HR)
    appraisal.receive_masyarakat_rating(TOKEN, 3, "Cepat", at(2, 2), HR)
    # when the same source rates a third time in Q1, it is refused
    with pytest.raises(FeedbackRateLimited, match="limit is 2"):
        appraisal.receive_masyarakat_rating(TOKEN, 1, None, at(3, 30), HR)
    # then another source, or the same source in Q2, is accepted
    appraisal.receive_masyarakat_rating("b" * 64, 2, None, at(3, 30), HR)
    appraisal.receive_masyarakat_rating(TOKEN, 4, None, at(4, 1), HR)
    assert len(appraisal.collect_events()) == 4


def test_a_masyarakat_rating_is_anonymous_in_the_employee_view() -> None:
    appraisal = approved_appraisal()
    appraisal.receive_masyarakat_rating(TOKEN, 4, None, at(2, 1), HR)
    (seen,) = appraisal.feedback_seen_by_employee()
    assert (seen.source, seen.score) == ("MASYARAKAT", 4)
    assert TOKEN not in repr(seen)


def test_a_fingerprint_must_be_a_hashed_token_not_a_name() -> None:
    with pytest.raises(InvalidInput, match="hashed token"):
        check_fingerprint("Budi Santoso")


@pytest.mark.parametrize("score", [0, 5])
def test_a_masyarakat_rating_is_on_the_skm_scale(score: int) -> None:
    with pytest.raises(InvalidInput, match="SKM"):
        check_skm_score(score)


def test_the_employee_cannot_give_peer_feedback_to_themself() -> None:
    appraisal = approved_appraisal()
    with pytest.raises(AppraisalForbidden):
        appraisal.give_feedback(FeedbackSource.PEER, "Saya hebat", None, None, at(3, 3), as_(STAFF))


def test_row_feedback_is_the_appraisers_alone() -> None:
    appraisal = approved_appraisal()
    with pytest.raises(AppraisalForbidden, match="appraiser"):
        appraisal.give_feedback(FeedbackSource.APPRAISER, "Bagus", 1, None, at(3, 3), as_(KABID))
