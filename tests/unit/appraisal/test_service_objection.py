"""AppraisalApplication, objection and talent: after finalisation, within the window, final."""

from __future__ import annotations

from uuid import UUID

import pytest

from domain.errors import ObjectionAlreadyDecided, ObjectionNotAllowed, ObjectionWindowClosed
from services.appraisal import AppraisalApplication
from tests.unit.appraisal.conftest import (
    HR_CALLER,
    KABID,
    STAFF,
    Clock,
    asn,
    employee_id,
    rate_everyone,
    rate_units,
)

STAFF_ID = employee_id(STAFF)
REASONS = "Bukti dukung Q4 belum dinilai oleh penilai"


@pytest.fixture
def finalised(app: AppraisalApplication, clock: Clock, cycle_id: UUID) -> UUID:
    """The cycle with everyone Baik, finalised on 30 December (the results are received)."""
    rate_everyone(app, clock, cycle_id, "SESUAI")
    rate_units(app, cycle_id, "ISTIMEWA")
    clock.set(12, 30)
    app.finalise(HR_CALLER, cycle_id=cycle_id)
    return cycle_id


def test_an_objection_before_finalisation_is_refused(
    app: AppraisalApplication, clock: Clock, cycle_id: UUID
) -> None:
    rate_everyone(app, clock, cycle_id, "SESUAI")
    with pytest.raises(ObjectionNotAllowed, match="no final result"):
        app.file_objection(asn(STAFF), cycle_id=cycle_id, employee_id=STAFF_ID, reasons=REASONS)


def test_an_upheld_objection_changes_the_locked_result_and_is_final(
    app: AppraisalApplication, clock: Clock, finalised: UUID
) -> None:
    # given the result received on 30 December, when STAFF objects on day 14
    clock.now = clock.now.replace(year=2026, month=1, day=13)
    app.file_objection(asn(STAFF), cycle_id=finalised, employee_id=STAFF_ID, reasons=REASONS)
    # and the superior upholds it with new ratings
    app.decide_objection(
        asn(KABID),
        cycle_id=finalised,
        employee_id=STAFF_ID,
        upheld=True,
        hasil_kerja="DI_ATAS",
        perilaku_kerja="DI_ATAS",
        reason="Bukti Q4 sah dan melampaui target",
    )
    # then the locked cycle's result changed through the decision alone, for good
    assert app.employee_view(asn(STAFF), finalised, STAFF_ID).predikat["ANNUAL"] == "SANGAT_BAIK"
    with pytest.raises(ObjectionAlreadyDecided):
        app.decide_objection(
            asn(KABID), cycle_id=finalised, employee_id=STAFF_ID, upheld=False, reason="Batal"
        )


def test_an_objection_on_day_15_after_finalisation_is_refused(
    app: AppraisalApplication, clock: Clock, finalised: UUID
) -> None:
    clock.now = clock.now.replace(year=2026, month=1, day=14)
    with pytest.raises(ObjectionWindowClosed):
        app.file_objection(asn(STAFF), cycle_id=finalised, employee_id=STAFF_ID, reasons=REASONS)


def test_a_potential_assessment_places_the_employee_on_the_9_box(
    app: AppraisalApplication, clock: Clock, cycle_id: UUID
) -> None:
    # given an annual Baik, when HR records a MENENGAH potential
    rate_everyone(app, clock, cycle_id, "SESUAI")
    app.assess_potential(HR_CALLER, cycle_id=cycle_id, employee_id=STAFF_ID, potensial="menengah")
    # then the employee sees box 5 and its recommendation
    box = app.employee_view(asn(STAFF), cycle_id, STAFF_ID).talent_box
    assert box is not None
    assert (box.box, box.kinerja, box.in_talent_pool) == (5, "SESUAI", False)
