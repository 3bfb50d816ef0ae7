"""GraphQL types of employees (ASN) as the read models see them."""

from __future__ import annotations

from datetime import date

import strawberry
from strawberry import Info

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
from graphql_api.units.types import Unit, load_unit
from projections.employees import EmployeeRow
from projections.leave import leave_balance

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
    row: strawberry.Private[EmployeeRow]

    @classmethod
    def from_row(cls, row: EmployeeRow) -> Employee:
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
            row=row,
        )

    @resolver("The pangkat of a PNS/CPNS golongan (e.g. Penata Muda); null for PPPK.")
    def pangkat(self) -> str | None:
        return parse_golongan(self.row.golongan, EmploymentType(self.row.employment_type)).pangkat

    @resolver("The unit kerja the employee is in.")
    async def unit(self, info: Info[Context, None]) -> Unit:
        return await load_unit(info.context, self.row.unit_id)

    @resolver("Every rank, position, unit and status change, oldest first.")
    async def career_history(self, info: Info[Context, None]) -> list[CareerEntry]:
        entries = await info.context.loaders.careers.load(self.row.id)
        return [CareerEntry.from_row(entry) for entry in entries]

    @resolver("Every cuti granted, by start date.")
    async def leave_records(self, info: Info[Context, None]) -> list[LeaveRecord]:
        entries = await info.context.loaders.leave.load(self.row.id)
        return [LeaveRecord.from_entry(entry) for entry in entries]

    @resolver("The cuti tahunan balance of a year.")
    async def leave_balance(self, info: Info[Context, None], year: int) -> LeaveBalance:
        if not EARLIEST_YEAR <= year <= LATEST_YEAR:
            raise InvalidArgument(f"year must be from {EARLIEST_YEAR} to {LATEST_YEAR}.")
        return LeaveBalance.from_balance(await leave_balance(info.context.pool, self.row, year))


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
    def of(cls, rows: list[EmployeeRow], has_next: bool, total_count: int) -> EmployeeConnection:
        edges = [
            EmployeeEdge(cursor=nip_cursor(row.nip), node=Employee.from_row(row)) for row in rows
        ]
        end_cursor = edges[-1].cursor if edges else None
        return cls(
            edges=edges,
            page_info=PageInfo(has_next_page=has_next, end_cursor=end_cursor),
            total_count=total_count,
        )
