"""Running a compiled plan: the roots, then every level of objects at once.

Values are completed level by level over all objects of the level, so a batch resolver runs
once per level, not once per object. Completion follows the GraphQL rules for the supported
types: scalars and enums through their `serialize`, lists item by item, objects field by
field in selection order. A null where the schema says non-null, or any error, aborts the
plan (`Abort`): the caller then executes the request through strawberry, which reports it
exactly as it always has.
"""

from __future__ import annotations

from typing import Any

from graphql import GraphQLSchema, Undefined
from graphql.execution.values import VariableValues, get_argument_values, get_variable_values

from graphql_api.compiled.plan import CompiledQuery, FieldPlan, Shape
from graphql_api.context import Context


class Abort(Exception):
    """The plan cannot answer this request; strawberry must."""


def coerce_variables(
    schema: GraphQLSchema, compiled: CompiledQuery, variables: dict[str, Any] | None
) -> VariableValues:
    """The request's variables coerced to the document's definitions, or `Abort` (strawberry
    then reports what is wrong with them)."""
    coerced = get_variable_values(schema, compiled.variables, variables or {})
    if not isinstance(coerced, VariableValues):
        raise Abort("variables")
    return coerced


async def execute_compiled(
    schema: GraphQLSchema,
    compiled: CompiledQuery,
    context: Context,
    variables: dict[str, Any] | None,
) -> dict[str, Any]:
    """The `data` of the response, or `Abort`."""
    coerced = coerce_variables(schema, compiled, variables)
    data: dict[str, Any] = {}
    for root in compiled.roots:
        if root.resolve is None:
            raise Abort("a mutation field: execute_mutation runs it")
        arguments = get_argument_values(root.field, root.node, coerced)
        value = await root.resolve(context, arguments)
        data[root.key] = (await complete(root.shape, [value], context))[0]
    return data


async def complete(shape: Shape, values: list[Any], context: Context) -> list[Any]:
    if shape.non_null and any(value is None for value in values):
        raise Abort("null in a non-null position")
    if shape.serialize is not None:
        serialize = shape.serialize
        return [None if value is None else _leaf(serialize, value) for value in values]
    if shape.item is not None:
        sizes, items = [], []
        for value in values:
            if value is not None:
                found = list(value)
                sizes.append(len(found))
                items.extend(found)
        done = await complete(shape.item, items, context)
        out: list[Any] = []
        start = 0
        sizes_left = iter(sizes)
        for value in values:
            if value is None:
                out.append(None)
            else:
                size = next(sizes_left)
                out.append(done[start : start + size])
                start += size
        return out
    present = [value for value in values if value is not None]
    objects = iter(await _objects(shape.fields, present, context))
    return [None if value is None else next(objects) for value in values]


async def _objects(
    fields: tuple[FieldPlan, ...], parents: list[Any], context: Context
) -> list[Any]:
    rows: list[dict[str, Any]] = [{} for _ in parents]
    if not parents:
        return rows
    for field in fields:
        if field.typename is not None:
            for row in rows:
                row[field.key] = field.typename
            continue
        if field.batch is not None:
            values = await field.batch(context, parents)
        else:
            attribute = field.attribute
            values = [getattr(parent, attribute) for parent in parents]  # type: ignore[arg-type]
        key = field.key
        for row, value in zip(rows, await complete(field.shape, values, context), strict=True):
            row[key] = value
    return rows


def _leaf(serialize: Any, value: Any) -> Any:
    serialized = serialize(value)
    if serialized is None or serialized is Undefined:
        raise Abort("a scalar serialized to null")
    return serialized
