"""Hypothesis strategies for fuzzing the API: documents of the whole schema, and their callers.

Documents come from hypothesis-graphql, one root field at a time (so most pass the request
limits and reach a resolver), sometimes the whole root type or a schema-violating one; most
are pruned to a few fields a level and a few levels, as portals ask, the rest left as
generated for the limits to refuse. Values come from tests/e2e/fuzz_values.py.
"""

from __future__ import annotations

import dataclasses
import json
import string
from dataclasses import dataclass
from typing import Any

import graphql
import hypothesis_graphql
from hypothesis import strategies as st
from hypothesis_graphql import Mode

from tests.e2e.fuzz_http import Request
from tests.e2e.fuzz_seed import TENANT, Seeded
from tests.e2e.fuzz_values import Seeding, scalars, seeded_pools, weighted
from tests.tokens import bearer

Document = st.SearchStrategy[graphql.DocumentNode]

DOCUMENT_KINDS = ("field",) * 8 + ("root", "negative")
PRUNED_DEPTH = 3  # levels of fields kept below the root field
PRUNED_WIDTH = 4  # fields kept in one selection
TYPENAME = graphql.SelectionSetNode(
    selections=(graphql.FieldNode(name=graphql.NameNode(value="__typename")),)
)


@dataclass(frozen=True)
class Operation:
    """A generated document and the root fields it selects."""

    text: str
    fields: tuple[str, ...]


def root_fields_of(sdl: str) -> list[str]:
    """Every field of the schema's Query and Mutation types."""
    schema = graphql.build_schema(sdl)
    roots = (schema.query_type, schema.mutation_type)
    return [name for root in roots if root is not None for name in root.fields]


def root_fields(document: graphql.DocumentNode) -> tuple[str, ...]:
    """The names of the fields each operation of `document` selects at its root."""
    return tuple(
        selection.name.value
        for definition in document.definitions
        if isinstance(definition, graphql.OperationDefinitionNode)
        for selection in definition.selection_set.selections
        if isinstance(selection, graphql.FieldNode)
    )


def pruned(selections: graphql.SelectionSetNode, depth: int) -> graphql.SelectionSetNode:
    """`selections` at `depth`, at most PRUNED_WIDTH wide, and at most PRUNED_DEPTH deep
    below the root fields (a deeper object field selects `__typename` only)."""
    kept: list[graphql.SelectionNode] = []
    for selection in selections.selections[:PRUNED_WIDTH]:
        if isinstance(selection, graphql.FieldNode) and selection.selection_set is not None:
            below = selection.selection_set
            inner = TYPENAME if depth >= PRUNED_DEPTH else pruned(below, depth + 1)
            kept.append(dataclasses.replace(selection, selection_set=inner))
        elif isinstance(selection, graphql.InlineFragmentNode):  # a fragment adds no level
            inner = pruned(selection.selection_set, depth)
            kept.append(dataclasses.replace(selection, selection_set=inner))
        else:
            kept.append(selection)
    return graphql.SelectionSetNode(selections=tuple(kept))


def pruned_document(document: graphql.DocumentNode) -> graphql.DocumentNode:
    """`document` with the selections below every root field pruned."""
    definitions = []
    for definition in document.definitions:
        if isinstance(definition, graphql.OperationDefinitionNode):
            roots = tuple(
                dataclasses.replace(root, selection_set=pruned(root.selection_set, 1))
                if isinstance(root, graphql.FieldNode) and root.selection_set is not None
                else root
                for root in definition.selection_set.selections
            )
            root_set = graphql.SelectionSetNode(selections=roots)
            definition = dataclasses.replace(definition, selection_set=root_set)
        definitions.append(definition)
    return graphql.DocumentNode(definitions=tuple(definitions))


def unprinted(document: graphql.DocumentNode) -> graphql.DocumentNode:
    """hypothesis-graphql's `print_ast` hook, keeping the AST so it can be seeded."""
    return document


