"""The fast read path for attribute leaves: a scalar or enum field with no resolver of its own.

Most fields a portal selects are such leaves (`nip`, `name`, `golongan`, …): strawberry
resolves them by reading the attribute, without `Info`, arguments or field extensions
(`StrawberryField.is_basic_field`). graphql-core still builds a `ResolveInfo`, checks the
value for awaitables twice and walks `complete_value` for each; on a page of 50 that was
about half of the executor's time (docs/benchmarks.md, "Read path"). `LeafExecution`
resolves those leaves directly: the attribute through strawberry's own `get_result`, the
value through graphql-core's own `complete_leaf_value`. Anything else, and any leaf whose
value is null, an error or not coercible, goes through the executor unchanged, so errors,
nulls and every guarded field (a `PrivateField` is not basic) stay the executor's.

The adapter overrides one method of graphql-core's executor, `execute_field`, marked
private there; tests/unit/graphql/test_leaf_fields.py fails when its signature changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from graphql import (
    GraphQLLeafType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    is_leaf_type,
)
from graphql.execution.collect_fields import FieldDetailsList
from graphql.pyutils import Path
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.field import StrawberryField

DEFINITION = GraphQLCoreConverter.DEFINITION_BACKREF


@dataclass(frozen=True, slots=True)
class Leaf:
    """One attribute leaf: the strawberry field that reads it and the type that coerces it."""

    field: StrawberryField
    type: GraphQLLeafType


LeafIndex = dict[str, dict[str, Leaf]]


def leaf_index(schema: GraphQLSchema) -> LeafIndex:
    """Every object type's attribute leaves, by type name and field name."""
    index: LeafIndex = {}
    for name, named in schema.type_map.items():
        if not isinstance(named, GraphQLObjectType) or name.startswith("__"):
            continue
        for field_name, field in named.fields.items():
            definition = (field.extensions or {}).get(DEFINITION)
            output = field.type.of_type if isinstance(field.type, GraphQLNonNull) else field.type
            if (
                isinstance(definition, StrawberryField)
                and definition.is_basic_field
                and is_leaf_type(output)
            ):
                index.setdefault(name, {})[field_name] = Leaf(definition, output)
    return index


class LeafExecution(StrawberryGraphQLCoreExecutionContext):
    """Strawberry's execution context, resolving attribute leaves without the executor's
    per-field machinery. `leaves` is set per schema (see `leaf_execution`)."""

    leaves: ClassVar[LeafIndex] = {}

    def execute_field(
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: FieldDetailsList,
        path: Path,
        position_context: Any,
    ) -> Any:
        """A non-null attribute leaf's coerced value; anything else as the executor does."""
        fields = self.leaves.get(parent_type.name)
        if fields is not None and not self.middleware_wraps():
            leaf = fields.get(field_details_list[0].node.name.value)
            if leaf is not None:
                value = leaf.field.get_result(source, None, [], {})
                if value is not None and not isinstance(value, Exception):
                    try:
                        return self.complete_leaf_value(leaf.type, value)
                    except Exception:  # noqa: S110
                        pass  # not coercible: the executor reports it below
        return super().execute_field(
            parent_type, source, field_details_list, path, position_context
        )

    def middleware_wraps(self) -> bool:
        """Whether a middleware (a SchemaExtension's `resolve`) wraps every resolver: then
        every field takes the executor's path, the middleware's."""
        manager = self.middleware_manager
        return manager is not None and bool(manager.middlewares)


def leaf_execution() -> type[LeafExecution]:
    """A `LeafExecution` of its own for one schema; its index is filled by `index_leaves`
    once the schema is built (strawberry takes the class before it builds the schema)."""
    return type("SchemaLeafExecution", (LeafExecution,), {"leaves": {}})


def index_leaves(execution: type[LeafExecution], schema: GraphQLSchema) -> int:
    """Fill `execution`'s index from `schema`; how many leaves it holds."""
    execution.leaves = leaf_index(schema)
    return sum(len(fields) for fields in execution.leaves.values())
