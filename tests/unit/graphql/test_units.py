from __future__ import annotations

from uuid import UUID

from tests.unit.graphql.conftest import (
    FakeReadModels,
    FakeRuntime,
    codes,
    employee_row,
    execute,
    make_context,
    nip_of,
    unit_row,
)

TREE = """query($root: ID) { unitTree(rootId: $root) {
  code parentId depth headCount children { code }
} }"""


def seed(read_models: FakeReadModels) -> None:
    dinas = unit_row("DISDIK")
    bidang = unit_row("SD", dinas)
    seksi = unit_row("KURIKULUM", bidang)
    read_models.units = [dinas, bidang, seksi, unit_row("DINKES")]
    read_models.employees = [
        employee_row(nip_of(1), dinas),
        employee_row(nip_of(2), seksi),
        employee_row(nip_of(3), seksi, status="ENDED"),
    ]


async def test_the_unit_tree_lists_parents_before_children_with_subtree_head_counts(
    read_models: FakeReadModels, runtime: FakeRuntime
) -> None:
    seed(read_models)
    result = await execute(make_context(runtime), TREE)
    assert result.errors is None
    units = {u["code"]: u for u in result.data["unitTree"]}
    assert [u["code"] for u in result.data["unitTree"]] == ["DISDIK", "SD", "KURIKULUM", "DINKES"]
    assert units["DISDIK"]["headCount"] == 2  # the ended employee is not counted
    assert units["SD"]["headCount"] == 1
    assert units["SD"]["depth"] == 2
    assert units["DISDIK"]["children"] == [{"code": "SD"}]
    assert units["DINKES"]["parentId"] is None


async def test_the_unit_tree_is_read_once_per_request(
    read_models: FakeReadModels, runtime: FakeRuntime
) -> None:
    seed(read_models)
    await execute(make_context(runtime), TREE)
    assert read_models.names_called() == ["unit_tree"]


async def test_a_subtree_starts_at_its_root(
    read_models: FakeReadModels, runtime: FakeRuntime
) -> None:
    seed(read_models)
    root = str(read_models.units[1].id)
    result = await execute(make_context(runtime), TREE, {"root": root})
    assert [u["code"] for u in result.data["unitTree"]] == ["SD", "KURIKULUM"]


async def test_a_root_outside_the_tenant_is_unit_not_found(
    read_models: FakeReadModels, runtime: FakeRuntime
) -> None:
    seed(read_models)
    elsewhere = unit_row("DISDIK", tenant="pemkab-kemuning")
    result = await execute(make_context(runtime), TREE, {"root": str(elsewhere.id)})
    assert codes(result) == ["UNIT_NOT_FOUND"]


async def test_a_unit_is_created_under_its_parent(runtime: FakeRuntime) -> None:
    mutation = """mutation($input: CreateUnitInput!) {
      createUnit(input: $input) { unitId version position } }"""
    parent = await execute(
        make_context(runtime), mutation,
        {"input": {"code": "DISDIK", "name": "Dinas Pendidikan", "kind": "DINAS"}},
    )  # fmt: skip
    parent_id = parent.data["createUnit"]["unitId"]
    child = await execute(
        make_context(runtime), mutation,
        {"input": {"code": "SD", "name": "Bidang SD", "kind": "BIDANG", "parentId": parent_id}},
    )  # fmt: skip
    assert child.errors is None
    assert child.data["createUnit"]["position"] == parent.data["createUnit"]["position"] + 1
    unit_id = UUID(child.data["createUnit"]["unitId"])
    unit = runtime.personnel.get_unit(make_context(runtime).caller, unit_id)
    assert str(unit.parent_id) == parent_id
