"""A registered document's checks, made once at start and met again by every request.

graphql_api/trusted_documents.py plans each registered document when the app starts: parsed,
validated, measured against the request limits and walked by the access policy for every role.
The request that runs it (graphql_api/trusted_gate.py sets `planned_document`) meets the same
outcomes without recomputing them: `PlannedDocuments` hands strawberry the parsed document and
the limit refusals, and `PolicyCheck` (graphql_api/guard.py) takes the role's walk from
`planned_walk`. Nothing is skipped; only the work is done once.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass

from graphql import DocumentNode, GraphQLError, OperationDefinitionNode
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionContext

from graphql_api.documents import unnamed_operation


@dataclass(frozen=True)
class PlannedDocument:
    """A registered document: its id and text, and what every request of it meets."""

    id: str
    text: str
    document: DocumentNode | None  # None: refused before parsing (too large, too many tokens)
    refusals: tuple[GraphQLError, ...]  # the request limits it passes, as their errors
    walks: Mapping[str, tuple[str, ...]]  # by role: the fields the role may not use
    operations: Mapping[str | None, str]  # operation name → query / mutation

    def operation_type(self, name: str | None) -> str | None:
        """The type of the operation `name` picks (the only one without a name); None if
        none or several match, which strawberry answers as for a sent document."""
        if name:
            return self.operations.get(name)
        return next(iter(self.operations.values())) if len(self.operations) == 1 else None

    def errors(self) -> list[GraphQLError]:
        """Fresh copies of the refusals: an error object is raised and shaped once only."""
        return [
            GraphQLError(e.message, nodes=e.nodes, extensions=e.extensions) for e in self.refusals
        ]


# The registered document this request runs, set by the gate around the view (None: sent).
planned_document: ContextVar[PlannedDocument | None] = ContextVar("planned_document", default=None)


def planned_for(execution: ExecutionContext) -> PlannedDocument | None:
    """The request's planned document, if it is the text being executed."""
    planned = planned_document.get()
    return planned if planned is not None and execution.query == planned.text else None


def planned_walk(execution: ExecutionContext, role: str) -> tuple[str, ...] | None:
    """The policy walk of the executed document for `role`, if it was planned at start."""
    planned = planned_for(execution)
    if planned is None or planned.document is not execution.graphql_document:
        return None
    return planned.walks.get(role)


class PlannedDocuments(SchemaExtension):
    """Gives strawberry a registered document's parse and validation as planned at start.

    It runs before BoundedDocuments, which leaves a document already given alone."""

    def on_parse(self) -> Iterator[None]:
        planned = planned_for(self.execution_context)
        if planned is not None:
            if planned.document is None:  # refused by size or tokens, as a sent one would be
                raise planned.errors()[0]
            self.execution_context.graphql_document = planned.document
        yield

    def on_validate(self) -> Iterator[None]:
        execution = self.execution_context
        planned = planned_for(execution)
        if planned is not None and execution.graphql_document is planned.document:
            assert planned.document is not None
            execution.pre_execution_errors = planned.errors() or unnamed_operation(planned.document)
        yield


def operation_types(document: DocumentNode) -> dict[str | None, str]:
    """Each operation of `document` by name (None for an anonymous one), with its type."""
    return {
        (d.name.value if d.name else None): d.operation.value
        for d in document.definitions
        if isinstance(d, OperationDefinitionNode)
    }
