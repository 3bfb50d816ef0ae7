"""The distribution bands of SE MenPANRB 3/2023 (§1.5), each rule at its edges."""

from __future__ import annotations

from collections.abc import Mapping

from domain.scoring import OrgRating, Predikat, check_distribution, distribution_report

P = Predikat


def unit(counts: Mapping[Predikat, int]) -> list[Predikat]:
    """A unit's predikat, so many of each."""
    return [p for p, n in counts.items() for _ in range(n)]


def failing(rating: OrgRating, counts: Mapping[Predikat, int]) -> list[str]:
    return [f.condition for f in check_distribution(rating, unit(counts))]


def test_istimewa_passes_with_exactly_70_percent_sangat_baik() -> None:
    assert failing(OrgRating.ISTIMEWA, {P.SANGAT_BAIK: 7, P.BAIK: 3}) == []


def test_istimewa_fails_with_one_sangat_baik_over_70_percent() -> None:
    assert failing(OrgRating.ISTIMEWA, {P.SANGAT_BAIK: 71, P.BAIK: 29}) == [
        "at most 70% SANGAT_BAIK"
    ]


def test_a_failure_states_the_count_and_the_share() -> None:
    (failure,) = check_distribution(OrgRating.ISTIMEWA, unit({P.SANGAT_BAIK: 8, P.BAIK: 2}))
    assert (failure.count, failure.total, failure.percent) == (8, 10, 80.0)


def test_baik_passes_with_70_percent_baik_and_some_butuh_perbaikan() -> None:
    assert failing(OrgRating.BAIK, {P.BAIK: 7, P.BUTUH_PERBAIKAN: 1, P.SANGAT_BAIK: 2}) == []


def test_baik_accepts_kurang_as_the_required_weaker_predikat() -> None:
    assert failing(OrgRating.BAIK, {P.BAIK: 7, P.KURANG: 1, P.SANGAT_KURANG: 2}) == []


def test_baik_fails_without_any_butuh_perbaikan_or_kurang() -> None:
    assert failing(OrgRating.BAIK, {P.BAIK: 6, P.SANGAT_BAIK: 4}) == [
        "at least 1 BUTUH_PERBAIKAN and/or KURANG"
    ]


def test_baik_fails_with_more_than_70_percent_baik() -> None:
    assert failing(OrgRating.BAIK, {P.BAIK: 8, P.BUTUH_PERBAIKAN: 2}) == ["at most 70% BAIK"]


def test_butuh_perbaikan_passes_at_60_percent_bp_and_10_percent_sangat_baik() -> None:
    counts = {P.BUTUH_PERBAIKAN: 6, P.SANGAT_BAIK: 1, P.BAIK: 3}
    assert failing(OrgRating.BUTUH_PERBAIKAN, counts) == []


def test_butuh_perbaikan_fails_below_60_percent_bp() -> None:
    counts = {P.BUTUH_PERBAIKAN: 59, P.BAIK: 41}
    assert failing(OrgRating.BUTUH_PERBAIKAN, counts) == ["at least 60% BUTUH_PERBAIKAN"]


def test_butuh_perbaikan_fails_over_10_percent_sangat_baik() -> None:
    counts = {P.BUTUH_PERBAIKAN: 60, P.SANGAT_BAIK: 11, P.BAIK: 29}
    assert failing(OrgRating.BUTUH_PERBAIKAN, counts) == ["at most 10% SANGAT_BAIK"]


def test_kurang_passes_at_60_percent_kurang_10_percent_bp_and_10_percent_sangat_baik() -> None:
    counts = {P.KURANG: 6, P.BUTUH_PERBAIKAN: 1, P.SANGAT_BAIK: 1, P.BAIK: 2}
    assert failing(OrgRating.KURANG, counts) == []


def test_kurang_fails_below_60_percent_kurang() -> None:
    counts = {P.KURANG: 59, P.BUTUH_PERBAIKAN: 41}
    assert failing(OrgRating.KURANG, counts) == ["at least 60% KURANG"]


def test_kurang_fails_below_10_percent_butuh_perbaikan() -> None:
    counts = {P.KURANG: 91, P.BUTUH_PERBAIKAN: 9}
    assert failing(OrgRating.KURANG, counts) == ["at least 10% BUTUH_PERBAIKAN"]


def test_kurang_fails_over_10_percent_sangat_baik() -> None:
    counts = {P.KURANG: 60, P.BUTUH_PERBAIKAN: 29, P.SANGAT_BAIK: 11}
    assert failing(OrgRating.KURANG, counts) == ["at most 10% SANGAT_BAIK"]


def test_sangat_kurang_passes_at_60_percent_sk_and_10_percent_kurang_or_bp() -> None:
    counts = {P.SANGAT_KURANG: 6, P.KURANG: 1, P.BAIK: 3}
    assert failing(OrgRating.SANGAT_KURANG, counts) == []


def test_sangat_kurang_counts_butuh_perbaikan_toward_the_10_percent() -> None:
    counts = {P.SANGAT_KURANG: 9, P.BUTUH_PERBAIKAN: 1}
    assert failing(OrgRating.SANGAT_KURANG, counts) == []


def test_sangat_kurang_fails_below_60_percent_sk() -> None:
    counts = {P.SANGAT_KURANG: 59, P.KURANG: 41}
    assert failing(OrgRating.SANGAT_KURANG, counts) == ["at least 60% SANGAT_KURANG"]


def test_sangat_kurang_fails_below_10_percent_kurang_or_bp() -> None:
    counts = {P.SANGAT_KURANG: 91, P.KURANG: 9}
    assert failing(OrgRating.SANGAT_KURANG, counts) == [
        "at least 10% KURANG and/or BUTUH_PERBAIKAN"
    ]


def test_sangat_kurang_fails_with_a_single_sangat_baik() -> None:
    counts = {P.SANGAT_KURANG: 80, P.KURANG: 19, P.SANGAT_BAIK: 1}
    assert failing(OrgRating.SANGAT_KURANG, counts) == ["no SANGAT_BAIK"]


def test_a_unit_failing_several_conditions_lists_them_all() -> None:
    counts = {P.BAIK: 10}
    assert failing(OrgRating.KURANG, counts) == [
        "at least 60% KURANG",
        "at least 10% BUTUH_PERBAIKAN",
    ]


def test_a_unit_with_no_appraised_employee_passes() -> None:
    assert failing(OrgRating.BAIK, {}) == []


def test_most_as_plurality_is_off_unless_the_cycle_chooses_it() -> None:
    # given an ISTIMEWA unit where Baik outnumbers Sangat Baik
    predikats = unit({P.SANGAT_BAIK: 3, P.BAIK: 7})
    # then the bounds alone pass, and "most is plurality" fails it
    assert check_distribution(OrgRating.ISTIMEWA, predikats) == []
    (failure,) = check_distribution(OrgRating.ISTIMEWA, predikats, most_is_plurality=True)
    assert failure.condition == "more SANGAT_BAIK than any other"


def test_an_unrated_unit_reports_its_counts_but_is_not_in_band() -> None:
    report = distribution_report(None, unit({P.BAIK: 2, P.KURANG: 1}))
    assert (report.counts["BAIK"], report.counts["KURANG"], report.total) == (2, 1, 3)
    assert not report.in_band
