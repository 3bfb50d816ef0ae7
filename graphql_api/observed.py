"""The schema extension that tells a request's `Observation` what its document asked for."""

from __future__ import annotations

from collections.abc import Iterator

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    SelectionSetNode,
    get_operation_ast,
)
from strawberry.exceptions import MissingQueryError
from strawberry.extensions import SchemaExtension
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError

from graphql_api.documents import requested_operation
from graphql_api.errors import error_code
from graphql_api.observation import current_observation

# Strawberry's view turns these into HTTP refusals, whose code `refusal()` notes.
_REFUSED_BY_THE_VIEW = (MissingQueryError, CannotGetOperationTypeError, InvalidOperationTypeError)


class ObservedOperation(SchemaExtension):
    """Records the operation a request runs and the codes its answer will carry."""

    def on_operation(self) -> Iterator[None]:
        try:
            yield
        except _REFUSED_BY_THE_VIEW:
            raise
        except Exception as error:  # strawberry answers it as an error of the operation
            self._note_errors([error if isinstance(error, GraphQLError) else _wrapped(error)])
            raise
        else:
            self._note_errors(self.execution_context.pre_execution_errors or [])
        finally:
            self._note_operation()

    def _note_errors(self, errors: list[GraphQLError]) -> None:
        observation = current_observation.get()
        if observation is None:
            return
        for error in errors:
            key = error.path[0] if error.path else None
            observation.note(error_code(error), key if isinstance(key, str) else None)

    def _note_operation(self) -> None:
        observation = current_observation.get()
        document = self.execution_context.graphql_document
        if observation is None or document is None:
            return
        operation = get_operation_ast(document, requested_operation.get())
        if operation is None:
            return
        observation.operation = operation.name.value if operation.name else None
        observation.operation_type = operation.operation.value
        if observation.operation_type == "mutation":
            known = self._mutation_fields()
            observation.fields = {
                key: name
                for key, name in root_fields(document, operation.selection_set)
                if name in known
            }

    def _mutation_fields(self) -> frozenset[str]:
        mutation = self.execution_context.schema._schema.mutation_type
        return frozenset(mutation.fields) if mutation is not None else frozenset()


def root_fields(document: DocumentNode, selections: SelectionSetNode) -> Iterator[tuple[str, str]]:
    """(response key, field name) of the fields at the root of an operation, fragments
    included (each fragment once, so a cycle ends)."""
    fragments = {
        d.name.value: d.selection_set
        for d in document.definitions
        if isinstance(d, FragmentDefinitionNode)
    }
    pending, seen = [selections], set[str]()
    while pending:
        for selection in pending.pop().selections:
            if isinstance(selection, FieldNode):
                name = selection.name.value
                yield (selection.alias.value if selection.alias else name), name
            elif isinstance(selection, InlineFragmentNode):
                pending.append(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                spread = selection.name.value
                if spread in fragments and spread not in seen:
                    seen.add(spread)
                    pending.append(fragments[spread])


def _wrapped(error: Exception) -> GraphQLError:
    return GraphQLError(str(error), original_error=error)
