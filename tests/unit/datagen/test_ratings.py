"""Generated ratings: a realistic spread, and calibration into the band of the unit's rating."""

from __future__ import annotations

import random
from collections import Counter

from domain.scoring import OrgRating, Predikat, check_distribution
from scripts.datagen.ratings import (
    SANCTIONED,
    Ratings,
    calibrate_unit,
    draw_ratings,
    org_rating_for,
    predikat_of,
)

SB, BAIK, BP = ("DI_ATAS", "DI_ATAS"), ("SESUAI", "SESUAI"), ("DI_BAWAH", "SESUAI")


def unit(*ratings: Ratings) -> list[tuple[str, Ratings]]:
    return [(f"nip-{i:02d}", r) for i, r in enumerate(ratings)]


def after(rated: list[tuple[str, Ratings]], org: OrgRating) -> list[Predikat]:
    changes = {c.nip: c.ratings for c in calibrate_unit(org, rated, random.Random(1))}
    return [predikat_of(changes.get(nip, r)) for nip, r in rated]


def test_appraisers_rate_mostly_baik_some_sangat_baik_and_few_below() -> None:
    rng = random.Random(3)
    counts = Counter(predikat_of(draw_ratings(rng, sanctioned=False)) for _ in range(5_000))

    assert 0.60 < counts[Predikat.BAIK] / 5_000 < 0.72
    assert 0.15 < counts[Predikat.SANGAT_BAIK] / 5_000 < 0.25
    assert counts[Predikat.BUTUH_PERBAIKAN] + counts[Predikat.KURANG] < 0.2 * 5_000


def test_an_employee_sanctioned_that_year_is_rated_below_expectation_on_perilaku() -> None:
    assert draw_ratings(random.Random(1), sanctioned=True) == SANCTIONED
    assert predikat_of(SANCTIONED) is Predikat.KURANG


def test_a_small_unit_is_rated_istimewa() -> None:
    assert org_rating_for(3, random.Random(1)) is OrgRating.ISTIMEWA


def test_a_unit_in_band_is_not_calibrated() -> None:
    rated = unit(SB, BAIK, BAIK, BP)

    assert calibrate_unit(OrgRating.BAIK, rated, random.Random(1)) == []


def test_a_baik_unit_without_anyone_below_baik_gets_one_butuh_perbaikan() -> None:
    rated = unit(SB, SB, BAIK, BAIK, BAIK)

    predikats = after(rated, OrgRating.BAIK)

    assert predikats.count(Predikat.BUTUH_PERBAIKAN) == 1
    assert check_distribution(OrgRating.BAIK, predikats) == []


def test_a_baik_unit_with_over_70_percent_baik_has_some_calibrated_up() -> None:
    rated = unit(BAIK, BAIK, BAIK, BAIK, BAIK, BAIK, BAIK, BAIK, BAIK, BP)

    predikats = after(rated, OrgRating.BAIK)

    assert predikats.count(Predikat.BAIK) == 7
    assert predikats.count(Predikat.SANGAT_BAIK) == 2


def test_an_istimewa_unit_keeps_at_most_70_percent_sangat_baik() -> None:
    rated = unit(SB, SB, SB)

    predikats = after(rated, OrgRating.ISTIMEWA)

    assert predikats.count(Predikat.SANGAT_BAIK) == 2
    assert check_distribution(OrgRating.ISTIMEWA, predikats) == []
