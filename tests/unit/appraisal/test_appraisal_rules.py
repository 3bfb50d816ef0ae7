"""The appraisal rules of issue 16 part 6: annual after the year, heads, plurality, small units."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from itertools import combinations_with_replacement
from uuid import UUID

import pytest

from domain.appraisal_rules import (
    AnnualBeforePeriodEnd,
    HeadRatingMismatch,
    check_annual_after_period,
    check_heads,
    evaluation_groups,
    group_reports,
    refuse_head_mismatches,
)
from domain.scoring import OrgRating, Predikat, check_distribution
from domain.scoring_policy import LEGACY_POLICY, NATIONAL_POLICY

P = Predikat
ROOT, MID, LEAF, OTHER = UUID(int=1), UUID(int=2), UUID(int=3), UUID(int=4)


def test_annual_is_refused_on_the_last_day_of_the_year() -> None:
    with pytest.raises(AnnualBeforePeriodEnd):
        check_annual_after_period(2025, date(2025, 12, 31))


def test_annual_is_refused_in_february_of_the_year() -> None:
    with pytest.raises(AnnualBeforePeriodEnd):
        check_annual_after_period(2025, date(2025, 2, 10))


def test_annual_is_accepted_from_the_first_day_after_the_year() -> None:
    check_annual_after_period(2025, date(2026, 1, 1))


def test_a_head_of_a_baik_unit_rated_above_expectation_departs_from_the_rule() -> None:
    failing = check_heads(NATIONAL_POLICY, [("197001012000031001", LEAF, "BAIK", "DI_ATAS")])

    assert [(f.required, f.hasil_kerja) for f in failing] == [("SESUAI", "DI_ATAS")]
    with pytest.raises(HeadRatingMismatch):
        refuse_head_mismatches(failing)


def test_a_head_rated_as_the_mapping_says_passes() -> None:
    heads = [("1", LEAF, "ISTIMEWA", "DI_ATAS"), ("2", MID, "KURANG", "DI_BAWAH")]

    assert check_heads(NATIONAL_POLICY, heads) == []


def test_the_head_rule_is_off_in_a_policy_without_a_mapping() -> None:
    assert check_heads(LEGACY_POLICY, [("1", LEAF, "BAIK", "DI_ATAS")]) == []


def test_a_baik_unit_that_is_75_percent_sangat_baik_is_refused_with_the_plurality_rule() -> None:
    predikats = [P.SANGAT_BAIK] * 3 + [P.BUTUH_PERBAIKAN]

    assert check_distribution(OrgRating.BAIK, predikats) == []  # the bounds alone pass it
    failures = check_distribution(OrgRating.BAIK, predikats, most_is_plurality=True)
    assert [f.condition for f in failures] == ["more BAIK than any other"]


def test_small_units_are_pooled_upward_until_their_group_reaches_the_size() -> None:
    parents = {ROOT: None, MID: ROOT, LEAF: MID, OTHER: ROOT}
    sizes = {ROOT: 4, MID: 1, LEAF: 1, OTHER: 5}

    groups = evaluation_groups(3, parents, sizes)

    assert groups == {ROOT: ROOT, MID: ROOT, LEAF: ROOT, OTHER: OTHER}


def test_a_small_unit_under_a_non_participating_parent_joins_the_nearest_participating_one() -> (
    None
):
    parents = {ROOT: None, MID: ROOT, LEAF: MID}
    sizes = {ROOT: 5, LEAF: 1}  # MID takes no part in the cycle

    assert evaluation_groups(3, parents, sizes)[LEAF] == ROOT


def test_one_person_under_kurang_can_never_be_in_band_alone_but_is_with_the_parent() -> None:
    groups_alone = {LEAF: LEAF, ROOT: ROOT}
    ratings = {ROOT: "KURANG", LEAF: "KURANG"}
    by_unit = {LEAF: [P.KURANG], ROOT: [P.KURANG, P.BUTUH_PERBAIKAN]}
    alone = replace(NATIONAL_POLICY, small_unit_min_staff=0)

    assert any(g.report.failures for g in group_reports(alone, groups_alone, ratings, by_unit))
    pooled = {LEAF: ROOT, ROOT: ROOT}
    reports = group_reports(NATIONAL_POLICY, pooled, ratings, by_unit)
    assert [(g.unit_id, g.report.failures) for g in reports] == [(ROOT, ())]


def test_a_group_still_below_the_size_at_the_top_of_the_tree_is_held_to_no_band() -> None:
    reports = group_reports(NATIONAL_POLICY, {ROOT: ROOT}, {ROOT: "KURANG"}, {ROOT: [P.BAIK]})

    assert reports[0].too_small
    assert reports[0].report.failures == ()
    assert reports[0].report.total == 1


@pytest.mark.parametrize("org_rating", list(OrgRating))
def test_every_band_can_be_met_by_three_people_the_national_small_unit_size(
    org_rating: OrgRating,
) -> None:
    size = NATIONAL_POLICY.small_unit_min_staff

    possible = [
        mix
        for mix in combinations_with_replacement(list(Predikat), size)
        if not check_distribution(org_rating, mix, bands=NATIONAL_POLICY.bands)
    ]

    assert possible, f"no mix of {size} meets the {org_rating} band"
