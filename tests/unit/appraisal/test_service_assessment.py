"""AppraisalApplication, assessment: rating, calibration, distribution, finalisation and lock."""

from __future__ import annotations

from uuid import UUID

import pytest

from domain.errors import CycleLocked, DistributionOutOfBand, NotAllowedForRole
from services.appraisal import AppraisalApplication
from tests.unit.appraisal.conftest import (
    ANALIS,
    DINAS,
    HR_CALLER,
    KABID,
    KASI,
    PEER,
    SEKSI,
    STAFF,
    Clock,
    asn,
    caller,
    employee_id,
    rate_everyone,
    rate_units,
)

STAFF_ID = employee_id(STAFF)


def test_a_rating_stores_the_predikat_the_matrix_gives(
    app: AppraisalApplication, clock: Clock, approved: UUID
) -> None:
    clock.set(4, 2)
    app.rate(
        asn(KASI),
        cycle_id=approved,
        employee_id=STAFF_ID,
        checkpoint="Q1",
        hasil_kerja="di_atas",
        perilaku_kerja="DI_ATAS",
        justification="Semua target Q1 terlampaui",
    )
    assert app.get_appraisal(HR_CALLER, approved, STAFF_ID).predikat == {"Q1": "SANGAT_BAIK"}


def test_the_unit_distribution_shows_counts_and_failing_conditions(
    app: AppraisalApplication, clock: Clock, cycle_id: UUID
) -> None:
    # given everyone rated Baik and the seksi rated BAIK
    rate_everyone(app, clock, cycle_id, "SESUAI")
    rate_units(app, cycle_id, "BAIK")
    # when HR reads the seksi's distribution
    report = app.unit_distribution(HR_CALLER, cycle_id, SEKSI)
    # then it counts three Baik and names the conditions they fail
    assert (report.counts["BAIK"], report.total, report.in_band) == (3, 3, False)
    assert [f.condition for f in report.failures] == [
        "at most 70% BAIK",
        "at least 1 BUTUH_PERBAIKAN and/or KURANG",
    ]


def test_finalising_out_of_band_is_refused_and_the_calibrator_brings_it_in_band(
    app: AppraisalApplication, clock: Clock, cycle_id: UUID
) -> None:
    # given every unit rated BAIK and everyone Baik
    rate_everyone(app, clock, cycle_id, "SESUAI")
    rate_units(app, cycle_id, "BAIK")
    clock.set(12, 28)
    with pytest.raises(DistributionOutOfBand):
        app.finalise(HR_CALLER, cycle_id=cycle_id)
    # when the calibrator lowers one rating per unit and raises another
    for lowered, raised in ((STAFF, KASI), (ANALIS, KABID)):
        app.calibrate(
            HR_CALLER,
            cycle_id=cycle_id,
            employee_id=employee_id(lowered),
            hasil_kerja="DI_BAWAH",
            perilaku_kerja="SESUAI",
            reason="Kalibrasi distribusi",
        )
        app.calibrate(
            HR_CALLER,
            cycle_id=cycle_id,
            employee_id=employee_id(raised),
            hasil_kerja="DI_ATAS",
            perilaku_kerja="DI_ATAS",
            reason="Kalibrasi distribusi",
        )
    app.rate_organisation(
        HR_CALLER, cycle_id=cycle_id, unit_id=DINAS, rating="ISTIMEWA", reason="Capaian PK 120%"
    )
    # then the cycle finalises, and results count as received that day
    app.finalise(HR_CALLER, cycle_id=cycle_id)
    assert app.get_cycle(HR_CALLER, cycle_id).finalised_on is not None


def test_a_finalised_cycle_refuses_feedback_ratings_and_calibration(
    app: AppraisalApplication, clock: Clock, cycle_id: UUID
) -> None:
    # given a finalised cycle
    rate_everyone(app, clock, cycle_id, "SESUAI")
    rate_units(app, cycle_id, "ISTIMEWA")
    app.finalise(HR_CALLER, cycle_id=cycle_id)
    version = app.get_appraisal(HR_CALLER, cycle_id, STAFF_ID).version
    # then nothing in it changes
    with pytest.raises(CycleLocked):
        app.give_colleague_feedback(
            asn(PEER), cycle_id=cycle_id, employee_id=STAFF_ID, text="Terlambat"
        )
    with pytest.raises(CycleLocked):
        app.calibrate(
            HR_CALLER,
            cycle_id=cycle_id,
            employee_id=STAFF_ID,
            hasil_kerja="DI_ATAS",
            perilaku_kerja="SESUAI",
            reason="Setelah final",
        )
    with pytest.raises(CycleLocked):
        app.rate_organisation(
            HR_CALLER, cycle_id=cycle_id, unit_id=SEKSI, rating="BAIK", reason="x"
        )
    assert app.get_appraisal(HR_CALLER, cycle_id, STAFF_ID).version == version


def test_an_auditor_recomputes_every_predikat_to_what_was_recorded(
    app: AppraisalApplication, clock: Clock, cycle_id: UUID
) -> None:
    rate_everyone(app, clock, cycle_id, "SESUAI")
    app.calibrate(
        HR_CALLER,
        cycle_id=cycle_id,
        employee_id=STAFF_ID,
        hasil_kerja="DI_BAWAH",
        perilaku_kerja="DI_BAWAH",
        reason="Kalibrasi",
    )
    results = app.recompute(caller("auditor-1", "auditor"), cycle_id, STAFF_ID)
    assert [(r.recorded, r.matches) for r in results] == [("BAIK", True), ("SANGAT_KURANG", True)]


def test_an_employee_cannot_calibrate(app: AppraisalApplication, approved: UUID) -> None:
    with pytest.raises(NotAllowedForRole):
        app.calibrate(
            asn(STAFF),
            cycle_id=approved,
            employee_id=STAFF_ID,
            hasil_kerja="DI_ATAS",
            perilaku_kerja="DI_ATAS",
            reason="Saya layak",
        )
