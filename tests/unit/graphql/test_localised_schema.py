"""The Indonesian schema is the English one with its descriptions translated, nothing else."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from graphql import parse, print_ast, visit
from graphql.language import Visitor
from starlette.types import Receive, Scope, Send

from graphql_api.localised import ViewByLanguage, localise, schemas_by_language
from graphql_api.schema import build_schema, schema
from services.i18n import ENGLISH, INDONESIAN, speaking


class WithoutDescriptions(Visitor):
    """Replaces each described node by the same node with no description."""

    def enter(self, node: Any, *_: Any) -> Any:
        if getattr(node, "description", None) is not None:
            return replace(node, description=None)
        return None


def without_descriptions(sdl: str) -> str:
    return print_ast(visit(parse(sdl, no_location=True), WithoutDescriptions()))


@pytest.fixture(scope="module")
def schemas() -> dict[str, Any]:
    return schemas_by_language(build_schema(schema.limits))


def enum_values(built: Any, name: str) -> dict[str, str | None]:
    enum = built.schema_converter.type_map[name].implementation
    return {value_name: value.description for value_name, value in enum.values.items()}


def test_the_schemas_differ_in_their_descriptions_alone(schemas: dict[str, Any]) -> None:
    english, indonesian = schemas[ENGLISH].as_str(), schemas[INDONESIAN].as_str()
    assert english != indonesian
    assert "Annual leave" in english
    assert "Annual leave" not in without_descriptions(english)
    assert without_descriptions(english) == without_descriptions(indonesian)


def test_the_indonesian_schema_describes_leave_types_and_predikat_in_indonesian(
    schemas: dict[str, Any],
) -> None:
    assert enum_values(schemas[INDONESIAN], "LeaveType")["CT"] == "Cuti tahunan."
    assert enum_values(schemas[INDONESIAN], "Predikat")["SANGAT_BAIK"] == "Sangat baik."
    assert enum_values(schemas[ENGLISH], "LeaveType")["CT"] == "Annual leave (cuti tahunan)."


def test_translating_a_schema_leaves_every_other_schema_in_english() -> None:
    english = build_schema(schema.limits)
    before = english.as_str()
    localise(build_schema(schema.limits), INDONESIAN)
    assert english.as_str() == before


def test_a_description_without_a_translation_stays_english(schemas: dict[str, Any]) -> None:
    english = schemas[ENGLISH].schema_converter.type_map
    indonesian = schemas[INDONESIAN].schema_converter.type_map
    untranslated = [
        name
        for name, concrete in indonesian.items()
        if concrete.implementation.description == english[name].implementation.description
        and concrete.implementation.description
    ]
    assert untranslated, "every type is translated: this test no longer shows the fallback"
    assert all(indonesian[name].implementation.description for name in untranslated)


def test_both_schemas_bound_their_documents_by_the_same_limits(schemas: dict[str, Any]) -> None:
    assert schemas[INDONESIAN].limits == schemas[ENGLISH].limits == schema.limits


async def test_each_request_is_answered_by_the_view_of_its_language() -> None:
    answered: list[str] = []

    def view(language: str) -> Any:
        async def app(scope: Scope, receive: Receive, send: Send) -> None:
            answered.append(language)

        return app

    views = ViewByLanguage({ENGLISH: view(ENGLISH), INDONESIAN: view(INDONESIAN)})

    async def receive() -> Any:
        return {}

    async def send(_: Any) -> None:
        return None

    with speaking(INDONESIAN):
        await views({"type": "http"}, receive, send)
    with speaking("fr"):
        await views({"type": "http"}, receive, send)
    await views({"type": "http"}, receive, send)
    assert answered == [INDONESIAN, ENGLISH, ENGLISH]
