"""Inputs of the appraisal mutations, and the two payloads they answer with.

An employee is named by NIP; people act under their NIP (the `employee` role with the NIP as
user id): the employee plans, realises and objects, the appraiser approves, gives feedback and
rates, the appraiser's superior decides an objection. HR opens, enrols, calibrates, finalises.
"""

from __future__ import annotations

from typing import Self

import strawberry

from graphql_api.appraisal.enums import Aspect, HasilKerjaKind, OrgRating, Period, Potensial, Rating
from graphql_api.ids import to_id
from services.personnel import Outcome

REASON = "Why: recorded with the event; some decisions require it."
EXPECTED_VERSION = "Refuse with CONFLICT unless the appraisal is still at this version."


@strawberry.input(description="HR opens the tenant's cycle for a year.")
class OpenAppraisalCycleInput:
    year: int
    period: Period = strawberry.field(description="Checkpoints: monthly, quarterly or semester.")
    unit_ids: list[strawberry.ID] = strawberry.field(description="The participating units.")
    objection_window_days: int = 14
    masyarakat_limit: int = strawberry.field(
        default=1, description="Masyarakat ratings per source and checkpoint."
    )
    utc_offset_hours: int = strawberry.field(default=7, description="7 WIB, 8 WITA, 9 WIT.")
    reason: str | None = strawberry.field(default=None, description=REASON)


@strawberry.input(
    description="Enrol the active staff of participating units, from the read models."
)
class EnrolUnitsInput:
    cycle_id: strawberry.ID
    unit_ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Units to enrol now; every participating unit when null."
    )
    head_nips: list[str] = strawberry.field(
        default_factory=list,
        description="Unit heads named by HR; the others are recognised by jabatan title.",
    )
    reason: str | None = strawberry.field(default=None, description=REASON)


@strawberry.input(description="Set an employee's appraiser and superior by hand (NIPs).")
class OverrideAppraiserInput:
    cycle_id: strawberry.ID
    nip: str
    appraiser: str | None
    superior: str | None
    reason: str


@strawberry.input(description="A mutasi within the cycle: another unit and appraiser chain.")
class RecordAppraisalMutasiInput:
    cycle_id: strawberry.ID
    nip: str
    to_unit_id: strawberry.ID
    appraiser: str | None
    superior: str | None
    reason: str | None = strawberry.field(default=None, description=REASON)


@strawberry.input(description="One hasil kerja row of an SKP.")
class HasilKerjaInput:
    kind: HasilKerjaKind
    rencana_hasil_kerja: str
    aspect: Aspect
    indikator: str = strawberry.field(description="Indikator kinerja individu (IKI).")
    target: str
    rhk_pimpinan: str | None = strawberry.field(
        default=None, description="The leader's RHK this row intervenes in."
    )


@strawberry.input(description="The leader's expectation for one BerAKHLAK value ('' for none).")
class PerilakuInput:
    behaviour: str = strawberry.field(description="BERORIENTASI_PELAYANAN, AKUNTABEL, …")
    expectation: str = ""


@strawberry.input(description="The employee (or appraiser) drafts the SKP.")
class DraftSkpInput:
    cycle_id: strawberry.ID
    nip: str
    hasil_kerja: list[HasilKerjaInput]
    perilaku: list[PerilakuInput] = strawberry.field(description="All seven BerAKHLAK values.")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)


@strawberry.input(description="A step on one employee's appraisal that may carry a reason.")
class AppraisalStepInput:
    cycle_id: strawberry.ID
    nip: str
    reason: str | None = strawberry.field(default=None, description=REASON)
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)


@strawberry.input(description="A realisation of an SKP row with its bukti dukung.")
class RecordRealisationInput:
    cycle_id: strawberry.ID
    nip: str
    row: int
    realisation: str
    note: str = ""
    evidence_link: str | None = None
    evidence_document: str | None = None


@strawberry.input(description="Feedback: the appraiser's on a row, a peer's or subordinate's.")
class GiveFeedbackInput:
    cycle_id: strawberry.ID
    nip: str
    text: str
    row: int | None = strawberry.field(
        default=None, description="The appraiser's feedback names an SKP row; colleagues don't."
    )
    behaviour: str | None = strawberry.field(default=None, description="A BerAKHLAK value.")


@strawberry.input(description="A service user's anonymous SKM rating, passed on by the portal.")
class MasyarakatRatingInput:
    cycle_id: strawberry.ID
    nip: str
    fingerprint: str = strawberry.field(description="A hashed token of the source, never a name.")
    score: int = strawberry.field(description="SKM 1 (tidak sesuai) to 4 (sangat sesuai).")
    comment: str | None = None


@strawberry.input(description="The appraiser's two ratings for a checkpoint or the year.")
class RateEmployeeInput:
    cycle_id: strawberry.ID
    nip: str
    checkpoint: str = strawberry.field(description="Q1…Q4, S1, S2, M01…M12 or ANNUAL.")
    hasil_kerja: Rating
    perilaku_kerja: Rating
    justification: str
    reason: str | None = strawberry.field(default=None, description=REASON)
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)


@strawberry.input(description="A unit's predikat kinerja organisasi.")
class RateOrganisationInput:
    cycle_id: strawberry.ID
    unit_id: strawberry.ID
    rating: OrgRating
    reason: str | None = strawberry.field(default=None, description=REASON)


@strawberry.input(description="A calibrator changes the annual ratings, with a reason.")
class CalibrateRatingInput:
    cycle_id: strawberry.ID
    nip: str
    hasil_kerja: Rating
    perilaku_kerja: Rating
    reason: str
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)


@strawberry.input(description="A potential assessment, for the 9-box.")
class AssessPotentialInput:
    cycle_id: strawberry.ID
    nip: str
    potensial: Potensial
    reason: str | None = strawberry.field(default=None, description=REASON)


@strawberry.input(description="The employee objects to the annual result (keberatan).")
class FileObjectionInput:
    cycle_id: strawberry.ID
    nip: str
    reasons: str


@strawberry.input(description="The appraiser's superior upholds (with new ratings) or rejects.")
class DecideObjectionInput:
    cycle_id: strawberry.ID
    nip: str
    upheld: bool
    reason: str
    hasil_kerja: Rating | None = None
    perilaku_kerja: Rating | None = None


@strawberry.input(description="Lock the cycle: every unit rated and in band.")
class FinaliseCycleInput:
    cycle_id: strawberry.ID
    reason: str | None = strawberry.field(default=None, description=REASON)


@strawberry.type(description="A command on an appraisal cycle was recorded.")
class CyclePayload:
    cycle_id: strawberry.ID
    version: int
    position: int = strawberry.field(description="Log position of the command's last event.")

    @classmethod
    def of(cls, outcome: Outcome) -> Self:
        return cls(
            cycle_id=to_id(outcome.aggregate_id), version=outcome.version, position=outcome.position
        )


@strawberry.type(description="A command on one employee's appraisal was recorded.")
class AppraisalPayload:
    appraisal_id: strawberry.ID
    version: int
    position: int = strawberry.field(description="Log position of the command's last event.")

    @classmethod
    def of(cls, outcome: Outcome) -> Self:
        return cls(
            appraisal_id=to_id(outcome.aggregate_id),
            version=outcome.version,
            position=outcome.position,
        )
