"""GraphQL type of a career history entry."""

from __future__ import annotations

from datetime import date, datetime

import strawberry
from strawberry import Info

from graphql_api.context import Context
from graphql_api.enums import CareerEventKind, EmploymentStatus, EmploymentType, JabatanKind
from graphql_api.fields import resolver
from graphql_api.ids import to_id
from graphql_api.units.types import Unit, load_unit
from projections.career import CareerEntry as CareerEntryRow


@strawberry.type(
    description="One rank, position, unit, status or record change, with the employee's "
    "state right after it."
)
class CareerEntry:
    position: int = strawberry.field(description="Global log position of the event.")
    kind: CareerEventKind
    effective_on: date = strawberry.field(description="The date the change took effect (TMT).")
    recorded_at: datetime
    employment_type: EmploymentType
    golongan: str
    jabatan_kind: JabatanKind
    jabatan_title: str
    unit_id: strawberry.ID
    status: EmploymentStatus
    detail: str = strawberry.field(description="What changed, in words.")
    actor_id: str
    actor_role: str
    reason: str | None
    row: strawberry.Private[CareerEntryRow]

    @classmethod
    def from_row(cls, row: CareerEntryRow) -> CareerEntry:
        return cls(
            position=row.position,
            kind=CareerEventKind(row.kind),
            effective_on=row.effective_on,
            recorded_at=row.recorded_at,
            employment_type=EmploymentType(row.employment_type),
            golongan=row.golongan,
            jabatan_kind=JabatanKind(row.jabatan_kind),
            jabatan_title=row.jabatan_title,
            unit_id=to_id(row.unit_id),
            status=EmploymentStatus(row.status),
            detail=row.detail,
            actor_id=row.actor_id,
            actor_role=row.actor_role,
            reason=row.reason,
            row=row,
        )

    @resolver("The unit kerja the employee was in after this change.")
    async def unit(self, info: Info[Context, None]) -> Unit:
        return await load_unit(info.context, self.row.unit_id)
