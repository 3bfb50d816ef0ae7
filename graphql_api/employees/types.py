"""GraphQL types of employees (ASN) as the read models see them."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import cast
from uuid import UUID

import strawberry
from strawberry import Info

from domain.errors import N_
from domain.ranks import parse_golongan
from graphql_api.career.types import CareerEntry
from graphql_api.context import Context
from graphql_api.enums import (
    EmploymentStatus,
    EmploymentType,
    JabatanKind,
    JenjangFungsional,
    SeparationKind,
    Sex,
)
from graphql_api.errors import InvalidArgument
from graphql_api.fields import resolver
from graphql_api.ids import nip_cursor, to_id
from graphql_api.leave.types import LeaveBalance, LeaveRecord
from graphql_api.time_travel.types import TimePoint, resolve_point
from graphql_api.units.types import Unit, load_unit
from projections.employees import EmployeeRow
from projections.history import TimePoint as PointRow
from projections.history import career_as_of, leave_as_of, leave_balance_as_of
from projections.leave import leave_balance
from projections.units import UnitRow

EARLIEST_YEAR, LATEST_YEAR = 1950, 2100


@strawberry.type(description="A position: its kind, title and, for a fungsional, its jenjang.")
class Jabatan:
    kind: JabatanKind
    title: str
    jenjang: JenjangFungsional | None


@strawberry.type(description="An ASN (PNS, CPNS or PPPK) of the caller's tenant.")
class Employee:
    id: strawberry.ID
    nip: str = strawberry.field(description="The 18-digit NIP (NI PPPK for a PPPK).")
    name: str
    employment_type: EmploymentType
    sex: Sex
    golongan: str = strawberry.field(description="Golongan/ruang (III/a) or PPPK golongan (IX).")
    jabatan: Jabatan
    status: EmploymentStatus
    separation: SeparationKind | None = strawberry.field(description="How employment ended.")
    ended_on: date | None
    appointed_on: date
    service_start: date = strawberry.field(description="Start of service (TMT CPNS/PPPK).")
    version: int = strawberry.field(
        description="Send as expectedVersion to refuse a change if someone changed it first."
    )
    # A plain field, not a resolver: a resolver costs each row of a page a full strawberry
    # resolution (info, arguments), and this is one dictionary lookup (docs/benchmarks.md).
    pangkat: str | None = strawberry.field(
        description="The pangkat of a PNS/CPNS golongan (e.g. Penata Muda); null for PPPK."
    )
    row: strawberry.Private[EmployeeRow]
    # The unit, when the query that produced this employee already read it (a page does).
    unit_row: strawberry.Private[UnitRow | None] = None
    # Set by `employee(asOf: …)`: every field below answers at this point (time_travel/).
    point: strawberry.Private[PointRow | None] = None

    @classmethod
    def from_row(
        cls, row: EmployeeRow, unit_row: UnitRow | None = None, point: PointRow | None = None
    ) -> Employee:
        return cls(
            id=to_id(row.id),
            nip=row.nip,
            name=row.name,
            employment_type=EmploymentType(row.employment_type),
            sex=Sex(row.sex),
            golongan=row.golongan,
            jabatan=Jabatan(
                kind=JabatanKind(row.jabatan_kind),
                title=row.jabatan_title,
                jenjang=JenjangFungsional(row.jabatan_jenjang) if row.jabatan_jenjang else None,
            ),
            status=EmploymentStatus(row.status),
            separation=SeparationKind(row.separation) if row.separation else None,
            ended_on=row.ended_on,
            appointed_on=row.appointed_on,
            service_start=row.service_start,
            version=row.version,
            pangkat=parse_golongan(row.golongan, EmploymentType(row.employment_type)).pangkat,
            row=row,
            unit_row=unit_row,
            point=point,
        )

    def owner(self) -> tuple[UUID, frozenset[UUID]]:
        """Whose record this is, for the policy (graphql_api/guard.py)."""
        return self.row.id, frozenset()

    @resolver("The unit kerja the employee is in.")
    def unit(self, info: Info[Context, None]) -> Unit:
        if self.unit_row is not None:
            # Answered at once: an awaitable per row of a page costs more than the row.
            return Unit.from_row(self.unit_row)
        # graphql-core awaits what a resolver returns; a sync resolver keeps the fast path.
        return cast(Unit, load_unit(info.context, self.row.unit_id))

    @resolver("Every rank, position, unit and status change, oldest first.")
    async def career_history(self, info: Info[Context, None]) -> list[CareerEntry]:
        entries = await info.context.loaders.careers.load(self.row.id)
        if self.point is not None:
            entries = career_as_of(entries, self.point)
        return [CareerEntry.from_row(entry) for entry in entries]

    @resolver("Every cuti granted, by start date.")
    async def leave_records(self, info: Info[Context, None]) -> list[LeaveRecord]:
        entries = await info.context.loaders.leave.load(self.row.id)
        if self.point is not None:
            entries = leave_as_of(entries, self.point)
        return [LeaveRecord.from_entry(entry) for entry in entries]

    @resolver("The cuti tahunan balance of a year.")
    async def leave_balance(self, info: Info[Context, None], year: int) -> LeaveBalance:
        if not EARLIEST_YEAR <= year <= LATEST_YEAR:
            raise InvalidArgument(
                N_("year must be from {earliest_year} to {latest_year}."),
                params={"earliest_year": EARLIEST_YEAR, "latest_year": LATEST_YEAR},
            )
        if self.point is not None:
            [entries] = await info.context.loaders.leave.load_many([self.row.id])
            balance = leave_balance_as_of(entries, self.row, year, self.point)
            return LeaveBalance.from_balance(balance)
        return LeaveBalance.from_balance(await leave_balance(info.context.pool, self.row, year))

    @resolver(
        "The log position and valid date this record was computed at: the `asOf` asked for, or now."
    )
    async def as_of(self, info: Info[Context, None]) -> TimePoint:
        point = self.point or await resolve_point(info.context, self.row.id, None)
        return TimePoint.from_row(point)


@strawberry.type(description="An employee in a page, with the cursor to continue after it.")
class EmployeeEdge:
    cursor: str
    node: Employee


@strawberry.type(description="Relay-style page information.")
class PageInfo:
    has_next_page: bool
    end_cursor: str | None = strawberry.field(description="Pass as `after` for the next page.")


@strawberry.type(description="A page of employees, ordered by NIP.")
class EmployeeConnection:
    edges: list[EmployeeEdge]
    page_info: PageInfo
    total_count: int = strawberry.field(description="Employees matching, over all pages.")

    @classmethod
    def of(
        cls,
        rows: list[EmployeeRow],
        has_next: bool,
        total_count: int,
        units: Mapping[UUID, UnitRow] | None = None,
    ) -> EmployeeConnection:
        """The page; `units`, if given, answers each employee's `unit` without a loader."""
        units = units or {}
        edges = [
            EmployeeEdge(
                cursor=nip_cursor(row.nip), node=Employee.from_row(row, units.get(row.unit_id))
            )
            for row in rows
        ]
        end_cursor = edges[-1].cursor if edges else None
        return cls(
            edges=edges,
            page_info=PageInfo(has_next_page=has_next, end_cursor=end_cursor),
            total_count=total_count,
        )
