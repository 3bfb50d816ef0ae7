from __future__ import annotations

from datetime import date

import pytest

from domain.awards import AwardKind, check_award_eligibility, parse_award_kind
from domain.errors import AwardNotAllowed, InvalidInput

SERVICE_START = date(1994, 3, 1)


@pytest.mark.parametrize("kind", list(AwardKind))
def test_every_award_kind_is_parsed_case_insensitively(kind: AwardKind) -> None:
    assert parse_award_kind(f" {kind.value.lower()} ") is kind


def test_an_unknown_award_kind_is_rejected_listing_the_kinds() -> None:
    with pytest.raises(InvalidInput, match="PENGHARGAAN_INSTANSI"):
        parse_award_kind("bintang jasa")


SATYALANCANA = [
    (AwardKind.SATYALANCANA_KARYA_SATYA_10, date(2004, 3, 1)),
    (AwardKind.SATYALANCANA_KARYA_SATYA_20, date(2014, 3, 1)),
    (AwardKind.SATYALANCANA_KARYA_SATYA_30, date(2024, 3, 1)),
]


@pytest.mark.parametrize(("kind", "anniversary"), SATYALANCANA)
def test_a_satyalancana_karya_satya_may_be_awarded_on_the_anniversary(
    kind: AwardKind, anniversary: date
) -> None:
    check_award_eligibility(kind, SERVICE_START, anniversary)


@pytest.mark.parametrize(("kind", "anniversary"), SATYALANCANA)
def test_a_satyalancana_karya_satya_a_day_early_is_refused(
    kind: AwardKind, anniversary: date
) -> None:
    with pytest.raises(AwardNotAllowed, match="at the earliest"):
        check_award_eligibility(kind, SERVICE_START, date(anniversary.year, 2, 28))


def test_service_from_29_february_completes_on_1_march_in_a_common_year() -> None:
    kind = AwardKind.SATYALANCANA_KARYA_SATYA_10
    with pytest.raises(AwardNotAllowed, match="2014-03-01"):
        check_award_eligibility(kind, date(2004, 2, 29), date(2014, 2, 28))
    check_award_eligibility(kind, date(2004, 2, 29), date(2014, 3, 1))


@pytest.mark.parametrize(
    "kind",
    [AwardKind.TANDA_JASA_LAINNYA, AwardKind.PENGHARGAAN_INSTANSI, AwardKind.PENGHARGAAN_LAINNYA],
)
def test_other_awards_have_no_service_requirement(kind: AwardKind) -> None:
    check_award_eligibility(kind, date(2024, 1, 1), date(2024, 1, 2))
