"""The domain's closed vocabularies as GraphQL enums, each declared once here."""

from __future__ import annotations

from enum import StrEnum

import strawberry

from domain.awards import AwardKind
from domain.discipline import DisciplineLevel, SanctionKind
from domain.employment import EmploymentStatus, EmploymentType, SeparationKind, Sex
from domain.jabatan import JabatanKind, JenjangFungsional
from domain.leave import LeaveType
from domain.units import UnitKind

strawberry.enum(EmploymentType, description="PNS, CPNS (on probation) or PPPK (contract ASN).")
strawberry.enum(EmploymentStatus, description="Whether the employee is still in service.")
strawberry.enum(SeparationKind, description="How an employment ended.")
strawberry.enum(Sex, description="As encoded in digit 15 of the NIP.")
strawberry.enum(JabatanKind, description="Kind of jabatan (UU 20/2023): JPT, administrator, …")
strawberry.enum(JenjangFungsional, description="Level of a jabatan fungsional.")
strawberry.enum(UnitKind, description="What a unit kerja is (Dinas, Bidang, Seksi, …).")
strawberry.enum(LeaveType, description="Kind of cuti: CT tahunan, CB besar, CS sakit, …")
strawberry.enum(AwardKind, description="Kind of penghargaan.")
strawberry.enum(DisciplineLevel, description="Tingkat hukuman disiplin (PP 94/2021).")
strawberry.enum(SanctionKind, description="Jenis hukuman disiplin (PP 94/2021 Pasal 8).")


@strawberry.enum(description="What a career history entry records.")
class CareerEventKind(StrEnum):
    APPOINTED = "APPOINTED"
    PROMOTED = "PROMOTED"
    JABATAN_CHANGED = "JABATAN_CHANGED"
    TRANSFERRED = "TRANSFERRED"
    CONFIRMED_AS_PNS = "CONFIRMED_AS_PNS"
    AWARD_RECORDED = "AWARD_RECORDED"
    SANCTION_IMPOSED = "SANCTION_IMPOSED"
    EMPLOYMENT_ENDED = "EMPLOYMENT_ENDED"


__all__ = [
    "AwardKind",
    "CareerEventKind",
    "DisciplineLevel",
    "EmploymentStatus",
    "EmploymentType",
    "JabatanKind",
    "JenjangFungsional",
    "LeaveType",
    "SanctionKind",
    "SeparationKind",
    "Sex",
    "UnitKind",
]
