"""One schema per language Jejak speaks, and the view that answers each request with its own.

Strawberry builds one schema per `Schema(...)`, its descriptions fixed. So each language gets a
schema built from the same types (the same access checks, limits and policy walk), whose
descriptions are then looked up in that language's schema catalogue (services/i18n/sdl.py
extracts them from schema.graphql); a description without a translation stays English.
Introspection (GraphiQL's docs) is thereby in the request's language; nothing else differs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from graphql import (
    GraphQLArgument,
    GraphQLEnumType,
    GraphQLEnumValue,
    GraphQLField,
    GraphQLInputField,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
)
from starlette.types import ASGIApp, Receive, Scope, Send

from graphql_api.limits import Limits
from graphql_api.schema import JejakSchema, build_schema
from services.i18n import ENGLISH, LANGUAGES, current_language
from services.i18n.catalogue import SCHEMA_DOMAIN, translations

Described = GraphQLNamedType | GraphQLField | GraphQLArgument | GraphQLInputField | GraphQLEnumValue


def _parts(named: GraphQLNamedType) -> Iterable[Described]:
    """`named` and everything in it that carries a description."""
    yield named
    if isinstance(named, GraphQLEnumType):
        yield from named.values.values()
    if isinstance(named, GraphQLObjectType | GraphQLInterfaceType):
        for field in named.fields.values():
            yield field
            yield from field.args.values()
    if isinstance(named, GraphQLInputObjectType):
        yield from named.fields.values()


def localise(schema: JejakSchema, language: str) -> JejakSchema:
    """`schema` with its descriptions in `language` (a freshly built schema: its GraphQL
    types are its own, so another schema's descriptions are untouched)."""
    catalogue = translations(language, SCHEMA_DOMAIN)
    for concrete in schema.schema_converter.type_map.values():
        if not isinstance(concrete.implementation, GraphQLNamedType):
            continue
        for part in _parts(concrete.implementation):
            if part.description:
                part.description = catalogue.gettext(part.description)
    return schema


def schemas_by_language(
    english: JejakSchema, limits: Limits | None = None
) -> dict[str, JejakSchema]:
    """`english` and, for every other language Jejak speaks, a schema built alike (within
    `limits`, default the English schema's) with its descriptions in that language."""
    limits = english.limits if limits is None else limits
    others = (language for language in LANGUAGES if language != ENGLISH)
    return {ENGLISH: english} | {
        language: localise(build_schema(limits, fast_reads=english.fast_reads), language)
        for language in others
    }


class ViewByLanguage:
    """Answers each request with the view of its language (set by graphql_api/language.py's
    RequestLanguage, outside), English when Jejak has none for it."""

    def __init__(self, views: Mapping[str, ASGIApp]) -> None:
        self.views = dict(views)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        view = self.views.get(current_language.get()) or self.views[ENGLISH]
        await view(scope, receive, send)

    @classmethod
    def of(
        cls, schemas: Mapping[str, JejakSchema], view: Callable[[JejakSchema], ASGIApp]
    ) -> ViewByLanguage:
        """A view (made by `view`) per schema."""
        return cls({language: view(schema) for language, schema in schemas.items()})
