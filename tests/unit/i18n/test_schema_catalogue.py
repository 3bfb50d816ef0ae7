"""The schema's catalogue follows schema.graphql: every enum is described in Indonesian, and
nothing is kept that the schema no longer says."""

from __future__ import annotations

from pathlib import Path

from babel.messages.pofile import read_po
from graphql import parse
from graphql.language import EnumTypeDefinitionNode

from services.i18n import INDONESIAN
from services.i18n.catalogue import SCHEMA_DOMAIN, catalogue_file
from services.i18n.sdl import descriptions, schema_descriptions

SDL = (Path(__file__).resolve().parents[3] / "schema.graphql").read_text(encoding="utf-8")


def indonesian() -> dict[str, str]:
    with catalogue_file(INDONESIAN, SCHEMA_DOMAIN).open("rb") as po:
        catalog = read_po(po)
    return {
        m.id: m.string
        for m in catalog
        if isinstance(m.id, str) and isinstance(m.string, str) and m.id and m.string
    }


def enum_descriptions() -> dict[str, str]:
    enums = {
        node.name.value
        for node in parse(SDL).definitions
        if isinstance(node, EnumTypeDefinitionNode)
    }
    return {
        where: text
        for where, text in schema_descriptions(SDL).items()
        if where.split(".")[0] in enums
    }


def test_every_enum_and_enum_value_description_has_an_indonesian_translation() -> None:
    catalogue = indonesian()
    untranslated = sorted(
        where for where, text in enum_descriptions().items() if not catalogue.get(text)
    )
    assert untranslated == [], "run the schema steps of services/i18n/__init__.py"


def test_the_schema_catalogue_translates_nothing_the_schema_no_longer_says() -> None:
    assert sorted(set(indonesian()) - set(schema_descriptions(SDL).values())) == []


def test_a_description_is_found_with_where_it_stands() -> None:
    found = dict(descriptions(parse('"A kind." enum K { "The first." A B }')))
    assert {where: node.value for where, node in found.items()} == {
        "K": "A kind.",
        "K.A": "The first.",
    }
