"""Inputs and payloads of the employee mutations: `XInput` in, `XPayload` out."""

from __future__ import annotations

from datetime import date

import strawberry

from graphql_api.discipline.inputs import AbsencesSeenInput
from graphql_api.enums import (
    AwardKind,
    DisciplineLevel,
    EmploymentType,
    JabatanKind,
    JenjangFungsional,
    SanctionKind,
    SeparationKind,
)
from graphql_api.payloads import EmployeeRecorded

REASON = "Why: recorded with the event; some decisions require it."
EXPECTED_VERSION = "Refuse with CONFLICT unless the employee is still at this version."


@strawberry.input(description="A jabatan: kind, title and, for a jabatan fungsional, jenjang.")
class JabatanInput:
    kind: JabatanKind
    title: str
    jenjang: JenjangFungsional | None = None


@strawberry.input(description="An ASN to appoint into a unit kerja of the caller's tenant.")
class AppointEmployeeInput:
    nip: str = strawberry.field(description="18 digits; spaces, dots and dashes are ignored.")
    name: str
    employment_type: EmploymentType
    golongan: str = strawberry.field(description="III/a for PNS/CPNS, IX for PPPK.")
    jabatan: JabatanInput
    unit_id: strawberry.ID
    appointed_on: date
    reason: str | None = strawberry.field(default=None, description=REASON)
    ijazah: str | None = strawberry.field(
        default=None,
        description="The highest ijazah held (SD, SMP, SMA, D1, D2, D3, D4, S1, S2, S3), "
        "recorded with the appointment: the ceiling of a reguler promotion reads it.",
    )


@strawberry.input(
    description="Kenaikan pangkat one step up, on a period date; a pilihan kind needs a reason."
)
class PromoteEmployeeInput:
    nip: str
    to_golongan: str
    effective_on: date
    reason: str | None = strawberry.field(default=None, description=REASON)
    kind: str | None = strawberry.field(
        default=None,
        description="REGULER (default) or a pilihan: PILIHAN_STRUKTURAL, PILIHAN_FUNGSIONAL, "
        "PILIHAN_PRESTASI_LUAR_BIASA, PILIHAN_PENEMUAN_BARU, PILIHAN_PENYESUAIAN_IJAZAH.",
    )
    ijazah: str | None = strawberry.field(
        default=None,
        description="The highest ijazah (SD, SMP, SMA, D1, D2, D3, D4, S1, S2, S3), for a "
        "record without one; a record with one reads its own (PP 99/2000).",
    )
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)


@strawberry.input(description="Another jabatan for the employee.")
class ChangeJabatanInput:
    nip: str
    jabatan: JabatanInput
    effective_on: date
    reason: str | None = strawberry.field(default=None, description=REASON)
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)


@strawberry.input(description="Mutasi to another unit kerja of the same tenant.")
class TransferEmployeeInput:
    nip: str
    to_unit_id: strawberry.ID
    effective_on: date
    reason: str | None = strawberry.field(default=None, description=REASON)
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)


@strawberry.input(
    description="Confirm a CPNS as PNS after a year's probation and Latsar passed (PP 11/2017 "
    "Pasal 37)."
)
class ConfirmCpnsInput:
    nip: str
    effective_on: date
    latsar_programme_id: strawberry.ID = strawberry.field(
        description="The Latsar (pelatihan dasar) programme the CPNS passed, on or before "
        "`effectiveOn`: its training record is read."
    )
    reason: str | None = strawberry.field(default=None, description=REASON)
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)


@strawberry.input(description="A higher ijazah to record, e.g. before a penyesuaian ijazah.")
class RecordIjazahInput:
    nip: str
    ijazah: str = strawberry.field(description="SD, SMP, SMA, D1, D2, D3, D4, S1, S2 or S3.")
    effective_on: date = strawberry.field(description="The date of the ijazah.")
    reason: str | None = strawberry.field(default=None, description=REASON)
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)


@strawberry.input(description="A penghargaan to record.")
class RecordAwardInput:
    nip: str
    kind: AwardKind
    title: str
    awarded_on: date
    reason: str | None = strawberry.field(default=None, description=REASON)
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)


@strawberry.input(description="A hukuman disiplin (PP 94/2021); a reason is required.")
class ImposeSanctionInput:
    nip: str
    level: DisciplineLevel
    kind: SanctionKind
    effective_on: date
    reason: str | None = strawberry.field(default=None, description=REASON)
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)
    absences: AbsencesSeenInput | None = strawberry.field(
        default=None, description="For absences (Pasal 11): the count and proposal seen."
    )
    departure_reason: str | None = strawberry.field(
        default=None, description="Required when the kind differs from the absences' proposal."
    )
    jabatan_after: JabatanInput | None = strawberry.field(
        default=None, description="The jabatan a penurunan or pembebasan jabatan moves to."
    )


@strawberry.input(description="The end of an employment; a reason is required.")
class EndEmploymentInput:
    nip: str
    separation: SeparationKind
    effective_on: date
    reason: str | None = strawberry.field(default=None, description=REASON)
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)


@strawberry.type
class AppointEmployeePayload(EmployeeRecorded):
    pass


@strawberry.type
class PromoteEmployeePayload(EmployeeRecorded):
    pass


@strawberry.type
class ChangeJabatanPayload(EmployeeRecorded):
    pass


@strawberry.type
class TransferEmployeePayload(EmployeeRecorded):
    pass


@strawberry.type
class ConfirmCpnsPayload(EmployeeRecorded):
    pass


@strawberry.type
class RecordAwardPayload(EmployeeRecorded):
    pass


@strawberry.type
class RecordIjazahPayload(EmployeeRecorded):
    pass


@strawberry.type
class ImposeSanctionPayload(EmployeeRecorded):
    pass


@strawberry.type
class EndEmploymentPayload(EmployeeRecorded):
    pass
