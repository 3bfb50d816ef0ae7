"""The schema's descriptions as messages: a Babel extractor over schema.graphql's SDL.

Descriptions are written in English in the strawberry types; schema.graphql (exported and
checked by a test) holds each one as the schema prints it, so that printed text is the msgid
the Indonesian schema looks up (graphql_api/localised.py). Each message's comment names where
it stands (`LeaveType.CT`, `Query.employee(nip)`), which is all a translator needs to know.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

from graphql import parse
from graphql.language import (
    DefinitionNode,
    DocumentNode,
    EnumTypeDefinitionNode,
    FieldDefinitionNode,
    InputObjectTypeDefinitionNode,
    InputValueDefinitionNode,
    InterfaceTypeDefinitionNode,
    ObjectTypeDefinitionNode,
    StringValueNode,
)

#: What Babel expects of an extractor: line, function name, message, translator comments.
Extracted = tuple[int, str | None, str, list[str]]


def _described(
    coordinate: str, description: StringValueNode | None
) -> Iterator[tuple[str, StringValueNode]]:
    if description is not None:
        yield coordinate, description


def _arguments(
    owner: str, arguments: Collection[InputValueDefinitionNode] | None
) -> Iterator[tuple[str, StringValueNode]]:
    for argument in arguments or ():
        yield from _described(f"{owner}({argument.name.value})", argument.description)


def _of_definition(definition: DefinitionNode) -> Iterator[tuple[str, StringValueNode]]:
    name = getattr(getattr(definition, "name", None), "value", "")
    yield from _described(name, getattr(definition, "description", None))
    if isinstance(definition, EnumTypeDefinitionNode):
        for value in definition.values or ():
            yield from _described(f"{name}.{value.name.value}", value.description)
    if isinstance(definition, ObjectTypeDefinitionNode | InterfaceTypeDefinitionNode):
        for field in definition.fields or ():
            yield from _of_field(name, field)
    if isinstance(definition, InputObjectTypeDefinitionNode):
        for input_field in definition.fields or ():
            coordinate = f"{name}.{input_field.name.value}"
            yield from _described(coordinate, input_field.description)


def _of_field(owner: str, field: FieldDefinitionNode) -> Iterator[tuple[str, StringValueNode]]:
    coordinate = f"{owner}.{field.name.value}"
    yield from _described(coordinate, field.description)
    yield from _arguments(coordinate, field.arguments)


def descriptions(document: DocumentNode) -> Iterator[tuple[str, StringValueNode]]:
    """Each description in `document` with its schema coordinate, in the file's order."""
    for definition in document.definitions:
        yield from _of_definition(definition)


def schema_descriptions(sdl: str) -> dict[str, str]:
    """The descriptions of an SDL text by schema coordinate."""
    return {where: node.value for where, node in descriptions(parse(sdl))}


def extract_descriptions(
    fileobj: IO[bytes],
    keywords: Mapping[str, Any],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[Extracted]:
    """Babel's extraction method for `.graphql` files (services/i18n/schema.cfg)."""
    document = parse(fileobj.read().decode(options.get("encoding", "utf-8")))
    for where, node in descriptions(document):
        line = node.loc.start_token.line if node.loc is not None else 0
        yield line, None, node.value, [where]
