"""Inputs and payloads of the employee mutations: `XInput` in, `XPayload` out."""

from __future__ import annotations

from datetime import date

import strawberry

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


@strawberry.input(description="Kenaikan pangkat: the next golongan (further only with a reason).")
class PromoteEmployeeInput:
    nip: str
    to_golongan: str
    effective_on: date
    reason: str | None = strawberry.field(default=None, description=REASON)
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


@strawberry.input(description="Confirm a CPNS as PNS.")
class ConfirmCpnsInput:
    nip: str
    effective_on: date
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
class ImposeSanctionPayload(EmployeeRecorded):
    pass


@strawberry.type
class EndEmploymentPayload(EmployeeRecorded):
    pass
