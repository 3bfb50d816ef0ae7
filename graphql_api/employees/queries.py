"""Queries on employees: one by NIP or id, or a page of a unit's employees."""

from __future__ import annotations

import strawberry
from strawberry import Info
from strawberry.types.nodes import SelectedField

from domain.errors import N_
from graphql_api.context import Context
from graphql_api.employees.types import Employee, EmployeeConnection
from graphql_api.enums import EmploymentStatus, EmploymentType, JabatanKind
from graphql_api.errors import InvalidArgument, PageTooLarge
from graphql_api.fields import resolver
from graphql_api.ids import nip_from_cursor, parse_id
from graphql_api.paging import EMPLOYEES
from graphql_api.time_travel.types import AsOfInput, resolve_point
from projections.employees import EmployeeFilter as RowFilter
from projections.employees import EmployeeRow, employee_by_nip, list_employees
from projections.history import employee_as_of
from services.personnel import normalize_nip

MAX_PAGE_SIZE = EMPLOYEES.maximum


@strawberry.input(name="EmployeeFilter", description="Narrow a list of employees; all must match.")
class EmployeeFilterInput:
    employment_type: EmploymentType | None = None
    golongan: str | None = None
    jabatan_kind: JabatanKind | None = None
    status: EmploymentStatus | None = None

    def to_row_filter(self) -> RowFilter:
        return RowFilter(
            employment_type=self.employment_type,
            golongan=self.golongan,
            jabatan_kind=self.jabatan_kind,
            status=self.status,
        )


@strawberry.type
class EmployeeQueries:
    @resolver(
        "One employee of the caller's tenant, by `nip` or by `id`; with `asOf`, the record "
        "as known and as valid then (null if not yet appointed there)."
    )
    async def employee(
        self,
        info: Info[Context, None],
        nip: str | None = None,
        id: strawberry.ID | None = None,
        as_of: AsOfInput | None = None,
    ) -> Employee | None:
        found = await find_employee(info.context, nip, id)
        if found is None or as_of is None:
            return found
        point = await resolve_point(info.context, found.row.id, as_of)
        then = await employee_as_of(info.context.pool, found.row, point)
        return Employee.from_row(then, point=point) if then else None

    @resolver(
        "A page of the employees of a unit kerja (and, by default, the units "
        f"under it), ordered by NIP. `first` is at most {MAX_PAGE_SIZE}."
    )
    async def employees(
        self,
        info: Info[Context, None],
        unit_id: strawberry.ID,
        include_subunits: bool = True,
        filter: EmployeeFilterInput | None = None,
        first: int = EMPLOYEES.default,
        after: str | None = None,
    ) -> EmployeeConnection:
        return await employee_page(
            info.context,
            unit_id,
            include_subunits,
            filter,
            first,
            after,
            with_units=_selects_unit(info),
        )


async def find_employee(context: Context, nip: str | None, id: str | None) -> Employee | None:
    """The `employee` query."""
    tenant = context.caller.tenant
    if (nip is None) == (id is None):
        raise InvalidArgument(N_("Give exactly one of nip or id."))
    row: EmployeeRow | None
    if nip is not None:
        row = await employee_by_nip(context.pool, normalize_nip(nip))
    else:
        row = await context.loaders.employees.load(parse_id(str(id), "id"))
    return Employee.from_row(row) if row and row.tenant == tenant else None


async def employee_page(
    context: Context,
    unit_id: str,
    include_subunits: bool,
    filter: EmployeeFilterInput | None,
    first: int,
    after: str | None,
    *,
    with_units: bool,
) -> EmployeeConnection:
    """The `employees` query; `with_units` reads the page's units in one go (see types.py)."""
    tenant = context.caller.tenant
    if first > MAX_PAGE_SIZE:
        raise PageTooLarge(
            N_("first may be at most {maximum}, not {first}."),
            params={"maximum": MAX_PAGE_SIZE, "first": first},
            max=MAX_PAGE_SIZE,
        )
    if first < 0:
        raise InvalidArgument(
            N_("first must not be negative, not {first}."), params={"first": first}
        )
    page = await list_employees(
        context.pool,
        tenant=tenant,
        unit_id=parse_id(unit_id, "unitId"),
        include_subunits=include_subunits,
        filter=(filter or EmployeeFilterInput()).to_row_filter(),
        first=first,
        after_nip=nip_from_cursor(after) if after is not None else None,
    )
    units = None
    if with_units:
        # One query for the page's units, answered synchronously per row (see types.py).
        unit_ids = list(dict.fromkeys(row.unit_id for row in page.rows))
        found = await context.loaders.units.load_many(unit_ids)
        units = {unit.id: unit for unit in found if unit is not None}
    return EmployeeConnection.of(page.rows, page.has_next, page.total_count, units)


def _selects_unit(info: Info[Context, None]) -> bool:
    """Whether the query asks for `edges { node { unit } }`."""
    for field in info.selected_fields:
        for edges in _subfields(field, "edges"):
            for node in _subfields(edges, "node"):
                if any(True for _ in _subfields(node, "unit")):
                    return True
    return False


def _subfields(field: object, name: str) -> list[SelectedField]:
    selections = getattr(field, "selections", [])
    return [s for s in selections if isinstance(s, SelectedField) and s.name == name]
