"""Mutations of appraisal cycles: each parses its input and calls one AppraisalApplication command.

Enrolment is the one that reads first: the feeder takes the participating units' active staff
and the unit tree from the read models (send X-Min-Position after appointing people), and the
command derives each appraiser chain from them.
"""

from __future__ import annotations

import asyncio
from typing import Any
from uuid import UUID

import strawberry
from strawberry import Info

from domain.aggregates.employee import Employee
from domain.appraisal import HasilKerja
from domain.appraisal_enrolment import enrolment_candidates, with_ancestors
from domain.errors import N_
from graphql_api.appraisal import inputs as i
from graphql_api.commands import run_command
from graphql_api.context import Context
from graphql_api.errors import ReadModelLag
from graphql_api.fields import mutation
from graphql_api.ids import parse_id
from projections.appraisal_candidates import active_staff, unit_nodes
from services.personnel import normalize_nip


def employee_id(nip: str) -> UUID:
    """The employee id of a NIP (ids are derived from NIPs)."""
    return Employee.id_for(normalize_nip(nip))


def cycle_id(raw: strawberry.ID) -> UUID:
    return parse_id(str(raw), "cycleId")


async def wait_for_read_models(context: Context) -> None:
    """Honour X-Min-Position before the feeder reads (staff appointed just before enrolling)."""
    wanted = context.read_after
    if wanted is None:
        return
    if not await context.runtime.positions.wait_for(wanted.position, wanted.timeout_ms / 1000):
        raise ReadModelLag(
            N_("The read models did not reach position {position} in time; retry shortly."),
            params={"position": wanted.position},
            minPosition=wanted.position,
        )


@strawberry.type
class AppraisalMutations:
    @mutation("HR opens the tenant's appraisal cycle for a year, naming the participating units.")
    async def open_appraisal_cycle(
        self, info: Info[Context, None], input: i.OpenAppraisalCycleInput
    ) -> i.CyclePayload:
        outcome = await run_command(
            info.context,
            info.context.runtime.appraisal.open_cycle,
            year=input.year,
            period=input.period.value,
            unit_ids=[parse_id(str(u), "unitIds") for u in input.unit_ids],
            objection_window_days=input.objection_window_days,
            masyarakat_limit=input.masyarakat_limit,
            utc_offset_hours=input.utc_offset_hours,
            reason=input.reason,
        )
        return i.CyclePayload.of(outcome)

    @mutation("HR enrols the active staff of participating units, appraisers from the unit tree.")
    async def enrol_units(
        self, info: Info[Context, None], input: i.EnrolUnitsInput
    ) -> i.CyclePayload:
        context, cycle = info.context, cycle_id(input.cycle_id)
        await wait_for_read_models(context)
        tenant = context.caller.tenant
        wanted = [parse_id(str(u), "unitIds") for u in input.unit_ids or []]
        if not wanted:
            units_of = context.runtime.appraisal.participating_units
            wanted = await asyncio.to_thread(units_of, context.caller, cycle)
        units = await unit_nodes(context.pool, tenant)
        staff = await active_staff(context.pool, tenant, list(with_ancestors(wanted, units)))
        outcome = await run_command(
            context,
            context.runtime.appraisal.enrol,
            cycle_id=cycle,
            candidates=enrolment_candidates(staff, input.head_nips),
            units=units,
            reason=input.reason,
        )
        return i.CyclePayload.of(outcome)

    @mutation("HR sets an employee's appraiser and superior by hand, with a reason.")
    async def override_appraiser(
        self, info: Info[Context, None], input: i.OverrideAppraiserInput
    ) -> i.AppraisalPayload:
        outcome = await run_command(
            info.context,
            info.context.runtime.appraisal.override_appraiser,
            cycle_id=cycle_id(input.cycle_id),
            employee_id=employee_id(input.nip),
            appraiser=normalize_nip(input.appraiser) if input.appraiser else None,
            superior=normalize_nip(input.superior) if input.superior else None,
            reason=input.reason,
        )
        return i.AppraisalPayload.of(outcome)

    @mutation("The employee (or appraiser) drafts the SKP: hasil kerja and BerAKHLAK expectations.")
    async def draft_skp(
        self, info: Info[Context, None], input: i.DraftSkpInput
    ) -> i.AppraisalPayload:
        rows = [
            HasilKerja(
                r.kind.value,
                r.rencana_hasil_kerja,
                r.aspect.value,
                r.indikator,
                r.target,
                r.rhk_pimpinan,
            )
            for r in input.hasil_kerja
        ]
        outcome = await run_command(
            info.context,
            info.context.runtime.appraisal.draft_skp,
            cycle_id=cycle_id(input.cycle_id),
            employee_id=employee_id(input.nip),
            hasil_kerja=rows,
            perilaku={p.behaviour: p.expectation for p in input.perilaku},
            expected_version=input.expected_version,
        )
        return i.AppraisalPayload.of(outcome)

    @mutation("The appraiser approves the SKP (after 31 January only with a reason).")
    async def approve_skp(
        self, info: Info[Context, None], input: i.AppraisalStepInput
    ) -> i.AppraisalPayload:
        outcome = await run_command(
            info.context,
            info.context.runtime.appraisal.approve_skp,
            cycle_id=cycle_id(input.cycle_id),
            employee_id=employee_id(input.nip),
            reason=input.reason,
            expected_version=input.expected_version,
        )
        return i.AppraisalPayload.of(outcome)

    @mutation("The employee records a realisation of an SKP row with its bukti dukung.")
    async def record_realisation(
        self, info: Info[Context, None], input: i.RecordRealisationInput
    ) -> i.AppraisalPayload:
        outcome = await run_command(
            info.context,
            info.context.runtime.appraisal.record_realisation,
            cycle_id=cycle_id(input.cycle_id),
            employee_id=employee_id(input.nip),
            row=input.row,
            realisation=input.realisation,
            note=input.note,
            evidence_link=input.evidence_link,
            evidence_document=input.evidence_document,
        )
        return i.AppraisalPayload.of(outcome)

    @mutation("Feedback: the appraiser's names a row; a peer's or subordinate's is on perilaku.")
    async def give_feedback(
        self, info: Info[Context, None], input: i.GiveFeedbackInput
    ) -> i.AppraisalPayload:
        appraisal = info.context.runtime.appraisal
        common: dict[str, Any] = {"text": input.text, "behaviour": input.behaviour}
        common |= {"cycle_id": cycle_id(input.cycle_id), "employee_id": employee_id(input.nip)}
        if input.row is not None:
            outcome = await run_command(
                info.context, appraisal.give_row_feedback, row=input.row, **common
            )
        else:
            outcome = await run_command(info.context, appraisal.give_colleague_feedback, **common)
        return i.AppraisalPayload.of(outcome)

    @mutation("A service user's anonymous SKM rating of an employee (masyarakat feedback).")
    async def receive_masyarakat_rating(
        self, info: Info[Context, None], input: i.MasyarakatRatingInput
    ) -> i.AppraisalPayload:
        outcome = await run_command(
            info.context,
            info.context.runtime.appraisal.receive_masyarakat_rating,
            cycle_id=cycle_id(input.cycle_id),
            employee_id=employee_id(input.nip),
            fingerprint=input.fingerprint,
            score=input.score,
            comment=input.comment,
        )
        return i.AppraisalPayload.of(outcome)
