"""The enrolment feeder's rules: who heads a unit, and which units' staff are read."""

from __future__ import annotations

from uuid import UUID, uuid5

import pytest

from domain.appraisal import UnitNode
from domain.appraisal_enrolment import StaffMember, enrolment_candidates, heads_of, with_ancestors
from domain.errors import InvalidInput

NS = UUID(int=11)
DINAS, BIDANG, SEKSI, OTHER = (uuid5(NS, code) for code in ("DINAS", "BIDANG", "SEKSI", "X"))
UNITS = [
    UnitNode(DINAS, None),
    UnitNode(BIDANG, DINAS),
    UnitNode(SEKSI, BIDANG),
    UnitNode(OTHER, None),
]


def member(
    nip: str, unit: UUID, kind: str = "PELAKSANA", title: str = "Pengadministrasi Umum"
) -> StaffMember:
    return StaffMember(uuid5(NS, nip), nip, unit, kind, title)


def test_the_staff_of_a_unit_and_every_unit_above_it_are_read() -> None:
    assert with_ancestors([SEKSI], UNITS) == {SEKSI, BIDANG, DINAS}


def test_a_unit_head_is_recognised_by_the_title_of_the_jabatan() -> None:
    staff = [member("1", BIDANG), member("2", BIDANG, "ADMINISTRATOR", "Kepala Bidang Mutasi")]
    assert heads_of(staff) == {BIDANG: "2"}


def test_the_more_senior_jabatan_heads_a_unit_when_two_titles_match() -> None:
    staff = [
        member("1", DINAS, "ADMINISTRATOR", "Sekretaris Dinas"),
        member("2", DINAS, "JPT_PRATAMA", "Kepala Dinas Pendidikan"),
    ]
    assert heads_of(staff) == {DINAS: "2"}


def test_a_head_named_by_hr_replaces_the_one_recognised_by_title() -> None:
    staff = [member("1", SEKSI, "PENGAWAS", "Kepala Seksi Data"), member("2", SEKSI)]
    assert heads_of(staff, ["2"]) == {SEKSI: "2"}


def test_naming_a_head_who_is_not_among_the_staff_is_refused() -> None:
    with pytest.raises(InvalidInput):
        heads_of([member("1", SEKSI)], ["9"])


def test_candidates_are_marked_head_only_for_their_own_unit() -> None:
    staff = [member("1", SEKSI, "PENGAWAS", "Kepala Seksi Data"), member("2", SEKSI)]
    assert [(c.nip, c.is_head) for c in enrolment_candidates(staff)] == [("1", True), ("2", False)]
