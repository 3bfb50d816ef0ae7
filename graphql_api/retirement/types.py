"""GraphQL type of an employee reaching batas usia pensiun."""

from __future__ import annotations

from datetime import date

import strawberry

from graphql_api.enums import EmploymentType, JabatanKind
from graphql_api.ids import to_id
from projections.retiring import RetiringRow


@strawberry.type(description="An active PNS or CPNS reaching batas usia pensiun (BUP).")
class RetiringEmployee:
    nip: str
    name: str
    employment_type: EmploymentType
    jabatan_kind: JabatanKind
    jabatan_title: str
    unit_id: strawberry.ID
    bup: int = strawberry.field(
        description="The BUP in years for the jabatan held (PP 11/2017 Pasal 239, 240)."
    )
    pension_on: date = strawberry.field(
        description="TMT pensiun: the 1st of the month after the birthday of reaching BUP."
    )

    @classmethod
    def of(cls, row: RetiringRow) -> RetiringEmployee:
        return cls(
            nip=row.nip,
            name=row.name,
            employment_type=EmploymentType(row.employment_type),
            jabatan_kind=JabatanKind(row.jabatan_kind),
            jabatan_title=row.jabatan_title,
            unit_id=to_id(row.unit_id),
            bup=row.bup,
            pension_on=row.pension_on,
        )
