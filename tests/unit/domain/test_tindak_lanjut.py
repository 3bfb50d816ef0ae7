"""PP 30/2019 Bab VI, PP 49/2018 Pasal 37, PP 99/2000 Pasal 7: what follows a predikat."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from domain.policy import InvalidPolicyValues
from domain.scoring import Predikat as P  # noqa: N817
from domain.tindak_lanjut import (
    DevelopmentTrack,
    RenewalAdvice,
    award_candidacy,
    development_track,
    pppk_renewal,
    promotion_predikat,
)
from domain.tindak_lanjut_tpp import EXAMPLE_FACTORS, tpp_factor, validate_tpp_factors


def test_sangat_baik_two_years_in_a_row_makes_an_award_candidate() -> None:
    candidacy = award_candidacy({2023: P.BAIK, 2024: P.SANGAT_BAIK, 2025: P.SANGAT_BAIK})
    assert (candidacy.candidate, candidacy.consecutive_years, candidacy.through_year) == (
        True, 2, 2025,
    )  # fmt: skip


def test_a_year_without_a_finalised_predikat_breaks_the_run() -> None:
    candidacy = award_candidacy({2023: P.SANGAT_BAIK, 2025: P.SANGAT_BAIK})
    assert not candidacy.candidate
    assert candidacy.consecutive_years == 1


def test_the_promotion_predikat_condition_is_the_promotion_rules_own() -> None:
    met = promotion_predikat(date(2026, 4, 1), {2024: P.BAIK, 2025: P.SANGAT_BAIK})
    short = promotion_predikat(date(2026, 4, 1), {2024: P.BUTUH_PERBAIKAN, 2025: P.BAIK})
    assert met.met
    assert met.reason is None
    assert not short.met
    assert short.reason is not None
    assert "2024" in short.reason


@pytest.mark.parametrize(
    ("history", "advice"),
    [
        ({}, RenewalAdvice.NO_RESULT),
        ({2024: P.KURANG, 2025: P.BAIK}, RenewalAdvice.RENEW),
        ({2024: P.BAIK, 2025: P.BUTUH_PERBAIKAN}, RenewalAdvice.REVIEW),
        ({2024: P.KURANG, 2025: P.SANGAT_KURANG}, RenewalAdvice.NOT_RECOMMENDED),
    ],
)
def test_a_pppk_renewal_follows_the_pencapaian_kinerja(
    history: dict[int, P], advice: RenewalAdvice
) -> None:
    assert pppk_renewal(history) is advice


def test_top_performers_get_development_too_not_only_the_weak() -> None:
    assert development_track(P.SANGAT_BAIK) is DevelopmentTrack.TOP_PERFORMER
    assert development_track(P.KURANG) is DevelopmentTrack.REMEDIAL
    assert development_track(P.BAIK) is DevelopmentTrack.NONE


def test_the_tpp_factor_is_read_from_the_perkada_values_in_force() -> None:
    values = {"factors": {**EXAMPLE_FACTORS, "SANGAT_BAIK": 120}}
    assert tpp_factor(P.SANGAT_BAIK, values) == Decimal("120")


def test_tpp_factors_must_name_every_predikat_with_a_percentage() -> None:
    with pytest.raises(InvalidPolicyValues):
        validate_tpp_factors({"factors": {"BAIK": 100}})
    with pytest.raises(InvalidPolicyValues):
        validate_tpp_factors({"factors": {**EXAMPLE_FACTORS, "BAIK": 500}})