def documents(sdl: str, seeded: Seeded) -> st.SearchStrategy[Operation]:
    """Queries and mutations of the whole schema, their named arguments about half the time real."""
    options: dict[str, Any] = {"custom_scalars": scalars(seeded), "print_ast": unprinted}
    by_field: dict[str, Document] = {
        name: hypothesis_graphql.from_schema(sdl, fields=[name], **options)
        for name in root_fields_of(sdl)
    }
    kinds: dict[str, Document] = {
        "field": st.sampled_from(sorted(by_field)).flatmap(by_field.__getitem__),
        "root": hypothesis_graphql.from_schema(sdl, **options),
        "negative": hypothesis_graphql.from_schema(sdl, mode=Mode.NEGATIVE, **options),
    }
    pools = seeded_pools(seeded)

    @st.composite
    def seeded_document(draw: st.DrawFn) -> Operation:
        document = draw(kinds[draw(st.sampled_from(DOCUMENT_KINDS))])
        if draw(st.integers(0, 3)):  # three in four, as portals ask
            document = pruned_document(document)
        seeded_ast = graphql.visit(document, Seeding(draw, pools))
        return Operation(graphql.print_ast(seeded_ast), root_fields(seeded_ast))

    return seeded_document()


@dataclass(frozen=True)
class Caller:
    """Who sends a request: the role named, and the headers carrying the token."""

    role: str
    headers: dict[str, str]


def callers(seeded: Seeded) -> st.SearchStrategy[Caller]:
    """Valid tokens of every role (people with a real NIP), weighted towards the three the
    portals mostly send; and HR of a tenant nobody registered."""
    people = seeded.nips[:12]
    fixed = {
        "hr_officer": bearer("hr-fuzz", "hr_officer", TENANT),
        "auditor": bearer("inspektorat-fuzz", "auditor", TENANT),
        "training_institution": bearer("bpsdm-fuzz", "training_institution", TENANT),
        "reporting": bearer("reporting-fuzz", "reporting", TENANT),
        "public_portal": bearer("portal-fuzz", "public_portal", TENANT),
        "admin": bearer("platform-fuzz", "admin", TENANT),
        "unregistered_tenant": bearer("hr-nowhere", "hr_officer", "pemkab-tidak-terdaftar"),
    }
    by_person = {
        role: [Caller(role, bearer(nip, role, TENANT, nip=nip)) for nip in people]
        for role in ("employee", "supervisor")
    }
    weighted = ["hr_officer"] * 4 + ["employee"] * 3 + ["auditor"] * 2 + ["supervisor"]
    weighted += sorted(fixed.keys() - {"hr_officer", "auditor"})
    return st.sampled_from(weighted).flatmap(
        lambda role: (
            st.sampled_from(by_person[role])
            if role in by_person
            else st.just(Caller(role, fixed[role]))
        )
    )


HEADER_TEXT = st.text(string.ascii_letters + string.digits + string.punctuation + " ", max_size=30)


def _short_wait(headers: dict[str, str]) -> dict[str, str]:
    """A position past the head waits for it: with a position, always a short wait."""
    return headers | {"x-wait-timeout-ms": "20"} if "x-min-position" in headers else headers


ODD_HEADERS = st.fixed_dictionaries(
    {},
    optional={
        "x-min-position": st.integers(0, 10**6).map(str) | HEADER_TEXT,
        "x-jejak-act-as": st.sampled_from(["hr_officer", "auditor", "employee"]) | HEADER_TEXT,
    },
).map(_short_wait)
EXTRA_HEADERS = weighted((5, st.just({})), (1, ODD_HEADERS))  # mostly none
METHODS = st.sampled_from(["POST"] * 9 + ["GET"])  # GET runs queries, refuses mutations


def operation_request(
    operation: Operation, caller: Caller, headers: dict[str, str], method: str
) -> Request:
    """The request carrying `operation`, as JSON in a POST or as GET's query parameter."""
    sent = caller.headers | headers
    if method == "GET":
        query = {"query": operation.text}
        return Request(caller.role, "GET", sent, params=query, fields=operation.fields)
    body = json.dumps({"query": operation.text}).encode()
    sent |= {"content-type": "application/json"}
    return Request(caller.role, "POST", sent, body, fields=operation.fields)


def operations(sdl: str, seeded: Seeded) -> st.SearchStrategy[Request]:
    """Requests of generated documents, each by one caller of the seeded tenant."""
    return st.builds(
        operation_request, documents(sdl, seeded), callers(seeded), EXTRA_HEADERS, METHODS
    )
