"""The compiled twins of resolvers: the same functions the strawberry resolvers call.

A root takes the field's coerced arguments (GraphQL names, defaults applied); a batch
resolver answers one field for every parent object of a level at once, so a page of fifty
employees reads its units in one loader call. Each entry must return exactly what its
resolver returns; `tests/integration/graphql/test_compiled_queries.py` runs documents
through both paths and compares.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from graphql_api.career.types import CareerEntry
from graphql_api.context import Context
from graphql_api.employees.queries import employee_page, find_employee
from graphql_api.employees.types import Employee
from graphql_api.units.types import Unit

RootResolver = Callable[[Context, dict[str, Any]], Awaitable[Any]]
BatchResolver = Callable[[Context, list[Any]], Awaitable[list[Any]]]


class MissingValue(LookupError):
    """A value the resolver would have failed on: the request goes through strawberry."""


@dataclass(frozen=True)
class CompiledRoot:
    resolve: RootResolver
    arguments: frozenset[str]  # the arguments the compiled root accepts in a document


async def _employee(context: Context, arguments: dict[str, Any]) -> Employee | None:
    return await find_employee(context, arguments.get("nip"), arguments.get("id"))


async def _employees(context: Context, arguments: dict[str, Any]) -> Any:
    return await employee_page(
        context,
        arguments["unitId"],
        arguments["includeSubunits"],
        None,
        arguments["first"],
        arguments.get("after"),
        with_units=False,  # the `unit` batch below reads the page's units in one call
    )


async def _units(context: Context, employees: list[Employee]) -> list[Unit]:
    wanted = list(dict.fromkeys(e.row.unit_id for e in employees if e.unit_row is None))
    found = await context.loaders.units.load_many(wanted) if wanted else []
    rows = {row.id: row for row in found if row is not None}
    units = []
    for employee in employees:
        row = employee.unit_row or rows.get(employee.row.unit_id)
        if row is None:
            raise MissingValue(f"unit {employee.row.unit_id}")
        units.append(Unit.from_row(row))
    return units


async def _careers(context: Context, employees: list[Employee]) -> list[list[CareerEntry]]:
    histories = await context.loaders.careers.load_many([e.row.id for e in employees])
    return [[CareerEntry.from_row(entry) for entry in entries] for entries in histories]


ROOTS: dict[str, CompiledRoot] = {
    "employee": CompiledRoot(_employee, frozenset({"nip", "id"})),
    # `filter` stays with strawberry: its input type is converted there.
    "employees": CompiledRoot(
        _employees, frozenset({"unitId", "includeSubunits", "first", "after"})
    ),
}

FIELDS: dict[tuple[str, str], BatchResolver] = {
    ("Employee", "unit"): _units,
    ("Employee", "careerHistory"): _careers,
}
