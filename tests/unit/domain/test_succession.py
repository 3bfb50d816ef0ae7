"""PermenPANRB 3/2020: succession lists from the talent pool (boxes 7–9)."""

from __future__ import annotations

from domain.jabatan import JabatanKind
from domain.succession import KeyPost, Talent, candidates_for, succession_lists

POST = KeyPost("196801011990031001", JabatanKind.ADMINISTRATOR, "Kepala Bidang", "/a/b/")


def test_candidates_are_the_talent_pool_below_the_post_best_box_first() -> None:
    talents = [
        Talent("1", "/a/b/c/", "III/c", 7),
        Talent("2", "/a/b/", "III/a", 9),
        Talent("3", "/a/b/", "IV/a", 7),
        Talent("4", "/a/b/", "IV/a", 6),  # not in the pool
        Talent("5", "/a/x/", "IV/a", 9),  # another branch
        Talent(POST.holder_nip, "/a/b/", "IV/b", 9),  # the holder
    ]
    assert [t.nip for t in candidates_for(POST, talents)] == ["2", "3", "1"]


def test_only_jabatan_manajerial_get_a_succession_list() -> None:
    fungsional = KeyPost("2", JabatanKind.FUNGSIONAL, "Analis", "/a/")
    assert [s.post for s in succession_lists([POST, fungsional], [])] == [POST]
