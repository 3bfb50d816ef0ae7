"""A sent document's policy walk is made once per text and role, and refuses as before."""

from __future__ import annotations

from collections.abc import Callable

from graphql_api.documents import DocumentCaches
from graphql_api.limits import Limits
from graphql_api.policy_walks import PolicyWalks
from tests.unit.graphql.conftest import (
    FakeReadModels,
    FakeRuntime,
    codes,
    execute,
    make_context,
)

EVENTS = """query($nip: String!) { employeeEvents(nip: $nip) { position type } }"""
NIP = "198001012005011002"


def walks() -> tuple[PolicyWalks, list[str]]:
    made: list[str] = []
    return PolicyWalks(DocumentCaches(Limits.from_env())), made


def noting(made: list[str], mark: str) -> Callable[[], list[str]]:
    """A walk that notes `mark` in `made` each time it is made, refusing nothing."""

    def walk() -> list[str]:
        made.append(mark)
        return []

    return walk


def test_the_same_text_and_role_are_walked_once() -> None:
    found, made = walks()

    def walk() -> list[str]:
        made.append("walked")
        return ["Employee.nik"]

    assert found.refused("{ a }", "employee", walk) == ("Employee.nik",)
    assert found.refused("{ a }", "employee", walk) == ("Employee.nik",)
    assert made == ["walked"]


def test_another_role_or_another_text_is_walked_anew() -> None:
    found, made = walks()
    found.refused("{ a }", "employee", noting(made, "1"))
    found.refused("{ a }", "auditor", noting(made, "2"))
    found.refused("{ b }", "employee", noting(made, "3"))
    assert made == ["1", "2", "3"]


def test_a_document_too_large_for_the_cache_is_walked_every_time() -> None:
    found, made = walks()
    text = "{ a }" + " " * (Limits.from_env().cache_document_bytes + 1)
    for _ in range(2):
        found.refused(text, "employee", noting(made, "walked"))
    assert made == ["walked", "walked"]


async def test_a_refused_document_is_refused_again_when_sent_again(
    read_models: FakeReadModels, runtime: FakeRuntime
) -> None:
    for _ in range(2):
        result = await execute(make_context(runtime, role="hr_officer"), EVENTS, {"nip": NIP})
        assert codes(result) == ["FORBIDDEN"]
    assert read_models.calls == []


async def test_a_document_allowed_to_one_role_is_still_refused_to_another(
    read_models: FakeReadModels, runtime: FakeRuntime
) -> None:
    allowed = await execute(make_context(runtime, role="auditor"), EVENTS, {"nip": NIP})
    assert "FORBIDDEN" not in codes(allowed)
    refused = await execute(make_context(runtime, role="hr_officer"), EVENTS, {"nip": NIP})
    assert codes(refused) == ["FORBIDDEN"]
