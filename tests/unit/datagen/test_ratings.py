"""Generated ratings: a realistic spread, and calibration into the band of the unit's rating."""

from __future__ import annotations

import random
from collections import Counter

from domain.scoring import OrgRating, Predikat, check_distribution
from domain.scoring_policy import NATIONAL_POLICY
from scripts.datagen.ratings import (
    SANCTIONED,
    Ratings,
    calibrate_group,
    draw_ratings,
    head_ratings,
    predikat_of,
)

SB, BAIK, BP = ("DI_ATAS", "DI_ATAS"), ("SESUAI", "SESUAI"), ("DI_BAWAH", "SESUAI")


def unit(*ratings: Ratings) -> list[tuple[str, Ratings]]:
    return [(f"nip-{i:02d}", r) for i, r in enumerate(ratings)]


def after(rated: list[tuple[str, Ratings]], org: OrgRating) -> list[Predikat]:
    changes = {c.nip: c.ratings for c in calibrate_group(org, rated, random.Random(1))}
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


def test_a_group_below_the_small_unit_size_is_left_as_it_is() -> None:
    rated = unit(BAIK, BAIK)  # Baik with no one below: out of band, but held to no band

    assert calibrate_group(OrgRating.BAIK, rated, random.Random(1)) == []


def test_a_unit_in_band_is_not_calibrated() -> None:
    rated = unit(SB, BAIK, BAIK, BP)

    assert calibrate_group(OrgRating.BAIK, rated, random.Random(1)) == []


def test_a_head_s_hasil_kerja_follows_the_unit_s_rating() -> None:
    assert head_ratings(BAIK, OrgRating.ISTIMEWA, NATIONAL_POLICY) == ("DI_ATAS", "SESUAI")
    assert head_ratings(SB, OrgRating.BAIK, NATIONAL_POLICY) == ("SESUAI", "DI_ATAS")


def test_a_head_is_calibrated_on_perilaku_only_when_no_one_else_can_be() -> None:
    rated = unit(BAIK, BAIK, BAIK)  # all heads of Baik units: hasil kerja fixed at sesuai
    heads = {nip: "SESUAI" for nip, _ in rated}

    changes = calibrate_group(OrgRating.BAIK, rated, random.Random(1), heads=heads)

    assert [c.ratings for c in changes] == [("SESUAI", "DI_BAWAH")]  # one Kurang


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
