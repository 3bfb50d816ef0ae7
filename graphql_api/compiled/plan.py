"""Compiling a query document into a plan that answers it without the GraphQL executor.

A plan is made once per distinct document (and operation name) and kept. It covers the
common read shapes: one query operation whose root fields have a compiled root
(`graphql_api/compiled/roots.py`), whose object fields are plain attributes of the strawberry
types or have a compiled batch resolver, over object, list, scalar and enum types, with
aliases, fragments and `__typename`. It covers a mutation operation with one root field too:
the field's own strawberry resolver is called (no twin), and its payload is completed like
a query's objects. Anything else — directives, interfaces and unions, field arguments below
the root, a query root without a compiled twin — raises `NotCompilable`, and the request goes
through strawberry as before. The document is validated with the same rules strawberry uses,
so a plan exists only for a document strawberry would execute.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLEnumType,
    GraphQLField,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLScalarType,
    GraphQLSchema,
    InlineFragmentNode,
    NamedTypeNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    VariableDefinitionNode,
    parse,
    specified_rules,
)
from strawberry.schema.schema import validate_document
from strawberry.types.field import StrawberryField

from graphql_api.compiled.roots import FIELDS, ROOTS, BatchResolver, RootResolver

DEFINITION = "strawberry-definition"  # strawberry's back-reference on a GraphQL field


class NotCompilable(Exception):
    """The document needs the GraphQL executor; the message says why."""


@dataclass(frozen=True)
class Shape:
    """How to turn resolved values of one GraphQL output type into response JSON."""

    non_null: bool
    serialize: Callable[[Any], Any] | None = None  # a scalar or enum
    item: Shape | None = None  # a list
    fields: tuple[FieldPlan, ...] = ()  # an object


@dataclass(frozen=True)
class FieldPlan:
    """One response key of an object: a plain attribute, a batch resolver or `__typename`."""

    key: str
    shape: Shape
    attribute: str | None = None
    batch: BatchResolver | None = None
    typename: str | None = None


@dataclass(frozen=True)
class RootPlan:
    key: str
    resolve: RootResolver | None  # None: the field's own resolver (a mutation)
    field: GraphQLField
    node: FieldNode
    shape: Shape


@dataclass(frozen=True)
class CompiledQuery:
    variables: tuple[VariableDefinitionNode, ...]
    roots: tuple[RootPlan, ...]
    operation: OperationDefinitionNode
    fragments: dict[str, FragmentDefinitionNode]
    mutation: GraphQLObjectType | None = None  # the mutation type, for a mutation


def compile_query(schema: GraphQLSchema, query: str, operation_name: str | None) -> CompiledQuery:
    """The plan of `query`'s operation, or `NotCompilable`."""
    try:
        document = parse(query)
    except Exception as error:
        raise NotCompilable(f"not parsed: {error}") from error
    if validate_document(schema, document, tuple(specified_rules)):
        raise NotCompilable("not valid")
    operation = _operation(document, operation_name)
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    if operation.operation == OperationType.MUTATION:
        return _compile_mutation(schema, operation, fragments)
    root_type = schema.query_type
    if root_type is None:
        raise NotCompilable("no query type")
    roots = []
    for node in _collect(operation.selection_set, root_type.name, fragments):
        compiled_root = ROOTS.get(node.name.value)
        if compiled_root is None:
            raise NotCompilable(f"no compiled root for {node.name.value}")
        unsupported = {a.name.value for a in node.arguments or ()} - compiled_root.arguments
        if unsupported:
            raise NotCompilable(f"arguments {sorted(unsupported)} of {node.name.value}")
        field = root_type.fields[node.name.value]
        shape = _shape(field.type, node.selection_set, fragments)
        roots.append(RootPlan(_key(node), compiled_root.resolve, field, node, shape))
    variables = tuple(operation.variable_definitions or ())
    return CompiledQuery(variables, tuple(roots), operation, fragments)


