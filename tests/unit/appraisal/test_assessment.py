"""Assessment and calibration: ratings per checkpoint, the computed predikat, calibration events."""

from __future__ import annotations

import pytest

from domain.aggregates.employee_appraisal import EmployeeAppraisal
from domain.errors import (
    AppraisalForbidden,
    InvalidInput,
    ReasonRequired,
    RuleViolation,
    SkpNotApproved,
)
from domain.scoring import RULES_VERSION, Rating
from domain.talent import Potensial
from tests.unit.appraisal.conftest import (
    HR,
    KASI,
    STAFF,
    appraisal_of,
    approved_appraisal,
    as_,
    at,
    enrolled_cycle,
    hr,
    rated_appraisal,
)

R = Rating


def test_rating_before_the_skp_is_approved_is_refused() -> None:
    appraisal = appraisal_of(enrolled_cycle())
    with pytest.raises(SkpNotApproved):
        appraisal.rate("Q1", R.SESUAI, R.SESUAI, "Sesuai target", at(4, 1), as_(KASI))
    assert appraisal.collect_events() == []


def test_a_rating_records_the_predikat_with_its_rules_version_and_source_version() -> None:
    # given an approved SKP
    appraisal = approved_appraisal()
    # when the appraiser rates Q1
    appraisal.rate("q1", R.DI_ATAS, R.SESUAI, "Target terlampaui", at(4, 2), as_(KASI))
    # then the predikat follows from the matrix and names the rating it came from
    rated, computed = appraisal.collect_events()
    assert isinstance(rated, EmployeeAppraisal.Rated)
    assert isinstance(computed, EmployeeAppraisal.PredikatComputed)
    assert (computed.checkpoint, computed.predikat) == ("Q1", "BAIK")
    assert computed.rules_version == RULES_VERSION
    assert computed.source_versions == [rated.originator_version]


def test_only_the_appraiser_rates() -> None:
    appraisal = approved_appraisal()
    with pytest.raises(AppraisalForbidden):
        appraisal.rate("Q1", R.DI_ATAS, R.DI_ATAS, "Saya layak", at(4, 2), as_(STAFF))


def test_a_checkpoint_the_cycle_lacks_is_refused() -> None:
    appraisal = approved_appraisal()
    with pytest.raises(InvalidInput, match="checkpoints"):
        appraisal.rate("M04", R.SESUAI, R.SESUAI, "Sesuai target", at(4, 30), as_(KASI))


def test_changing_a_rating_needs_a_reason() -> None:
    appraisal = rated_appraisal()
    with pytest.raises(ReasonRequired):
        appraisal.rate("ANNUAL", R.DI_ATAS, R.DI_ATAS, "Koreksi", at(12, 21), as_(KASI))


def test_a_calibration_change_carries_before_after_actor_and_reason() -> None:
    # given an annual Baik (sesuai/sesuai)
    appraisal = rated_appraisal()
    # when the calibrator lowers hasil kerja
    appraisal.calibrate(R.DI_BAWAH, R.SESUAI, at(12, 28), hr("Distribusi unit BAIK"))
    # then the change is an event with before, after, actor and reason, and a new predikat
    calibrated, computed = appraisal.collect_events()
    assert isinstance(calibrated, EmployeeAppraisal.RatingCalibrated)
    before = (calibrated.hasil_kerja_before, calibrated.perilaku_kerja_before)
    assert before == ("SESUAI", "SESUAI")
    assert (calibrated.hasil_kerja, calibrated.perilaku_kerja) == ("DI_BAWAH", "SESUAI")
    assert (calibrated.meta.actor_id, calibrated.meta.reason) == (
        "hr-officer-1",
        "Distribusi unit BAIK",
    )
    assert isinstance(computed, EmployeeAppraisal.PredikatComputed)
    assert computed.predikat == "BUTUH_PERBAIKAN"
    assert computed.source_versions == [calibrated.originator_version]


def test_a_calibration_needs_a_reason() -> None:
    appraisal = rated_appraisal()
    with pytest.raises(ReasonRequired):
        appraisal.calibrate(R.DI_BAWAH, R.SESUAI, at(12, 28), HR)
    assert appraisal.collect_events() == []


def test_calibration_needs_an_annual_rating() -> None:
    appraisal = approved_appraisal()
    with pytest.raises(RuleViolation, match="no annual rating"):
        appraisal.calibrate(R.DI_BAWAH, R.SESUAI, at(12, 28), hr("x"))


def test_the_appraiser_cannot_undo_a_calibration() -> None:
    appraisal = rated_appraisal()
    appraisal.calibrate(R.DI_BAWAH, R.SESUAI, at(12, 28), hr("Distribusi"))
    with pytest.raises(RuleViolation, match="calibrated"):
        appraisal.rate("ANNUAL", R.SESUAI, R.SESUAI, "Kembali", at(12, 29), as_(KASI, "tidak"))


def test_the_talent_box_follows_the_annual_predikat_and_potential() -> None:
    # given an annual Sangat Baik
    appraisal = rated_appraisal(R.DI_ATAS, R.DI_ATAS)
    assert appraisal.talent_box() is None
    # when a TINGGI potential is recorded
    appraisal.assess_potential(Potensial.TINGGI, at(12, 29), HR)
    # then the employee sits in box 9, in the talent pool
    box = appraisal.talent_box()
    assert box is not None
    assert (box.box, box.in_talent_pool) == (9, True)


def test_changing_a_potential_assessment_needs_a_reason() -> None:
    appraisal = rated_appraisal()
    appraisal.assess_potential(Potensial.RENDAH, at(12, 29), HR)
    with pytest.raises(ReasonRequired):
        appraisal.assess_potential(Potensial.TINGGI, at(12, 30), HR)
