"""Unit trees: one root per tenant, realistic kinds, sized with the number of employees."""

from __future__ import annotations

from collections import Counter

import pytest

from domain.jabatan import JabatanKind
from domain.units import UnitKind, check_unit_code
from scripts.datagen.organisations import CORE, EXTRA, KABUPATEN_ONLY
from scripts.datagen.plan import Plan
from scripts.datagen.regions import MULYOREJO, PALANGKARAYA, REGIONS, Region
from scripts.datagen.tracks import TRACKS
from scripts.datagen.unit_tree import UnitSpec, build_tree


@pytest.mark.parametrize("region", REGIONS, ids=lambda r: r.key)
@pytest.mark.parametrize("employees", [10, 150, 2500])
def test_a_tree_has_one_root_and_every_parent_comes_first(region: Region, employees: int) -> None:
    tree = build_tree(region, employees)
    seen: set[str] = set()

    for unit in tree:
        assert unit.parent is None or unit.parent in seen, unit.code
        seen.add(unit.code)

    assert [u.code for u in tree if u.parent is None] == ["SETDA"]
    assert len(seen) == len(tree)


def test_a_regency_has_the_kinds_of_unit_a_regional_government_has() -> None:
    kinds = Counter(u.kind for u in build_tree(MULYOREJO, 2500))

    assert kinds[UnitKind.SEKRETARIAT] >= 1
    for kind in (UnitKind.DINAS, UnitKind.BADAN, UnitKind.BAGIAN, UnitKind.BIDANG):
        assert kinds[kind] >= 3, kind
    for kind in (UnitKind.SEKSI, UnitKind.KECAMATAN, UnitKind.KELURAHAN):
        assert kinds[kind] >= 5, kind
    assert kinds[UnitKind.SEKOLAH] > kinds[UnitKind.PUSKESMAS] > 10


def test_schools_and_puskesmas_are_upt_of_their_dinas() -> None:
    tree = build_tree(PALANGKARAYA, 800)
    names = {u.code: u.name for u in tree}

    parents = {u.kind: names[u.parent] for u in tree if u.parent}
    assert parents[UnitKind.SEKOLAH] == "Dinas Pendidikan"
    assert parents[UnitKind.PUSKESMAS] == "Dinas Kesehatan"
    assert parents[UnitKind.KELURAHAN].startswith("Kecamatan ")


def test_the_tree_grows_with_the_employees() -> None:
    small, large = build_tree(MULYOREJO, 200), build_tree(MULYOREJO, 4000)

    def count(tree: tuple[UnitSpec, ...], kind: UnitKind) -> int:
        return sum(u.kind is kind for u in tree)

    assert len(large) > 5 * len(small)
    assert count(large, UnitKind.SEKOLAH) > 10 * count(small, UnitKind.SEKOLAH)


def test_heads_are_jpt_for_dinas_administrator_for_bidang_and_pengawas_for_seksi() -> None:
    heads = {u.kind: u.head_kind for u in build_tree(MULYOREJO, 2500) if u.parent}

    assert heads[UnitKind.DINAS] is heads[UnitKind.BADAN] is JabatanKind.JPT_PRATAMA
    assert heads[UnitKind.BIDANG] is heads[UnitKind.KECAMATAN] is JabatanKind.ADMINISTRATOR
    assert heads[UnitKind.SEKSI] is heads[UnitKind.KELURAHAN] is JabatanKind.PENGAWAS
    assert heads[UnitKind.SEKOLAH] is JabatanKind.FUNGSIONAL  # a guru with an added duty


def test_unit_codes_are_valid_and_unique_per_tenant(plan: Plan) -> None:
    for tenant in plan.tenants:
        codes = [u.code for u in tenant.units]
        assert [check_unit_code(c) for c in codes] == codes
        assert len(set(codes)) == len(codes)


def test_tenants_are_named_after_the_seed_regions() -> None:
    assert [(r.tenant, r.instansi) for r in REGIONS] == [
        ("pemkab-mulyorejo", "Pemerintah Kabupaten Mulyorejo"),
        ("pemkot-palangkaraya", "Pemerintah Kota Palangkaraya"),
        ("pemkab-kemuning", "Pemerintah Kabupaten Kemuning"),
        ("pemkot-kertapati", "Pemerintah Kota Kertapati"),
    ]


def test_every_organisation_names_known_jabatan_fungsional() -> None:
    for org in (*CORE, *EXTRA, *KABUPATEN_ONLY):
        assert set(org.jf_tracks) <= set(TRACKS), org.code
