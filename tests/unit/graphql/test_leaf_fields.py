"""The fast path for attribute leaves: the library surface it adapts, and the same answers."""

from __future__ import annotations

import enum
import inspect
from typing import Any

import strawberry
from graphql.execution import Executor
from strawberry.extensions import FieldExtension
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.types.field import StrawberryField

from graphql_api.guard import PrivateField
from graphql_api.leaf_fields import (
    DEFINITION,
    LeafExecution,
    index_leaves,
    leaf_execution,
    leaf_index,
)
from graphql_api.schema import build_schema, schema


def test_the_overridden_execute_field_has_graphql_cores_signature() -> None:
    ours = inspect.signature(LeafExecution.execute_field).parameters
    theirs = inspect.signature(Executor.execute_field).parameters
    assert list(ours) == list(theirs)


def test_strawberrys_execution_context_is_graphql_cores_executor() -> None:
    assert issubclass(StrawberryGraphQLCoreExecutionContext, Executor)
    assert "execution_context_class" in inspect.signature(strawberry.Schema).parameters


def test_the_leaf_completion_and_the_middleware_list_are_where_the_adapter_reads_them() -> None:
    assert list(inspect.signature(Executor.complete_leaf_value).parameters) == [
        "return_type",
        "result",
    ]
    assert "middleware_manager" in Executor.__annotations__
    assert DEFINITION == "strawberry-definition"


def test_a_basic_fields_result_is_its_attribute_read_without_info() -> None:
    assert list(inspect.signature(StrawberryField.get_result).parameters) == [
        "self",
        "source",
        "info",
        "args",
        "kwargs",
    ]
    assert isinstance(inspect.getattr_static(StrawberryField, "is_basic_field"), property)


class Grade(enum.Enum):
    HIGH = "high"
    LOW = "low"


class Shout(FieldExtension):
    def resolve(self, next_: Any, source: Any, info: Any, **kwargs: Any) -> Any:
        return str(next_(source, info, **kwargs)).upper()


@strawberry.type
class Person:
    name: str
    age: int
    nickname: str | None
    grade: Grade
    tags: list[str]
    loud: str = strawberry.field(extensions=[Shout()])

    @strawberry.field
    def greeting(self) -> str:
        return f"Hello, {self.name}"


@strawberry.type
class Query:
    @strawberry.field
    def people(self) -> list[Person | None]:
        rows: list[dict[str, Any]] = [
            {"name": "Ani", "age": 30, "nickname": None, "grade": Grade.HIGH, "tags": ["a"]},
            {"name": "Budi", "age": "not a number", "nickname": "B", "grade": Grade.LOW,
             "tags": []},
            {"name": None, "age": 41, "nickname": "C", "grade": Grade.LOW, "tags": ["c"]},
        ]  # fmt: skip
        return [Person(loud=str(row["name"]).lower(), **row) for row in rows]


def schemas() -> tuple[strawberry.Schema, strawberry.Schema]:
    """The same types executed by the fast path and by strawberry's own execution."""
    execution = leaf_execution()
    fast = strawberry.Schema(query=Query, execution_context_class=execution)
    index_leaves(execution, fast._schema)
    return fast, strawberry.Schema(query=Query)


def test_only_fields_read_from_an_attribute_with_a_leaf_type_are_fast() -> None:
    fast, _ = schemas()
    index = leaf_index(fast._schema)
    assert set(index["Person"]) == {"name", "age", "nickname", "grade"}
    assert "Query" not in index  # `people` has a resolver


async def test_leaves_objects_nulls_and_errors_answer_as_strawberrys_own_execution() -> None:
    fast, plain = schemas()
    query = "{ people { name age nickname grade tags loud greeting } }"
    ours, theirs = await fast.execute(query), await plain.execute(query)
    assert ours.data == theirs.data
    assert [(e.message, e.path) for e in ours.errors or []] == [
        (e.message, e.path) for e in theirs.errors or []
    ]
    assert ours.data is not None
    assert ours.data["people"][0] == {
        "name": "Ani", "age": 30, "nickname": None, "grade": "HIGH", "tags": ["a"],
        "loud": "ANI", "greeting": "Hello, Ani",
    }  # fmt: skip
    assert ours.data["people"][1] is None  # an int that is not one: the executor's error
    assert ours.data["people"][2] is None  # a non-null name that is null: the same
    assert len(ours.errors or []) == 2


def test_no_guarded_field_of_the_jejak_schema_takes_the_fast_path() -> None:
    leaves = leaf_index(schema._schema)
    definitions = [leaf.field for fields in leaves.values() for leaf in fields.values()]
    assert len(definitions) > 100
    assert not any(
        isinstance(e, PrivateField) for definition in definitions for e in definition.extensions
    )
    assert all(definition.base_resolver is None for definition in definitions)


def test_the_jejak_schema_reads_fast_by_default_and_can_be_built_without() -> None:
    assert issubclass(schema.execution_context_class, LeafExecution)
    assert schema.fast_reads
    assert schema.walks is not None
    off = build_schema(schema.limits, fast_reads=False)
    assert not issubclass(off.execution_context_class, LeafExecution)
    assert off.walks is None
