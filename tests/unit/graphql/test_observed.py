"""The observation of a request: the operation its parsed document runs, and its errors' codes.

Executed on a small strawberry schema carrying the real extension, so strawberry's own parsing,
validation and error paths are what the extension sees.
"""

from __future__ import annotations

from typing import Any

import strawberry
from graphql import GraphQLError

from domain.errors import InvalidNIP, NotAllowedForRole
from graphql_api.documents import requested_operation
from graphql_api.observation import OK, Observation, observing
from graphql_api.observed import ObservedOperation
from graphql_api.refusals import refusal


@strawberry.type
class Query:
    @strawberry.field
    def hello(self) -> str:
        return "halo"

    @strawberry.field
    def forbidden(self) -> str:
        raise NotAllowedForRole("Only HR may look.")


@strawberry.type
class Mutation:
    @strawberry.mutation
    def appoint(self, nip: str) -> int:
        if not nip.isdigit():
            raise InvalidNIP(f"{nip} is not a NIP.")
        return 1

    @strawberry.mutation
    def promote(self) -> int:
        return 2


class RefusingExtension(strawberry.extensions.SchemaExtension):
    """Refuses every operation from a hook, as the policy check does."""

    def on_execute(self) -> Any:
        raise GraphQLError("Not for you.", extensions={"code": "FORBIDDEN"})


schema = strawberry.Schema(query=Query, mutation=Mutation, extensions=[ObservedOperation])


async def observe(
    document: str, operation_name: str | None = None, on: strawberry.Schema = schema
) -> Observation:
    token = requested_operation.set(operation_name)
    try:
        with observing() as seen:
            await on.execute(document, operation_name=operation_name)
    finally:
        requested_operation.reset(token)
    return seen


async def test_the_operation_is_named_as_the_parsed_document_names_it() -> None:
    seen = await observe("query Greeting { hello }")
    assert (seen.operation, seen.operation_type, seen.codes) == ("Greeting", "query", [])


async def test_the_operation_name_sent_selects_one_of_several_operations() -> None:
    seen = await observe("query A { hello } mutation B { promote }", operation_name="B")
    assert (seen.operation, seen.operation_type) == ("B", "mutation")


async def test_an_anonymous_operation_has_no_name_but_a_type() -> None:
    seen = await observe("{ hello }")
    assert (seen.operation, seen.operation_type) == (None, "query")


async def test_a_document_that_does_not_parse_names_no_operation_and_notes_its_code() -> None:
    seen = await observe("query Broken { hello")
    assert (seen.operation, seen.operation_type) == (None, None)
    assert seen.codes == ["GRAPHQL_PARSE_FAILED"]


async def test_a_field_refused_by_the_domain_notes_the_domain_code() -> None:
    seen = await observe("query Peek { hello forbidden }")
    assert seen.codes == ["FORBIDDEN"]


async def test_each_mutation_field_has_its_outcome_under_its_schema_name() -> None:
    seen = await observe('mutation Hire { ok: appoint(nip: "1") bad: appoint(nip: "x") promote }')
    assert seen.outcomes() == [("appoint", OK), ("appoint", "INVALID_NIP"), ("promote", OK)]


async def test_mutation_fields_in_fragments_are_counted_too() -> None:
    document = "mutation M { ...F ... on Mutation { promote } } fragment F on Mutation { promote }"
    seen = await observe(document)
    assert seen.outcomes() == [("promote", OK)]


async def test_a_mutation_that_fails_validation_gives_every_known_field_its_code() -> None:
    seen = await observe("mutation Bad { promote nosuch }")
    assert seen.outcomes() == [("promote", "GRAPHQL_VALIDATION_FAILED")]


async def test_an_error_raised_in_an_extension_hook_is_noted_with_its_code() -> None:
    refusing = strawberry.Schema(
        query=Query, mutation=Mutation, extensions=[ObservedOperation, RefusingExtension]
    )
    seen = await observe("mutation P { promote }", on=refusing)
    assert seen.outcomes() == [("promote", "FORBIDDEN")]


async def test_a_refusal_outside_graphql_is_noted_on_the_current_request() -> None:
    with observing() as seen:
        refusal(413, "Too large.")
    assert seen.codes == ["REQUEST_TOO_LARGE"]
