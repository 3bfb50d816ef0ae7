"""Documents the access matrix sends: one minimal call per root field, built from the schema.

Every required argument gets a value of its type through a variable, so a document always
validates, and the policy's check (which runs before the arguments are read) decides.
"""

from __future__ import annotations

import uuid
from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
    get_named_type,
)
from graphql.pyutils import Undefined

SCALARS = {
    "String": "198001012005011001",
    "ID": str(uuid.UUID(int=1)),
    "Int": 1,
    "Float": 1.0,
    "Boolean": True,
    "Date": "2025-01-02",
    "DateTime": "2025-01-02T03:04:05+00:00",
    "JSON": {},
}


def value_of(graphql_type: GraphQLInputType) -> Any:
    """A value of `graphql_type`: required input fields filled, lists empty."""
    if isinstance(graphql_type, GraphQLNonNull):
        return value_of(graphql_type.of_type)
    if isinstance(graphql_type, GraphQLList):
        return []
    if isinstance(graphql_type, GraphQLEnumType):
        return next(iter(graphql_type.values))
    if isinstance(graphql_type, GraphQLInputObjectType):
        return {
            name: value_of(field.type)
            for name, field in graphql_type.fields.items()
            if isinstance(field.type, GraphQLNonNull) and field.default_value is Undefined
        }
    assert isinstance(graphql_type, GraphQLScalarType)
    return SCALARS[graphql_type.name]


def root_call(operation: str, name: str, field: GraphQLField) -> tuple[str, dict[str, Any]]:
    """A document calling `name` with every required argument, and its variables."""
    required = {
        arg: spec
        for arg, spec in field.args.items()
        if isinstance(spec.type, GraphQLNonNull) and spec.default_value is Undefined
    }
    definitions = ", ".join(f"${arg}: {_type_name(spec.type)}" for arg, spec in required.items())
    arguments = ", ".join(f"{arg}: ${arg}" for arg in required)
    selection = "{ __typename }" if _is_object(field) else ""
    header = f"{operation}({definitions})" if definitions else operation
    call = f"{name}({arguments})" if arguments else name
    variables = {arg: value_of(spec.type) for arg, spec in required.items()}
    return f"{header} {{ {call} {selection} }}", variables


def root_calls(schema: GraphQLSchema) -> list[tuple[str, str, str, dict[str, Any]]]:
    """(operation, field, document, variables) for every query and mutation."""
    calls = []
    for operation, root in (("query", schema.query_type), ("mutation", schema.mutation_type)):
        assert root is not None
        for name, field in root.fields.items():
            document, variables = root_call(operation, name, field)
            calls.append((operation, name, document, variables))
    return calls


def _is_object(field: GraphQLField) -> bool:
    return isinstance(get_named_type(field.type), GraphQLObjectType)


def _type_name(graphql_type: Any) -> str:
    if isinstance(graphql_type, GraphQLNonNull):
        return f"{_type_name(graphql_type.of_type)}!"
    if isinstance(graphql_type, GraphQLList):
        return f"[{_type_name(graphql_type.of_type)}]"
    return str(graphql_type.name)
