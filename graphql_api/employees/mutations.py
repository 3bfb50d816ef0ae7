"""Mutations on employees: each parses its input and calls one PersonnelApplication command."""

from __future__ import annotations

import strawberry
from strawberry import Info

from graphql_api.commands import run_command
from graphql_api.context import Context
from graphql_api.employees import inputs as i
from graphql_api.fields import mutation
from graphql_api.ids import parse_id


@strawberry.type
class EmployeeMutations:
    @mutation("Appoint an ASN into a unit kerja.")
    async def appoint_employee(
        self, info: Info[Context, None], input: i.AppointEmployeeInput
    ) -> i.AppointEmployeePayload:
        personnel = info.context.runtime.personnel
        outcome = await run_command(
            info.context,
            personnel.appoint_employee,
            nip=input.nip,
            name=input.name,
            employment_type=input.employment_type,
            golongan=input.golongan,
            jabatan_kind=input.jabatan.kind,
            jabatan_title=input.jabatan.title,
            jabatan_jenjang=input.jabatan.jenjang,
            unit_id=parse_id(input.unit_id, "unitId"),
            appointed_on=input.appointed_on,
            reason=input.reason,
            ijazah=input.ijazah,
        )
        return i.AppointEmployeePayload.of(outcome)

    @mutation("Kenaikan pangkat to a higher golongan.")
    async def promote_employee(
        self, info: Info[Context, None], input: i.PromoteEmployeeInput
    ) -> i.PromoteEmployeePayload:
        outcome = await run_command(
            info.context,
            info.context.runtime.personnel.promote,
            nip=input.nip,
            to_golongan=input.to_golongan,
            effective_on=input.effective_on,
            reason=input.reason,
            kind=input.kind,
            ijazah=input.ijazah,
            expected_version=input.expected_version,
        )
        return i.PromoteEmployeePayload.of(outcome)

    @mutation("Put the employee in another jabatan.")
    async def change_jabatan(
        self, info: Info[Context, None], input: i.ChangeJabatanInput
    ) -> i.ChangeJabatanPayload:
        outcome = await run_command(
            info.context,
            info.context.runtime.personnel.change_jabatan,
            nip=input.nip,
            jabatan_kind=input.jabatan.kind,
            jabatan_title=input.jabatan.title,
            jabatan_jenjang=input.jabatan.jenjang,
            effective_on=input.effective_on,
            reason=input.reason,
            expected_version=input.expected_version,
        )
        return i.ChangeJabatanPayload.of(outcome)

    @mutation("Mutasi: move the employee to another unit kerja.")
    async def transfer_employee(
        self, info: Info[Context, None], input: i.TransferEmployeeInput
    ) -> i.TransferEmployeePayload:
        outcome = await run_command(
            info.context,
            info.context.runtime.personnel.transfer,
            nip=input.nip,
            to_unit_id=parse_id(input.to_unit_id, "toUnitId"),
            effective_on=input.effective_on,
            reason=input.reason,
            expected_version=input.expected_version,
        )
        return i.TransferEmployeePayload.of(outcome)

    @mutation("Confirm a CPNS as PNS.")
    async def confirm_cpns(
        self, info: Info[Context, None], input: i.ConfirmCpnsInput
    ) -> i.ConfirmCpnsPayload:
        outcome = await run_command(
            info.context,
            info.context.runtime.personnel.confirm_as_pns,
            nip=input.nip,
            effective_on=input.effective_on,
            latsar_programme_id=parse_id(input.latsar_programme_id, "latsarProgrammeId"),
            reason=input.reason,
            expected_version=input.expected_version,
        )
        return i.ConfirmCpnsPayload.of(outcome)

    @mutation("Record a higher ijazah on the employee's record.")
    async def record_ijazah(
        self, info: Info[Context, None], input: i.RecordIjazahInput
    ) -> i.RecordIjazahPayload:
        outcome = await run_command(
            info.context,
            info.context.runtime.personnel.record_ijazah,
            nip=input.nip,
            ijazah=input.ijazah,
            effective_on=input.effective_on,
            reason=input.reason,
            expected_version=input.expected_version,
        )
        return i.RecordIjazahPayload.of(outcome)

    @mutation("Record a penghargaan.")
    async def record_award(
        self, info: Info[Context, None], input: i.RecordAwardInput
    ) -> i.RecordAwardPayload:
        outcome = await run_command(
            info.context,
            info.context.runtime.personnel.record_award,
            nip=input.nip,
            kind=input.kind,
            title=input.title,
            awarded_on=input.awarded_on,
            reason=input.reason,
            expected_version=input.expected_version,
        )
        return i.RecordAwardPayload.of(outcome)

    @mutation("Record a hukuman disiplin with its reason.")
    async def impose_sanction(
        self, info: Info[Context, None], input: i.ImposeSanctionInput
    ) -> i.ImposeSanctionPayload:
        outcome = await run_command(
            info.context,
            info.context.runtime.personnel.impose_sanction,
            nip=input.nip,
            level=input.level,
            kind=input.kind,
            effective_on=input.effective_on,
            reason=input.reason,
            expected_version=input.expected_version,
            absences_seen=input.absences.basis() if input.absences else None,
            departure_reason=input.departure_reason,
            jabatan_after=(
                (after.kind, after.title, after.jenjang) if (after := input.jabatan_after) else None
            ),
        )
        return i.ImposeSanctionPayload.of(outcome)

    @mutation("End the employment (pensiun, resignation, dismissal, death).")
    async def end_employment(
        self, info: Info[Context, None], input: i.EndEmploymentInput
    ) -> i.EndEmploymentPayload:
        outcome = await run_command(
            info.context,
            info.context.runtime.personnel.end_employment,
            nip=input.nip,
            separation=input.separation,
            effective_on=input.effective_on,
            reason=input.reason,
            expected_version=input.expected_version,
        )
        return i.EndEmploymentPayload.of(outcome)
