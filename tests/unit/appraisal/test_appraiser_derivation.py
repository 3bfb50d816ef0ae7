"""Who appraises whom, from the unit tree (§1.2 appraiser chain)."""

from __future__ import annotations

from uuid import uuid5

import pytest

from domain.appraisal import AppraiserChain, EnrolmentCandidate, UnitNode, derive_appraisers
from domain.errors import InvalidInput
from tests.unit.appraisal.conftest import (
    ANALIS,
    BIDANG,
    CANDIDATES,
    DINAS,
    KABID,
    KASI,
    KEPALA,
    NS,
    SEKSI,
    STAFF,
    UNITS,
    employee_id,
)


@pytest.fixture
def chains() -> dict[str, AppraiserChain]:
    derived = derive_appraisers(CANDIDATES, UNITS)
    return {c.nip: derived[c.employee_id] for c in CANDIDATES}


def test_a_pelaksana_is_appraised_by_the_pengawas_heading_their_seksi(
    chains: dict[str, AppraiserChain],
) -> None:
    assert chains[STAFF] == AppraiserChain(KASI, KABID)


def test_a_pengawas_heading_a_seksi_is_appraised_by_the_head_of_the_bidang(
    chains: dict[str, AppraiserChain],
) -> None:
    assert chains[KASI] == AppraiserChain(KABID, KEPALA)


def test_an_administrator_is_appraised_by_the_jpt_pratama(
    chains: dict[str, AppraiserChain],
) -> None:
    # the superior would be the kepala daerah, who is not an ASN: set by an override
    assert chains[KABID] == AppraiserChain(KEPALA, None)


def test_a_jf_in_a_bidang_is_appraised_by_the_head_of_that_bidang(
    chains: dict[str, AppraiserChain],
) -> None:
    assert chains[ANALIS] == AppraiserChain(KABID, KEPALA)


def test_the_head_of_the_top_unit_has_no_appraiser_in_the_roster(
    chains: dict[str, AppraiserChain],
) -> None:
    assert chains[KEPALA] == AppraiserChain(None, None)


def test_a_vacant_headship_passes_to_the_next_head_up() -> None:
    # given the seksi has no head
    without_kasi = [c for c in CANDIDATES if c.nip != KASI]
    # then its staff are appraised by the head of the bidang
    chains = derive_appraisers(without_kasi, UNITS)
    assert chains[employee_id(STAFF)] == AppraiserChain(KABID, KEPALA)


def test_two_heads_of_one_unit_are_refused() -> None:
    second = EnrolmentCandidate(uuid5(NS, "x"), "199101012020121001", SEKSI, "PENGAWAS", True)
    with pytest.raises(InvalidInput, match="more than one head"):
        derive_appraisers([*CANDIDATES, second], UNITS)


def test_a_cyclic_unit_tree_ends_the_search_without_an_appraiser() -> None:
    looped = [UnitNode(DINAS, BIDANG), UnitNode(BIDANG, DINAS), UnitNode(SEKSI, BIDANG)]
    heads_only_in_seksi = [c for c in CANDIDATES if c.unit_id == SEKSI]
    chains = derive_appraisers(heads_only_in_seksi, looped)
    assert chains[employee_id(KASI)] == AppraiserChain(None, None)
