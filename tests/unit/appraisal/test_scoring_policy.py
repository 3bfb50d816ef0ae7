"""The scoring policy as data: its values, its validator, and what a cycle's settings carry."""

from __future__ import annotations

import pytest

from domain.policy import InvalidPolicyValues
from domain.policy_kinds import policy_kind
from domain.scoring import OFFICIAL_MATRIX, RULES_VERSION, OrgRating, Predikat, Rating, recompute
from domain.scoring_policy import (
    HEAD_MAPPING,
    LEGACY_POLICY,
    NATIONAL_POLICY,
    SCORING_KIND,
    adopted,
    cycle_policy,
    policy_from_values,
)


def test_the_national_default_passes_its_own_validator_unchanged() -> None:
    values = NATIONAL_POLICY.values()

    assert policy_kind(SCORING_KIND).validate(values) == values


def test_the_national_default_holds_the_official_matrix_and_bands_with_their_sources() -> None:
    policy = policy_from_values("x", NATIONAL_POLICY.values())

    assert policy.matrix == OFFICIAL_MATRIX
    assert policy.bands == NATIONAL_POLICY.bands
    assert policy.head_hasil_kerja == HEAD_MAPPING
    assert policy.small_unit_min_staff == 3
    assert {"matrix", "bands", "head_of_unit", "small_units"} <= set(policy.sources)


def test_the_head_mapping_seeded_reads_istimewa_above_baik_as_expected_and_the_rest_below() -> None:
    assert HEAD_MAPPING[OrgRating.ISTIMEWA] is Rating.DI_ATAS
    assert HEAD_MAPPING[OrgRating.BAIK] is Rating.SESUAI
    assert {HEAD_MAPPING[o] for o in OrgRating} - {Rating.DI_ATAS, Rating.SESUAI} == {
        Rating.DI_BAWAH
    }


def test_a_matrix_cell_that_is_not_a_predikat_is_refused() -> None:
    values = NATIONAL_POLICY.values()
    values["matrix"]["DI_ATAS"]["DI_ATAS"] = "LUAR_BIASA"

    with pytest.raises(InvalidPolicyValues):
        policy_kind(SCORING_KIND).validate(values)


def test_an_unknown_key_is_refused() -> None:
    with pytest.raises(InvalidPolicyValues):
        policy_kind(SCORING_KIND).validate(NATIONAL_POLICY.values() | {"bonus": 1})


def test_a_percentage_above_100_is_refused() -> None:
    values = NATIONAL_POLICY.values()
    values["bands"]["ISTIMEWA"] = [{"predikat": ["SANGAT_BAIK"], "max_percent": 170}]

    with pytest.raises(InvalidPolicyValues):
        policy_kind(SCORING_KIND).validate(values)


def test_a_stricter_band_is_kept_as_given() -> None:
    values = NATIONAL_POLICY.values()
    values["bands"]["ISTIMEWA"] = [{"predikat": ["SANGAT_BAIK"], "max_percent": 40}]

    policy = policy_from_values("ketat", values)

    assert policy.bands[OrgRating.ISTIMEWA][0].max_percent == 40
    assert policy.label == "ketat"


def test_a_cycle_opened_before_policy_data_keeps_the_legacy_rules_and_its_plurality_setting() -> (
    None
):
    policy = cycle_policy({"most_is_plurality": True})

    assert policy.label == RULES_VERSION == LEGACY_POLICY.label
    assert policy.most_is_plurality
    assert policy.head_hasil_kerja is None


def test_a_cycle_under_policy_data_reads_the_policy_it_adopted() -> None:
    settings = {"scoring": adopted("tenant@1", "pemkab-x", "Perbup 1/2025", {
        **NATIONAL_POLICY.values(), "most_is_plurality": True}).as_fields()}  # fmt: skip

    policy = cycle_policy(settings)

    assert (policy.label, policy.most_is_plurality) == ("tenant@1", True)
    assert policy.matrix[(Rating.SESUAI, Rating.SESUAI)] is Predikat.BAIK


def test_the_national_label_recomputes_without_the_recorded_policy_at_hand() -> None:
    assert recompute(NATIONAL_POLICY.label, "DI_ATAS", "DI_ATAS") is Predikat.SANGAT_BAIK
