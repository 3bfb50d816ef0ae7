"""GraphQL types of appraisals as the read models hold them, each item with its log position."""

from __future__ import annotations

from datetime import date
from typing import Any

import strawberry

from domain.appraisal import ANNUAL
from graphql_api.appraisal.enums import Aspect, FeedbackSource, HasilKerjaKind, Predikat, Rating
from graphql_api.ids import to_id
from graphql_api.time_travel.types import TimePoint

POSITION = "Global log position of the event that recorded this."


@strawberry.type(description="One hasil kerja row of an SKP.")
class HasilKerjaRow:
    no: int
    kind: HasilKerjaKind
    rencana_hasil_kerja: str
    aspect: Aspect
    indikator: str
    target: str
    rhk_pimpinan: str | None


@strawberry.type(description="The leader's expectation for one BerAKHLAK value.")
class PerilakuExpectation:
    behaviour: str
    expectation: str


@strawberry.type(description="The SKP: targets and expectations, drafted and approved.")
class Skp:
    revision: int
    hasil_kerja: list[HasilKerjaRow]
    perilaku: list[PerilakuExpectation]
    drafted_by: str
    drafted_position: int = strawberry.field(description=POSITION)
    approved_on: date | None
    approved_late: bool | None = strawberry.field(description="Approved after 31 January.")
    approved_by: str | None
    approved_position: int | None

    @classmethod
    def of(cls, skp: dict[str, Any]) -> Skp:
        approved = skp["approved"] or {}
        return cls(
            revision=skp["revision"],
            hasil_kerja=[
                HasilKerjaRow(
                    **{**r, "kind": HasilKerjaKind(r["kind"]), "aspect": Aspect(r["aspect"])}
                )
                for r in skp["hasil_kerja"]
            ],
            perilaku=[
                PerilakuExpectation(behaviour=k, expectation=v) for k, v in skp["perilaku"].items()
            ],
            drafted_by=skp["drafted"]["actor"],
            drafted_position=skp["drafted"]["position"],
            approved_on=date.fromisoformat(approved["approved_on"]) if approved else None,
            approved_late=approved.get("late"),
            approved_by=approved.get("actor"),
            approved_position=approved.get("position"),
        )


@strawberry.type(description="A realisation of an SKP row with its bukti dukung.")
class Realisation:
    checkpoint: str
    row: int
    realisation: str
    evidence_link: str | None
    evidence_document: str | None
    note: str
    position: int = strawberry.field(description=POSITION)


@strawberry.type(description="Feedback by its source kind; the giver only for HR and auditors.")
class Feedback:
    source: FeedbackSource
    checkpoint: str
    row: int | None
    behaviour: str | None
    text: str | None
    score: int | None = strawberry.field(description="Masyarakat: the SKM 1–4 rating.")
    giver: str | None = strawberry.field(
        description="Who gave it (NIP): shown to HR and auditors only, never to the employee."
    )
    position: int = strawberry.field(description=POSITION)

    @classmethod
    def of(cls, item: dict[str, Any], reveal_giver: bool) -> Feedback:
        fields = {
            k: item[k] for k in ("checkpoint", "row", "behaviour", "text", "score", "position")
        }
        giver = item["giver"] if reveal_giver else None
        return cls(source=FeedbackSource(item["source"]), giver=giver, **fields)


@strawberry.type(description="The ratings in force for a checkpoint, with who gave them and why.")
class RatingGiven:
    checkpoint: str
    hasil_kerja: Rating
    perilaku_kerja: Rating
    justification: str
    author: str = strawberry.field(description="The appraiser who rated (NIP).")
    calibrated: bool
    position: int = strawberry.field(description="Log position of the ratings in force.")


@strawberry.type(description="A predikat computed by the matrix, and what it was computed from.")
class PredikatResult:
    checkpoint: str
    predikat: Predikat
    hasil_kerja: Rating
    perilaku_kerja: Rating
    rules_version: str
    source_positions: list[int | None] = strawberry.field(
        description="Log positions of the rating events it was computed from."
    )
    position: int = strawberry.field(description=POSITION)


@strawberry.type(description="A calibration change: before, after, who and why.")
class Calibration:
    checkpoint: str
    hasil_kerja_before: Rating
    perilaku_kerja_before: Rating
    hasil_kerja: Rating
    perilaku_kerja: Rating
    actor: str
    reason: str | None
    position: int = strawberry.field(description=POSITION)


