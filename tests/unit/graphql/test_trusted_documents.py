"""Trusted documents: the manifest is checked at load, and each document planned once.

The last tests hold strawberry to what the plan relies on: a document given in `on_parse` is
not parsed again, errors given in `on_validate` are not validated again, and the policy walk
comes from the plan. If a strawberry release changes either hook, they fail.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from graphql import GraphQLError, parse

from access.roles import Role
from graphql_api.guard import refusals
from graphql_api.limits import Limits
from graphql_api.planned_documents import PlannedDocument, planned_document
from graphql_api.schema import build_schema, schema
from graphql_api.trusted_documents import (
    ManifestError,
    TrustedSettings,
    document_id,
    manifest_entries,
    plan,
    read_manifest,
)
from tests.unit.graphql.conftest import (
    FakeReadModels,
    FakeRuntime,
    codes,
    execute,
    make_context,
    unit_row,
)

TREE = "query Tree { unitTree { code } }"
EVENTS = 'query Events { employeeEvents(nip: "199001012015031001") { position } }'
UNIT = "mutation Unit($input: CreateUnitInput!) { createUnit(input: $input) { position } }"


def write(path: Path, entries: object) -> Path:
    path.write_text(json.dumps(entries))
    return path


def test_a_document_id_is_the_appendix_s_sha256_of_the_text() -> None:
    # The two examples of the GraphQL-over-HTTP persisted-documents appendix
    spaced = "query ($id: ID!) {\n  user(id: $id) {\n    name\n  }\n}"
    assert document_id(spaced) == (
        "sha256:7dba4bd717b41f10434822356a93c32b1fb4907b983e854300ad839f84cdcd6e"
    )
    assert document_id("query($id:ID!){user(id:$id){name}}") == (
        "sha256:71f7dc5758652baac68e4a10c50be732b741c892ade2883a99358f52b555286b"
    )


def test_a_manifest_whose_ids_are_their_texts_loads(tmp_path: Path) -> None:
    entries = manifest_entries({"tree": TREE, "unit": UNIT})
    assert read_manifest(write(tmp_path / "m.json", entries)) == entries


def test_an_id_that_is_not_its_text_s_is_refused_at_load(tmp_path: Path) -> None:
    wrong = {document_id(TREE): UNIT}
    with pytest.raises(ManifestError, match=f"the text's id is {document_id(UNIT)}"):
        read_manifest(write(tmp_path / "m.json", wrong))


@pytest.mark.parametrize(
    ("entries", "problem"),
    [
        ({"tree": TREE}, "not a sha256:<64 lower-case hex digits> id"),
        ({document_id(TREE).upper().replace("SHA256", "sha256"): TREE}, "lower-case"),
        ({document_id(TREE): 1}, "the document is not a string"),
        ([TREE], "must hold a JSON object"),
    ],
)
def test_a_malformed_manifest_is_refused_at_load(
    tmp_path: Path, entries: object, problem: str
) -> None:
    with pytest.raises(ManifestError, match=problem):
        read_manifest(write(tmp_path / "m.json", entries))


def test_a_manifest_that_is_not_json_is_refused_at_load(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    path.write_text("{not json")
    with pytest.raises(ManifestError, match="cannot read"):
        read_manifest(path)


def test_the_settings_are_off_by_default_and_only_mode_needs_a_manifest() -> None:
    assert TrustedSettings.from_env({}) == TrustedSettings(None, False)
    on = {"JEJAK_TRUSTED_DOCUMENTS": "portal.json", "JEJAK_TRUSTED_DOCUMENTS_ONLY": "1"}
    assert TrustedSettings.from_env(on) == TrustedSettings(Path("portal.json"), True)
    with pytest.raises(ValueError, match="needs JEJAK_TRUSTED_DOCUMENTS"):
        TrustedSettings.from_env({"JEJAK_TRUSTED_DOCUMENTS_ONLY": "1"})
    with pytest.raises(ValueError, match="must be 0 or 1"):
        TrustedSettings.from_env({"JEJAK_TRUSTED_DOCUMENTS_ONLY": "yes"})


def test_a_document_that_is_not_valid_here_stops_the_start_naming_it() -> None:
    unknown = "{ noSuchRoot }"
    with pytest.raises(ManifestError, match=document_id(unknown)):
        plan(manifest_entries({"tree": TREE, "unknown": unknown}), schema)
    broken = "{ unitTree { code }"
    with pytest.raises(ManifestError, match=document_id(broken)):
        plan(manifest_entries({"broken": broken}), schema)


def test_each_document_is_walked_for_every_role_once_at_start() -> None:
    [planned] = plan(manifest_entries({"events": EVENTS}), schema).values()
    assert planned.document is not None
    assert set(planned.walks) == {role.value for role in Role}
    for role in Role:
        assert list(planned.walks[role.value]) == refusals(schema._schema, planned.document, role)
    assert planned.walks["hr_officer"] == ("Query.employeeEvents",)
    assert planned.walks["auditor"] == ()
    assert planned.operations == {"Events": "query"}


def test_a_document_over_a_limit_is_planned_with_its_refusal_not_refused_at_start() -> None:
    shallow = build_schema(Limits(max_depth=1))
    [over] = plan(manifest_entries({"tree": TREE}), shallow).values()
    assert [e.extensions["limit"] for e in over.refusals if e.extensions] == ["depth"]
    tiny = build_schema(Limits(max_tokens=3))
    [unparsed] = plan(manifest_entries({"tree": TREE}), tiny).values()
    assert unparsed.document is None
    assert [e.extensions["limit"] for e in unparsed.refusals if e.extensions] == ["tokens"]


def test_the_operation_a_request_picks_has_its_planned_type() -> None:
    planned = PlannedDocument("id", UNIT, parse(UNIT), (), {}, {"Unit": "mutation"})
    assert planned.operation_type(None) == "mutation"
    assert planned.operation_type("Unit") == "mutation"
    assert planned.operation_type("Other") is None


def _planned(text: str, document: str, **changes: object) -> PlannedDocument:
    walks = {role.value: () for role in Role}
    fields: dict[str, object] = {"refusals": (), "walks": walks, "operations": {}} | changes
    return PlannedDocument(document_id(text), text, parse(document), **fields)  # type: ignore[arg-type]


async def test_strawberry_runs_the_planned_document_without_parsing_the_text(
    read_models: FakeReadModels, runtime: FakeRuntime
) -> None:
    # The plan's document asks for `name` although the text asks for `code`: the answer
    # shows which one ran.
    read_models.units = [unit_row("DISDIK")]
    token = planned_document.set(_planned(TREE, "query Tree { unitTree { name } }"))
    try:
        result = await execute(make_context(runtime), TREE)
    finally:
        planned_document.reset(token)
    assert result.errors is None
    assert result.data == {"unitTree": [{"name": "Unit DISDIK"}]}


async def test_strawberry_answers_the_planned_refusals_without_validating_again(
    read_models: FakeReadModels, runtime: FakeRuntime
) -> None:
    refusal = GraphQLError("planned", extensions={"code": "QUERY_TOO_COMPLEX", "limit": "cost"})
    token = planned_document.set(_planned(TREE, TREE, refusals=(refusal,)))
    try:
        result = await execute(make_context(runtime), TREE)
    finally:
        planned_document.reset(token)
    assert result.data is None
    assert codes(result) == ["QUERY_TOO_COMPLEX"]
    assert read_models.calls == []


async def test_the_policy_check_takes_the_role_s_walk_from_the_plan(
    read_models: FakeReadModels, runtime: FakeRuntime
) -> None:
    walks = {role.value: ("Query.unitTree",) for role in Role}
    token = planned_document.set(_planned(TREE, TREE, walks=walks))
    try:
        result = await execute(make_context(runtime), TREE)
    finally:
        planned_document.reset(token)
    assert codes(result) == ["FORBIDDEN"]
    assert read_models.calls == []


async def test_a_text_other_than_the_planned_one_is_parsed_and_checked_as_sent(
    read_models: FakeReadModels, runtime: FakeRuntime
) -> None:
    read_models.units = [unit_row("DISDIK")]
    token = planned_document.set(_planned(UNIT, "query Tree { unitTree { name } }"))
    try:
        result = await execute(make_context(runtime), TREE)
    finally:
        planned_document.reset(token)
    assert result.data == {"unitTree": [{"code": "DISDIK"}]}