def _compile_mutation(
    schema: GraphQLSchema,
    operation: OperationDefinitionNode,
    fragments: dict[str, FragmentDefinitionNode],
) -> CompiledQuery:
    """One mutation field, called through its own strawberry resolver."""
    root_type = schema.mutation_type
    if root_type is None:
        raise NotCompilable("no mutation type")
    nodes = _collect(operation.selection_set, root_type.name, fragments)
    if len(nodes) != 1 or nodes[0].name.value.startswith("__"):
        raise NotCompilable("not exactly one mutation field")
    (node,) = nodes
    field = root_type.fields[node.name.value]
    definition = (field.extensions or {}).get(DEFINITION)
    if (
        not isinstance(definition, StrawberryField)
        or definition.base_resolver is None
        or definition.extensions
        or definition.permission_classes
    ):
        raise NotCompilable(f"the mutation {node.name.value} is not a plain resolver")
    shape = _shape(field.type, node.selection_set, fragments)
    root = RootPlan(_key(node), None, field, node, shape)
    variables = tuple(operation.variable_definitions or ())
    return CompiledQuery(variables, (root,), operation, fragments, mutation=root_type)


def _operation(document: DocumentNode, name: str | None) -> OperationDefinitionNode:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if name is not None:
        operations = [o for o in operations if o.name and o.name.value == name]
    if len(operations) != 1:
        raise NotCompilable("operation not determined")
    operation = operations[0]
    plain = operation.operation in (OperationType.QUERY, OperationType.MUTATION)
    if not plain or operation.directives:
        raise NotCompilable("not a plain query or mutation")
    return operation


def _collect(
    selection_set: SelectionSetNode,
    type_name: str,
    fragments: dict[str, FragmentDefinitionNode],
) -> list[FieldNode]:
    """The fields selected on an object type, fragments flattened; one node per response key."""
    found: list[FieldNode] = []
    for selection in selection_set.selections:
        condition: NamedTypeNode | None
        if selection.directives:
            raise NotCompilable("directives")
        if isinstance(selection, FieldNode):
            found.append(selection)
            continue
        if isinstance(selection, FragmentSpreadNode):
            fragment = fragments[selection.name.value]
            condition, inner = fragment.type_condition, fragment.selection_set
            if fragment.directives:
                raise NotCompilable("directives")
        elif isinstance(selection, InlineFragmentNode):
            condition, inner = selection.type_condition, selection.selection_set
        else:
            raise NotCompilable("unknown selection")
        if condition is not None and condition.name.value != type_name:
            raise NotCompilable("a fragment on another type")
        found.extend(_collect(inner, type_name, fragments))
    keys = [_key(node) for node in found]
    if len(set(keys)) != len(keys):
        raise NotCompilable("a response key selected twice (fields to merge)")
    return found


def _key(node: FieldNode) -> str:
    return node.alias.value if node.alias else node.name.value


def _shape(
    output: GraphQLOutputType,
    selection_set: SelectionSetNode | None,
    fragments: dict[str, FragmentDefinitionNode],
    non_null: bool = False,
) -> Shape:
    if isinstance(output, GraphQLNonNull):
        return _shape(output.of_type, selection_set, fragments, non_null=True)
    if isinstance(output, GraphQLList):
        return Shape(non_null, item=_shape(output.of_type, selection_set, fragments))
    if isinstance(output, GraphQLScalarType | GraphQLEnumType):
        return Shape(non_null, serialize=output.serialize)
    if isinstance(output, GraphQLObjectType) and selection_set is not None:
        nodes = _collect(selection_set, output.name, fragments)
        return Shape(non_null, fields=tuple(_field(output, node, fragments) for node in nodes))
    raise NotCompilable(f"the type {output}")


def _field(
    parent: GraphQLObjectType, node: FieldNode, fragments: dict[str, FragmentDefinitionNode]
) -> FieldPlan:
    name = node.name.value
    if name == "__typename":
        return FieldPlan(_key(node), Shape(True, serialize=str), typename=parent.name)
    if name.startswith("__") or node.arguments:
        raise NotCompilable(f"{parent.name}.{name} with arguments or introspection")
    field = parent.fields[name]
    shape = _shape(field.type, node.selection_set, fragments)
    batch = FIELDS.get((parent.name, name))
    if batch is not None:
        return FieldPlan(_key(node), shape, batch=batch)
    definition = (field.extensions or {}).get(DEFINITION)
    if (
        isinstance(definition, StrawberryField)
        and definition.is_basic_field
        and not definition.extensions
        and not definition.permission_classes
    ):
        return FieldPlan(_key(node), shape, attribute=definition.python_name)
    raise NotCompilable(f"{parent.name}.{name} has a resolver without a compiled twin")
