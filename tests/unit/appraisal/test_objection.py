"""Keberatan (PP 30/2019 Pasal 59): the 14-day window, the superior's final decision."""

from __future__ import annotations

from datetime import date

import pytest

from domain.aggregates.employee_appraisal import EmployeeAppraisal
from domain.errors import (
    AppraisalForbidden,
    InvalidInput,
    ObjectionAlreadyDecided,
    ObjectionNotAllowed,
    ObjectionWindowClosed,
    ReasonRequired,
)
from domain.scoring import Rating
from tests.unit.appraisal.conftest import (
    KABID,
    KASI,
    STAFF,
    YEAR,
    as_,
    at,
    rated_appraisal,
    settled,
)

RECEIVED = date(YEAR, 12, 1)
REASONS = "Realisasi Q4 belum diperhitungkan oleh penilai"
R = Rating


def objected() -> EmployeeAppraisal:
    appraisal = rated_appraisal()
    appraisal.file_objection(REASONS, RECEIVED, at(12, 5), as_(STAFF))
    return settled(appraisal)


def test_an_objection_on_day_14_is_accepted() -> None:
    appraisal = rated_appraisal()
    appraisal.file_objection(REASONS, RECEIVED, at(12, 15), as_(STAFF))
    (event,) = appraisal.collect_events()
    assert isinstance(event, EmployeeAppraisal.ObjectionFiled)
    assert (event.day, event.filed_on) == (14, date(YEAR, 12, 15))


def test_an_objection_on_day_15_is_refused() -> None:
    appraisal = rated_appraisal()
    with pytest.raises(ObjectionWindowClosed, match="until 2025-12-15"):
        appraisal.file_objection(REASONS, RECEIVED, at(12, 16), as_(STAFF))
    assert appraisal.collect_events() == []


def test_the_window_counts_in_the_tenants_local_date() -> None:
    # 17:00 UTC on day 14 is already day 15 in WIB
    appraisal = rated_appraisal()
    with pytest.raises(ObjectionWindowClosed):
        appraisal.file_objection(REASONS, RECEIVED, at(12, 15, hour=17), as_(STAFF))


def test_an_objection_before_the_result_is_received_is_refused() -> None:
    appraisal = rated_appraisal()
    with pytest.raises(ObjectionNotAllowed, match="no final result"):
        appraisal.file_objection(REASONS, None, at(12, 5), as_(STAFF))


def test_only_the_employee_objects() -> None:
    appraisal = rated_appraisal()
    with pytest.raises(AppraisalForbidden):
        appraisal.file_objection(REASONS, RECEIVED, at(12, 5), as_(KASI))


def test_a_second_objection_while_one_is_pending_is_refused() -> None:
    appraisal = objected()
    with pytest.raises(ObjectionNotAllowed, match="awaits"):
        appraisal.file_objection(REASONS, RECEIVED, at(12, 6), as_(STAFF))


def test_the_superior_upholds_with_new_ratings_and_the_predikat_is_recomputed() -> None:
    # given an objection to an annual Baik
    appraisal = objected()
    # when the appraiser's superior upholds it with hasil kerja di atas
    appraisal.decide_objection(True, R.DI_ATAS, R.DI_ATAS, at(12, 20), as_(KABID, "Bukti Q4 sah"))
    # then the decision and the new predikat, computed from the decision, are recorded
    decided, computed = appraisal.collect_events()
    assert isinstance(decided, EmployeeAppraisal.ObjectionDecided)
    assert isinstance(computed, EmployeeAppraisal.PredikatComputed)
    assert (computed.predikat, computed.source_versions) == (
        "SANGAT_BAIK",
        [decided.originator_version],
    )


def test_the_superior_rejects_and_the_ratings_stay() -> None:
    appraisal = objected()
    appraisal.decide_objection(False, None, None, at(12, 20), as_(KABID, "Penilaian sudah tepat"))
    (decided,) = appraisal.collect_events()
    assert isinstance(decided, EmployeeAppraisal.ObjectionDecided)
    assert not decided.upheld
    assert appraisal.predikat["ANNUAL"] == "BAIK"


def test_only_the_appraisers_superior_decides() -> None:
    appraisal = objected()
    with pytest.raises(AppraisalForbidden, match="superior"):
        appraisal.decide_objection(False, None, None, at(12, 20), as_(KASI, "Tetap"))


def test_a_decision_needs_a_reason() -> None:
    appraisal = objected()
    with pytest.raises(ReasonRequired):
        appraisal.decide_objection(False, None, None, at(12, 20), as_(KABID))


def test_upholding_with_the_ratings_in_force_is_refused() -> None:
    appraisal = objected()
    with pytest.raises(InvalidInput, match="new ratings"):
        appraisal.decide_objection(True, R.SESUAI, R.SESUAI, at(12, 20), as_(KABID, "Ya"))


def test_deciding_without_an_objection_is_refused() -> None:
    appraisal = rated_appraisal()
    with pytest.raises(ObjectionNotAllowed, match="No objection"):
        appraisal.decide_objection(False, None, None, at(12, 20), as_(KABID, "Tetap"))


def test_the_decision_is_final() -> None:
    # given a decided objection
    appraisal = objected()
    appraisal.decide_objection(False, None, None, at(12, 20), as_(KABID, "Tetap"))
    settled(appraisal)
    # then neither a second decision nor a new objection is accepted
    with pytest.raises(ObjectionAlreadyDecided):
        appraisal.decide_objection(True, R.DI_ATAS, R.DI_ATAS, at(12, 21), as_(KABID, "Ubah"))
    with pytest.raises(ObjectionAlreadyDecided):
        appraisal.file_objection(REASONS, RECEIVED, at(12, 10), as_(STAFF))
    assert appraisal.collect_events() == []