@strawberry.type(description="An objection (keberatan) and its decision.")
class Objection:
    status: str = strawberry.field(description="FILED, UPHELD or REJECTED.")
    reasons: str
    received_on: date
    filed_on: date
    day: int = strawberry.field(description="Day of the objection window it was filed on.")
    filed_position: int
    decided_by: str | None
    decision_reason: str | None
    hasil_kerja: Rating | None = strawberry.field(description="The new ratings, when upheld.")
    perilaku_kerja: Rating | None
    decided_position: int | None

    @classmethod
    def of(cls, status: str, objection: dict[str, Any]) -> Objection:
        filed, decision = objection["filed"], objection["decision"] or {}
        new = decision.get("hasil_kerja"), decision.get("perilaku_kerja")
        return cls(
            status=status,
            reasons=filed["reasons"],
            received_on=date.fromisoformat(filed["received_on"]),
            filed_on=date.fromisoformat(filed["filed_on"]),
            day=filed["day"],
            filed_position=filed["position"],
            decided_by=decision.get("actor"),
            decision_reason=decision.get("reason"),
            hasil_kerja=Rating(new[0]) if new[0] else None,
            perilaku_kerja=Rating(new[1]) if new[1] else None,
            decided_position=decision.get("position"),
        )


def _rating(checkpoint: str, r: dict[str, Any]) -> RatingGiven:
    return RatingGiven(
        checkpoint=checkpoint,
        hasil_kerja=Rating(r["hasil_kerja"]),
        perilaku_kerja=Rating(r["perilaku_kerja"]),
        justification=r["justification"],
        author=r["actor"],
        calibrated=r["calibrated"],
        position=r["position"],
    )


def _predikat(checkpoint: str, p: dict[str, Any]) -> PredikatResult:
    return PredikatResult(
        checkpoint=checkpoint,
        predikat=Predikat(p["predikat"]),
        hasil_kerja=Rating(p["hasil_kerja"]),
        perilaku_kerja=Rating(p["perilaku_kerja"]),
        rules_version=p["rules_version"],
        source_positions=p["source_positions"],
        position=p["position"],
    )


def _calibration(c: dict[str, Any]) -> Calibration:
    ratings = ("hasil_kerja_before", "perilaku_kerja_before", "hasil_kerja", "perilaku_kerja")
    rated = {name: Rating(c[name]) for name in ratings}
    return Calibration(
        checkpoint=c["checkpoint"],
        actor=c["actor"],
        reason=c["reason"],
        position=c["position"],
        **rated,
    )


@strawberry.type(description="One employee's appraisal in one cycle, as the read models hold it.")
class Appraisal:
    cycle_id: strawberry.ID
    year: int
    nip: str
    unit_id: strawberry.ID
    appraiser: str | None = strawberry.field(description="The pejabat penilai (NIP).")
    superior: str | None = strawberry.field(description="The appraiser's superior (NIP).")
    skp_status: str | None = strawberry.field(description="DRAFT or APPROVED; null before a draft.")
    skp: Skp | None
    realisations: list[Realisation]
    feedback: list[Feedback]
    ratings: list[RatingGiven]
    predikat: list[PredikatResult] = strawberry.field(description="Per checkpoint and ANNUAL.")
    annual_predikat: Predikat | None
    calibrations: list[Calibration]
    objection: Objection | None
    potensial: str | None
    last_position: int
    as_of: TimePoint | None = strawberry.field(
        default=None,
        description="The log position and date this appraisal was computed at, when asked "
        "with `asOf`; null otherwise (`lastPosition` says where today's stands).",
    )

    @classmethod
    def of(cls, row: dict[str, Any], reveal_givers: bool) -> Appraisal:
        doc = row["doc"]
        return cls(
            cycle_id=to_id(row["cycle_id"]),
            year=row["year"],
            nip=row["nip"],
            unit_id=to_id(row["unit_id"]),
            appraiser=row["appraiser"],
            superior=row["superior"],
            skp_status=row["skp_status"],
            skp=Skp.of(doc["skp"]) if doc["skp"] else None,
            realisations=[
                Realisation(
                    **{k: v for k, v in r.items() if k not in ("revision", "actor", "reason")}
                )
                for r in doc["realisations"]
            ],
            feedback=[Feedback.of(f, reveal_givers) for f in doc["feedback"]],
            ratings=[_rating(cp, r) for cp, r in doc["ratings"].items()],
            predikat=[_predikat(cp, p) for cp, p in doc["predikat"].items()],
            annual_predikat=Predikat(row["annual_predikat"]) if row["annual_predikat"] else None,
            calibrations=[_calibration(c) for c in doc["calibrations"]],
            objection=Objection.of(row["objection"], doc["objection"])
            if doc["objection"]
            else None,
            potensial=row["potensial"],
            last_position=row["last_position"],
        )

    def annual(self) -> PredikatResult | None:
        return next((p for p in self.predikat if p.checkpoint == ANNUAL), None)
