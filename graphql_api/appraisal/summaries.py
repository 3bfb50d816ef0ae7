"""GraphQL types of cycle summaries, explanations and recomputations."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import strawberry

from domain.scoring import predikat_for
from graphql_api.appraisal.enums import FeedbackSource, OrgRating, Potensial, Predikat, Rating
from graphql_api.appraisal.types import Appraisal, Feedback
from graphql_api.ids import to_id
from projections.appraisal_cycles import CycleRow
from projections.appraisal_summaries import OutstandingAction, Progress, TalentCell, UnitSummary
from services.appraisal import CycleRecomputation


@strawberry.type(description="An appraisal cycle of the tenant.")
class AppraisalCycle:
    id: strawberry.ID
    year: int
    period: str
    unit_ids: list[strawberry.ID]
    enrolled: int
    finalised_on: date | None = strawberry.field(description="When results were received.")
    rules_version: str | None
    last_position: int

    @classmethod
    def of(cls, c: CycleRow) -> AppraisalCycle:
        return cls(
            id=to_id(c.id), year=c.year, period=c.period, unit_ids=[to_id(u) for u in c.unit_ids],
            enrolled=c.enrolled, finalised_on=c.finalised_on, rules_version=c.rules_version,
            last_position=c.last_position,
        )  # fmt: skip


@strawberry.type(description="How many employees have a predikat.")
class PredikatCount:
    predikat: Predikat
    count: int


@strawberry.type(description="A band condition a unit fails (SE MenPANRB 3/2023).")
class BandFailure:
    condition: str
    count: int
    total: int
    percent: float


@strawberry.type(description="How far a cycle's appraisals have come.")
class AppraisalProgress:
    enrolled: int
    skp_approved: int
    assessed: int = strawberry.field(description="With an annual predikat.")
    finalised: int
    objections_open: int

    @classmethod
    def of(cls, p: Progress) -> AppraisalProgress:
        return cls(**vars(p))


@strawberry.type(description="A unit's predikat distribution against its band, and progress.")
class UnitAppraisalSummary:
    unit_id: strawberry.ID
    org_rating: OrgRating | None
    counts: list[PredikatCount]
    total: int
    in_band: bool
    failures: list[BandFailure]
    progress: AppraisalProgress

    @classmethod
    def of(cls, s: UnitSummary) -> UnitAppraisalSummary:
        d = s.distribution
        return cls(
            unit_id=to_id(s.unit_id),
            org_rating=OrgRating(d.org_rating) if d.org_rating else None,
            counts=[PredikatCount(predikat=Predikat(p), count=n) for p, n in d.counts.items()],
            total=d.total,
            in_band=d.in_band,
            failures=[
                BandFailure(condition=f.condition, count=f.count, total=f.total, percent=f.percent)
                for f in d.failures
            ],
            progress=AppraisalProgress.of(s.progress),
        )


@strawberry.type(description="What someone must do next in a cycle.")
class AppraisalAction:
    actor: str | None = strawberry.field(description="NIP; null when HR must set one first.")
    action: str = strawberry.field(
        description="DRAFT_SKP, APPROVE_SKP, RATE_ANNUAL, DECIDE_OBJECTION"
    )
    nip: str = strawberry.field(description="The appraised employee.")

    @classmethod
    def of(cls, a: OutstandingAction) -> AppraisalAction:
        return cls(actor=a.actor, action=a.action, nip=a.nip)


@strawberry.type(description="A cycle's progress for the tenant and per unit.")
class AppraisalCycleSummary:
    cycle: AppraisalCycle
    progress: AppraisalProgress
    units: list[UnitAppraisalSummary]
    outstanding: list[AppraisalAction]


@strawberry.type(description="An employee on the 9-box (PermenPANRB 3/2020).")
class TalentGridEntry:
    nip: str
    unit_id: strawberry.ID
    predikat: Predikat
    kinerja: Rating
    potensial: Potensial
    box: int
    recommendation: str
    in_talent_pool: bool
    rules_version: str

    @classmethod
    def of(cls, c: TalentCell) -> TalentGridEntry:
        b = c.box
        return cls(
            nip=c.nip, unit_id=to_id(c.unit_id), predikat=Predikat(c.predikat), kinerja=b.kinerja,
            potensial=b.potensial, box=b.box, recommendation=b.recommendation,
            in_talent_pool=b.in_talent_pool, rules_version=b.rules_version,
        )  # fmt: skip


@strawberry.type(description="Feedback of one source kind, counted (never naming a giver).")
class FeedbackSummary:
    source: FeedbackSource
    count: int
    average_score: float | None = strawberry.field(description="Masyarakat SKM average.")
    positions: list[int]


def summarise_feedback(feedback: list[Feedback]) -> list[FeedbackSummary]:
    by_source: dict[FeedbackSource, list[Feedback]] = defaultdict(list)
    for item in feedback:
        by_source[item.source].append(item)
    result = []
    for source, items in by_source.items():
        scores = [f.score for f in items if f.score is not None]
        average = round(sum(scores) / len(scores), 2) if scores else None
        result.append(
            FeedbackSummary(
                source=source,
                count=len(items),
                average_score=average,
                positions=[f.position for f in items],
            )
        )
    return result


@strawberry.type(description="The cell of the 3×3 matrix (§1.3) the annual predikat came from.")
class MatrixCell:
    hasil_kerja: Rating
    perilaku_kerja: Rating
    predikat: Predikat


@strawberry.type(description="Why an employee has their predikat: every input, with its position.")
class ScoreExplanation:
    appraisal: Appraisal = strawberry.field(
        description="Targets (SKP), realisations, feedback, ratings with justification and "
        "author, calibrations, objection and every predikat, each with its log position."
    )
    feedback_summary: list[FeedbackSummary]
    org_rating: OrgRating | None = strawberry.field(description="The unit's organisation rating.")
    matrix_cell: MatrixCell | None = strawberry.field(description="For the annual predikat.")
    rules_version: str | None
    annual_predikat_position: int | None

    @classmethod
    def of(cls, appraisal: Appraisal, org_rating: str | None) -> ScoreExplanation:
        annual = appraisal.annual()
        cell = None
        if annual is not None:
            # The matrix cell from the domain's own rule, so the explanation can't drift.
            predikat = predikat_for(annual.hasil_kerja, annual.perilaku_kerja)
            cell = MatrixCell(
                hasil_kerja=annual.hasil_kerja,
                perilaku_kerja=annual.perilaku_kerja,
                predikat=predikat,
            )
        return cls(
            appraisal=appraisal,
            feedback_summary=summarise_feedback(appraisal.feedback),
            org_rating=OrgRating(org_rating) if org_rating else None,
            matrix_cell=cell,
            rules_version=annual.rules_version if annual else None,
            annual_predikat_position=annual.position if annual else None,
        )


@strawberry.type(description="A recorded predikat beside its recomputation from the event log.")
class Recomputed:
    nip: str
    checkpoint: str
    version: int = strawberry.field(description="Of the PredikatComputed event.")
    rules_version: str
    recorded: str
    recomputed: str | None
    matches: bool


@strawberry.type(description="Every predikat of a cycle recomputed from the event log.")
class RecomputeReport:
    cycle_id: strawberry.ID
    finalised: bool
    checked: int
    differences: list[Recomputed] = strawberry.field(description="Should always be empty.")

    @classmethod
    def of(cls, r: CycleRecomputation) -> RecomputeReport:
        differences = [
            Recomputed(
                nip=nip,
                checkpoint=x.checkpoint,
                version=x.version,
                rules_version=x.rules_version,
                recorded=x.recorded,
                recomputed=x.recomputed,
                matches=x.matches,
            )
            for nip, x in r.differences
        ]
        return cls(
            cycle_id=to_id(r.cycle_id),
            finalised=r.finalised,
            checked=len(r.results),
            differences=differences,
        )
