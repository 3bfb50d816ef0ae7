"""Planning: drafting the SKP, its approval deadline, and revision on mutasi or a new appraiser."""

from __future__ import annotations

from datetime import date

import pytest

from domain.aggregates.employee_appraisal import EmployeeAppraisal
from domain.appraisal import HasilKerja, check_hasil_kerja, check_perilaku
from domain.errors import AppraisalForbidden, InvalidSkp, ReasonRequired, RuleViolation
from tests.unit.appraisal.conftest import (
    HASIL_KERJA,
    KABID,
    KASI,
    KEPALA,
    PEER,
    PERILAKU,
    SEKSI,
    STAFF,
    YEAR,
    appraisal_of,
    approved_appraisal,
    as_,
    at,
    enrolled_cycle,
    settled,
)


def drafted() -> EmployeeAppraisal:
    appraisal = appraisal_of(enrolled_cycle())
    rows, perilaku = check_hasil_kerja(HASIL_KERJA), check_perilaku(PERILAKU)
    appraisal.draft_skp(rows, perilaku, at(1, 10), as_(STAFF))
    return settled(appraisal)


def test_the_employee_drafts_an_skp_with_numbered_rows_and_berakhlak_expectations() -> None:
    appraisal = appraisal_of(enrolled_cycle())
    rows, perilaku = check_hasil_kerja(HASIL_KERJA), check_perilaku(PERILAKU)
    appraisal.draft_skp(rows, perilaku, at(1, 10), as_(STAFF))
    (event,) = appraisal.collect_events()
    assert isinstance(event, EmployeeAppraisal.SkpDrafted)
    assert [(r["no"], r["kind"], r["aspect"]) for r in event.hasil_kerja] == [
        (1, "UTAMA", "WAKTU"),
        (2, "TAMBAHAN", "KUALITAS"),
    ]
    assert len(event.perilaku) == 7


def test_an_skp_without_a_hasil_kerja_utama_is_refused() -> None:
    with pytest.raises(InvalidSkp, match="UTAMA"):
        check_hasil_kerja([HasilKerja("TAMBAHAN", "Rapat koordinasi", "KUANTITAS", "Rapat", "4")])


def test_an_skp_must_list_all_seven_berakhlak_values() -> None:
    with pytest.raises(InvalidSkp, match="BerAKHLAK"):
        check_perilaku({"AKUNTABEL": "Jujur"})


def test_someone_else_cannot_draft_the_skp() -> None:
    appraisal = appraisal_of(enrolled_cycle())
    with pytest.raises(AppraisalForbidden):
        appraisal.draft_skp([], {}, at(1, 10), as_(PEER))


def test_the_appraiser_approves_on_31_january_without_a_reason() -> None:
    appraisal = drafted()
    appraisal.approve_skp(at(1, 31, hour=16), as_(KASI))  # 23:00 WIB on 31 January
    (event,) = appraisal.collect_events()
    assert isinstance(event, EmployeeAppraisal.SkpApproved)
    assert (event.approved_on, event.late) == (date(YEAR, 1, 31), False)


def test_approving_after_the_january_deadline_needs_a_reason() -> None:
    appraisal = drafted()
    with pytest.raises(ReasonRequired, match="deadline"):
        appraisal.approve_skp(at(1, 31, hour=17), as_(KASI))  # 00:00 WIB on 1 February
    assert appraisal.collect_events() == []


def test_a_late_approval_with_a_reason_is_recorded_as_late() -> None:
    appraisal = drafted()
    appraisal.approve_skp(at(2, 10), as_(KASI, "Penilai cuti sakit"))
    (event,) = appraisal.collect_events()
    assert isinstance(event, EmployeeAppraisal.SkpApproved)
    assert event.late
    assert event.meta.reason == "Penilai cuti sakit"


def test_only_the_appraiser_approves_the_skp() -> None:
    appraisal = drafted()
    with pytest.raises(AppraisalForbidden, match="appraiser"):
        appraisal.approve_skp(at(1, 20), as_(STAFF))


def test_an_approved_skp_cannot_be_redrafted_without_a_reopening() -> None:
    appraisal = approved_appraisal()
    with pytest.raises(RuleViolation, match="mutasi"):
        appraisal.draft_skp([], {}, at(3, 1), as_(STAFF))


def test_a_mutasi_reopens_an_approved_skp() -> None:
    # given an approved SKP
    appraisal = approved_appraisal()
    # when the employee moves, keeping the same appraiser
    appraisal.change_appraiser("MUTASI", SEKSI, KASI, KABID, at(6, 1), as_("hr-1", role="hr"))
    # then planning reopens on the approved revision
    _changed, reopened = appraisal.collect_events()
    assert isinstance(reopened, EmployeeAppraisal.PlanningReopened)
    assert (reopened.cause, reopened.revision) == ("MUTASI", 1)
    assert appraisal.skp_status == "DRAFT"


def test_a_new_appraiser_reopens_an_approved_skp() -> None:
    appraisal = approved_appraisal()
    appraisal.change_appraiser("OVERRIDE", SEKSI, KABID, KEPALA, at(6, 1), as_("hr-1", "Plt"))
    assert [type(e).__name__ for e in appraisal.collect_events()] == [
        "AppraiserChanged",
        "PlanningReopened",
    ]


def test_a_new_superior_alone_leaves_the_skp_approved() -> None:
    appraisal = approved_appraisal()
    appraisal.change_appraiser("OVERRIDE", SEKSI, KASI, KEPALA, at(6, 1), as_("hr-1", "Plt"))
    assert [type(e).__name__ for e in appraisal.collect_events()] == ["AppraiserChanged"]
    assert appraisal.skp_status == "APPROVED"


def test_a_revision_after_reopening_is_approved_without_the_january_deadline() -> None:
    appraisal = approved_appraisal()
    appraisal.change_appraiser("MUTASI", SEKSI, KABID, KEPALA, at(6, 1), as_("hr-1"))
    rows, perilaku = check_hasil_kerja(HASIL_KERJA), check_perilaku(PERILAKU)
    appraisal.draft_skp(rows, perilaku, at(6, 5), as_(STAFF))
    appraisal.approve_skp(at(6, 8), as_(KABID))
    *_, approved = appraisal.collect_events()
    assert isinstance(approved, EmployeeAppraisal.SkpApproved)
    assert (approved.revision, approved.late) == (2, False)
