"""Succession lists for key jabatan from the 9-box talent pool (PermenPANRB 3/2020).

PermenPANRB 3/2020 (Manajemen Talenta ASN) puts boxes 7, 8 and 9 in the kelompok rencana
suksesi (domain.talent.TALENT_POOL) and fills key jabatan (jabatan target: the JPT and
administrator posts) from it; MenPANRB's 2021 SE on applying it has successors named from the
"kelompok rencana suksesi" (sultra.fajar.co.id 2021-05-20). Readings: a key jabatan is a
jabatan manajerial (JPT, administrator, pengawas) held in a unit; its candidates are the talent
pool of the latest finalised cycle in that unit and the units below it, the holder excluded, a
higher box first, then a higher golongan (more seniority), then NIP for a stable order. A
candidate at a golongan below the jabatan's usual start is still listed: eligibility for the
post is the Baperjakat's to judge.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from domain.jabatan import JabatanKind
from domain.ranks import ALL_PNS_GOLONGAN, ALL_PPPK_GOLONGAN
from domain.talent import TALENT_POOL

SUCCESSION_SOURCE = (
    "PermenPANRB 3/2020 (Manajemen Talenta ASN): kotak 7–9, kelompok rencana suksesi"
)


@dataclass(frozen=True)
class Talent:
    """An employee on the 9-box of the latest finalised cycle, with where they sit."""

    nip: str
    unit_path: str
    golongan: str
    box: int


@dataclass(frozen=True)
class KeyPost:
    """A jabatan manajerial held in a unit: the post a succession list is for."""

    holder_nip: str
    jabatan_kind: JabatanKind
    jabatan_title: str
    unit_path: str


@dataclass(frozen=True)
class Succession:
    """A key post and its ranked candidates."""

    post: KeyPost
    candidates: tuple[Talent, ...]


def is_key_post(kind: JabatanKind) -> bool:
    """A key jabatan is a jabatan manajerial (JPT, administrator, pengawas)."""
    return kind.is_managerial


def _seniority(golongan: str) -> int:
    if golongan in ALL_PNS_GOLONGAN:
        return ALL_PNS_GOLONGAN.index(golongan)
    return ALL_PPPK_GOLONGAN.index(golongan) if golongan in ALL_PPPK_GOLONGAN else -1


def candidates_for(post: KeyPost, talents: Iterable[Talent], limit: int = 5) -> tuple[Talent, ...]:
    """PermenPANRB 3/2020: the talent pool (boxes 7–9) of the post's unit and the units below
    it, without the holder; box, then golongan, then NIP."""
    pool = [
        t
        for t in talents
        if t.box in TALENT_POOL
        and t.nip != post.holder_nip
        and t.unit_path.startswith(post.unit_path)
    ]
    pool.sort(key=lambda t: (-t.box, -_seniority(t.golongan), t.nip))
    return tuple(pool[:limit])


def succession_lists(
    posts: Sequence[KeyPost], talents: Sequence[Talent], limit: int = 5
) -> list[Succession]:
    """A succession list for every key post, in the order of the posts."""
    return [
        Succession(p, candidates_for(p, talents, limit))
        for p in posts
        if is_key_post(p.jabatan_kind)
    ]
