"""The predikat matrix (§1.3) cell by cell, and recomputing recorded predikat from events."""

from __future__ import annotations

import pytest

from domain.errors import InvalidInput, UnknownRulesVersion
from domain.scoring import (
    RULES_VERSION,
    Predikat,
    Rating,
    predikat_for,
    recompute,
    recompute_predikats,
)
from domain.text import parse_choice
from tests.unit.appraisal.conftest import KASI, as_, at, hr, rated_appraisal

R, P = Rating, Predikat
MATRIX = [
    pytest.param(R.DI_ATAS, R.DI_ATAS, P.SANGAT_BAIK, id="hasil-di-atas/perilaku-di-atas"),
    pytest.param(R.DI_ATAS, R.SESUAI, P.BAIK, id="hasil-di-atas/perilaku-sesuai"),
    pytest.param(R.DI_ATAS, R.DI_BAWAH, P.KURANG, id="hasil-di-atas/perilaku-di-bawah"),
    pytest.param(R.SESUAI, R.DI_ATAS, P.BAIK, id="hasil-sesuai/perilaku-di-atas"),
    pytest.param(R.SESUAI, R.SESUAI, P.BAIK, id="hasil-sesuai/perilaku-sesuai"),
    pytest.param(R.SESUAI, R.DI_BAWAH, P.KURANG, id="hasil-sesuai/perilaku-di-bawah"),
    pytest.param(R.DI_BAWAH, R.DI_ATAS, P.BUTUH_PERBAIKAN, id="hasil-di-bawah/perilaku-di-atas"),
    pytest.param(R.DI_BAWAH, R.SESUAI, P.BUTUH_PERBAIKAN, id="hasil-di-bawah/perilaku-sesuai"),
    pytest.param(R.DI_BAWAH, R.DI_BAWAH, P.SANGAT_KURANG, id="hasil-di-bawah/perilaku-di-bawah"),
]


@pytest.mark.parametrize(("hasil", "perilaku", "predikat"), MATRIX)
def test_each_cell_of_the_matrix_gives_its_official_predikat(
    hasil: Rating, perilaku: Rating, predikat: Predikat
) -> None:
    assert predikat_for(hasil, perilaku) is predikat


@pytest.mark.parametrize(("hasil", "perilaku", "predikat"), MATRIX)
def test_recompute_under_the_current_label_agrees_with_the_matrix(
    hasil: Rating, perilaku: Rating, predikat: Predikat
) -> None:
    assert recompute(RULES_VERSION, hasil.value, perilaku.value) is predikat


def test_an_unknown_rules_version_cannot_recompute() -> None:
    with pytest.raises(UnknownRulesVersion, match="no-such-rules@9"):
        recompute("no-such-rules@9", "SESUAI", "SESUAI")


def test_every_recorded_predikat_recomputes_to_what_was_recorded() -> None:
    # given an appraisal rated, re-rated and calibrated
    appraisal = rated_appraisal()
    events: list[object] = []
    appraisal.rate("Q1", R.DI_ATAS, R.DI_ATAS, "Melampaui target Q1", at(4, 2), as_(KASI))
    appraisal.rate("Q1", R.SESUAI, R.SESUAI, "Koreksi penilaian Q1", at(4, 3), as_(KASI, "salah"))
    appraisal.calibrate(R.DI_BAWAH, R.SESUAI, at(12, 28), hr("Kalibrasi unit"))
    events += appraisal.collect_events()
    # when every PredikatComputed is recomputed from the events it names
    results = recompute_predikats(events)
    # then each one matches, with the rules version it was recorded under
    assert [(r.checkpoint, r.recorded) for r in results] == [
        ("Q1", "SANGAT_BAIK"),
        ("Q1", "BAIK"),
        ("ANNUAL", "BUTUH_PERBAIKAN"),
    ]
    assert all(r.matches and r.rules_version == RULES_VERSION for r in results)


def test_a_computation_whose_source_event_is_missing_does_not_match() -> None:
    # given a rating and its predikat, with the rating event lost
    appraisal = rated_appraisal()
    appraisal.rate("Q2", R.SESUAI, R.DI_ATAS, "Sesuai target Q2", at(7, 2), as_(KASI))
    rated, computed = appraisal.collect_events()
    # when recomputed from the computation alone
    (result,) = recompute_predikats([computed])
    # then it is reported, not silently trusted
    assert result.source_versions == (rated.originator_version,)
    assert result.recomputed is None
    assert not result.matches


def test_a_rating_is_parsed_as_people_write_it() -> None:
    assert parse_choice(Rating, " di atas ", "rating") is Rating.DI_ATAS
    assert parse_choice(Rating, "Di-Bawah", "rating") is Rating.DI_BAWAH


def test_an_unknown_rating_is_refused_listing_the_ratings() -> None:
    with pytest.raises(InvalidInput, match="DI_ATAS, SESUAI, DI_BAWAH"):
        parse_choice(Rating, "istimewa", "rating")
