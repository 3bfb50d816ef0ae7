"""What each value of the domain's enums means, for the schema's readers (and its translators).

The domain's enums are plain Python enums (no GraphQL in domain/), so their values are
described here, on strawberry's definition of each enum, before the schema is built. The
English is the msgid of the Indonesian schema (services/i18n/locale/id/LC_MESSAGES/schema.po).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum

from strawberry.types.enum import StrawberryEnumDefinition

from graphql_api.appraisal.enums import OrgRating, Predikat, Rating
from graphql_api.enums import (
    DisciplineLevel,
    EmploymentStatus,
    EmploymentType,
    LeaveType,
    SanctionKind,
    SeparationKind,
    Sex,
)

VALUE_DESCRIPTIONS: Mapping[Enum, str] = {
    LeaveType.CT: "Annual leave (cuti tahunan).",
    LeaveType.CB: "Long service leave (cuti besar).",
    LeaveType.CS: "Sick leave (cuti sakit).",
    LeaveType.CM: "Maternity leave (cuti melahirkan).",
    LeaveType.CAP: "Leave for an important reason (cuti karena alasan penting).",
    LeaveType.CLTN: "Unpaid leave (cuti di luar tanggungan negara).",
    Predikat.SANGAT_BAIK: "Very good.",
    Predikat.BAIK: "Good.",
    Predikat.BUTUH_PERBAIKAN: "Needs improvement.",
    Predikat.KURANG: "Poor.",
    Predikat.SANGAT_KURANG: "Very poor.",
    Rating.DI_ATAS: "Above expectations.",
    Rating.SESUAI: "As expected.",
    Rating.DI_BAWAH: "Below expectations.",
    OrgRating.ISTIMEWA: "Outstanding.",
    OrgRating.BAIK: "Good.",
    OrgRating.BUTUH_PERBAIKAN: "Needs improvement.",
    OrgRating.KURANG: "Poor.",
    OrgRating.SANGAT_KURANG: "Very poor.",
    EmploymentType.PNS: "Civil servant (PNS).",
    EmploymentType.CPNS: "Civil servant candidate on probation (CPNS).",
    EmploymentType.PPPK: "Government employee under a work agreement (PPPK).",
    EmploymentStatus.ACTIVE: "In service.",
    EmploymentStatus.ENDED: "No longer in service.",
    Sex.MALE: "Male.",
    Sex.FEMALE: "Female.",
    SeparationKind.RETIREMENT: "Retirement.",
    SeparationKind.RESIGNATION: "Resignation at the employee's own request.",
    SeparationKind.DISMISSAL: "Dismissal.",
    SeparationKind.DEATH: "Death.",
    DisciplineLevel.RINGAN: "Light sanction.",
    DisciplineLevel.SEDANG: "Moderate sanction.",
    DisciplineLevel.BERAT: "Severe sanction.",
    SanctionKind.TEGURAN_LISAN: "Oral reprimand.",
    SanctionKind.TEGURAN_TERTULIS: "Written reprimand.",
    SanctionKind.PERNYATAAN_TIDAK_PUAS_TERTULIS: "Written statement of dissatisfaction.",
    SanctionKind.POTONGAN_TUKIN_25_6_BULAN: "Performance allowance cut by 25% for 6 months.",
    SanctionKind.POTONGAN_TUKIN_25_9_BULAN: "Performance allowance cut by 25% for 9 months.",
    SanctionKind.POTONGAN_TUKIN_25_12_BULAN: "Performance allowance cut by 25% for 12 months.",
    SanctionKind.PENURUNAN_JABATAN_12_BULAN: "Demotion to a lower jabatan for 12 months.",
    SanctionKind.PEMBEBASAN_JABATAN_KE_PELAKSANA_12_BULAN: (
        "Release from jabatan to a pelaksana post for 12 months."
    ),
    SanctionKind.PDHTAPS: "Honourable discharge not at the employee's own request (PDHTAPS).",
}


def describe_values(descriptions: Mapping[Enum, str]) -> None:
    """Give each enum value its description on strawberry's definition of its enum."""
    for member, description in descriptions.items():
        definition: StrawberryEnumDefinition = type(member).__strawberry_definition__  # type: ignore[attr-defined]
        for value in definition.values:
            if value.name == member.name:
                value.description = description
