"""Mutations of the assessment, calibration, objection and finalisation of appraisal cycles."""

from __future__ import annotations

import strawberry
from strawberry import Info

from graphql_api.appraisal import inputs as i
from graphql_api.appraisal.mutations import cycle_id, employee_id
from graphql_api.commands import run_command
from graphql_api.context import Context
from graphql_api.fields import mutation
from graphql_api.ids import parse_id


@strawberry.type
class AssessmentMutations:
    @mutation("The appraiser rates hasil kerja and perilaku kerja for a checkpoint or ANNUAL.")
    async def rate_employee(
        self, info: Info[Context, None], input: i.RateEmployeeInput
    ) -> i.AppraisalPayload:
        outcome = await run_command(
            info.context,
            info.context.runtime.appraisal.rate,
            cycle_id=cycle_id(input.cycle_id),
            employee_id=employee_id(input.nip),
            checkpoint=input.checkpoint,
            hasil_kerja=input.hasil_kerja.value,
            perilaku_kerja=input.perilaku_kerja.value,
            justification=input.justification,
            reason=input.reason,
            expected_version=input.expected_version,
        )
        return i.AppraisalPayload.of(outcome)

    @mutation("HR records a unit's predikat kinerja organisasi (a change needs a reason).")
    async def rate_organisation(
        self, info: Info[Context, None], input: i.RateOrganisationInput
    ) -> i.CyclePayload:
        outcome = await run_command(
            info.context,
            info.context.runtime.appraisal.rate_organisation,
            cycle_id=cycle_id(input.cycle_id),
            unit_id=parse_id(str(input.unit_id), "unitId"),
            rating=input.rating.value,
            reason=input.reason,
        )
        return i.CyclePayload.of(outcome)

    @mutation("A calibrator (HR) changes the annual ratings; before, after and reason are kept.")
    async def calibrate_rating(
        self, info: Info[Context, None], input: i.CalibrateRatingInput
    ) -> i.AppraisalPayload:
        outcome = await run_command(
            info.context,
            info.context.runtime.appraisal.calibrate,
            cycle_id=cycle_id(input.cycle_id),
            employee_id=employee_id(input.nip),
            hasil_kerja=input.hasil_kerja.value,
            perilaku_kerja=input.perilaku_kerja.value,
            reason=input.reason,
            expected_version=input.expected_version,
        )
        return i.AppraisalPayload.of(outcome)

    @mutation("HR records a potential assessment, placing the employee on the 9-box.")
    async def assess_potential(
        self, info: Info[Context, None], input: i.AssessPotentialInput
    ) -> i.AppraisalPayload:
        outcome = await run_command(
            info.context,
            info.context.runtime.appraisal.assess_potential,
            cycle_id=cycle_id(input.cycle_id),
            employee_id=employee_id(input.nip),
            potensial=input.potensial.value,
            reason=input.reason,
        )
        return i.AppraisalPayload.of(outcome)

    @mutation("HR records a mutasi in the cycle; an approved SKP reopens for revision.")
    async def record_appraisal_mutasi(
        self, info: Info[Context, None], input: i.RecordAppraisalMutasiInput
    ) -> i.AppraisalPayload:
        outcome = await run_command(
            info.context,
            info.context.runtime.appraisal.record_mutasi,
            cycle_id=cycle_id(input.cycle_id),
            employee_id=employee_id(input.nip),
            to_unit_id=parse_id(str(input.to_unit_id), "toUnitId"),
            appraiser=input.appraiser,
            superior=input.superior,
            reason=input.reason,
        )
        return i.AppraisalPayload.of(outcome)

    @mutation("HR finalises the cycle: every unit rated and in band; results count as received.")
    async def finalise_appraisal_cycle(
        self, info: Info[Context, None], input: i.FinaliseCycleInput
    ) -> i.CyclePayload:
        outcome = await run_command(
            info.context,
            info.context.runtime.appraisal.finalise,
            cycle_id=cycle_id(input.cycle_id),
            reason=input.reason,
        )
        return i.CyclePayload.of(outcome)

    @mutation("The employee objects to the annual result within the window (keberatan).")
    async def file_objection(
        self, info: Info[Context, None], input: i.FileObjectionInput
    ) -> i.AppraisalPayload:
        outcome = await run_command(
            info.context,
            info.context.runtime.appraisal.file_objection,
            cycle_id=cycle_id(input.cycle_id),
            employee_id=employee_id(input.nip),
            reasons=input.reasons,
        )
        return i.AppraisalPayload.of(outcome)

    @mutation("The appraiser's superior upholds (with new ratings) or rejects; this is final.")
    async def decide_objection(
        self, info: Info[Context, None], input: i.DecideObjectionInput
    ) -> i.AppraisalPayload:
        outcome = await run_command(
            info.context,
            info.context.runtime.appraisal.decide_objection,
            cycle_id=cycle_id(input.cycle_id),
            employee_id=employee_id(input.nip),
            upheld=input.upheld,
            reason=input.reason,
            hasil_kerja=input.hasil_kerja.value if input.hasil_kerja else None,
            perilaku_kerja=input.perilaku_kerja.value if input.perilaku_kerja else None,
        )
        return i.AppraisalPayload.of(outcome)
