"""AppraisalApplication, planning: drafting and approving the SKP, late approval, revision."""

from __future__ import annotations

from uuid import UUID

import pytest

from domain.appraisal import HasilKerja
from domain.errors import AppraisalForbidden, InvalidSkp, ReasonRequired
from services.appraisal import AppraisalApplication
from tests.unit.appraisal.conftest import (
    HASIL_KERJA,
    HR_CALLER,
    KABID,
    KASI,
    KEPALA,
    PEER,
    PERILAKU,
    STAFF,
    Clock,
    asn,
    employee_id,
)

STAFF_ID = employee_id(STAFF)


def test_the_employee_drafts_and_the_appraiser_approves_in_january(
    app: AppraisalApplication, clock: Clock, cycle_id: UUID
) -> None:
    # when STAFF drafts and KASI approves before the deadline
    clock.set(1, 10)
    drafted = app.draft_skp(
        asn(STAFF),
        cycle_id=cycle_id,
        employee_id=STAFF_ID,
        hasil_kerja=HASIL_KERJA,
        perilaku=PERILAKU,
    )
    approved = app.approve_skp(
        asn(KASI), cycle_id=cycle_id, employee_id=STAFF_ID, expected_version=drafted.version
    )
    # then the SKP is approved, and each command's events landed later in the one log
    appraisal = app.get_appraisal(HR_CALLER, cycle_id, STAFF_ID)
    assert (appraisal.skp_status, len(appraisal.hasil_kerja)) == ("APPROVED", 2)
    assert approved.position > drafted.position


def test_a_late_approval_without_a_reason_is_refused(
    app: AppraisalApplication, clock: Clock, cycle_id: UUID
) -> None:
    clock.set(1, 10)
    app.draft_skp(
        asn(STAFF),
        cycle_id=cycle_id,
        employee_id=STAFF_ID,
        hasil_kerja=HASIL_KERJA,
        perilaku=PERILAKU,
    )
    clock.set(2, 3)
    with pytest.raises(ReasonRequired):
        app.approve_skp(asn(KASI), cycle_id=cycle_id, employee_id=STAFF_ID)
    app.approve_skp(asn(KASI), cycle_id=cycle_id, employee_id=STAFF_ID, reason="Dialog kinerja")


def test_an_invalid_skp_is_refused_before_loading_anything(
    app: AppraisalApplication, cycle_id: UUID
) -> None:
    extra = [HasilKerja("TAMBAHAN", "Piket", "KUANTITAS", "Jumlah piket", "12")]
    with pytest.raises(InvalidSkp):
        app.draft_skp(
            asn(STAFF),
            cycle_id=cycle_id,
            employee_id=STAFF_ID,
            hasil_kerja=extra,
            perilaku=PERILAKU,
        )


def test_a_colleague_cannot_draft_anothers_skp(app: AppraisalApplication, cycle_id: UUID) -> None:
    with pytest.raises(AppraisalForbidden):
        app.draft_skp(
            asn(PEER),
            cycle_id=cycle_id,
            employee_id=STAFF_ID,
            hasil_kerja=HASIL_KERJA,
            perilaku=PERILAKU,
        )


def test_a_new_appraiser_reopens_planning_for_a_revision(
    app: AppraisalApplication, clock: Clock, approved: UUID
) -> None:
    # given an approved SKP, when HR gives STAFF a new appraiser
    clock.set(5, 2)
    app.override_appraiser(
        HR_CALLER,
        cycle_id=approved,
        employee_id=STAFF_ID,
        appraiser=KABID,
        superior=KEPALA,
        reason="Kasi mutasi keluar",
    )
    # then the SKP is back in draft, and the new appraiser approves the revision
    assert app.get_appraisal(HR_CALLER, approved, STAFF_ID).skp_status == "DRAFT"
    app.draft_skp(
        asn(STAFF),
        cycle_id=approved,
        employee_id=STAFF_ID,
        hasil_kerja=HASIL_KERJA,
        perilaku=PERILAKU,
    )
    app.approve_skp(asn(KABID), cycle_id=approved, employee_id=STAFF_ID)
    appraisal = app.get_appraisal(HR_CALLER, approved, STAFF_ID)
    assert (appraisal.skp_status, appraisal.skp_revision) == ("APPROVED", 2)
