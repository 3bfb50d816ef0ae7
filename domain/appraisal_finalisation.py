"""What finalising a cycle checks, as one pure function over the cycle's facts and its policy.

In order: every enrolled employee has an annual predikat, every participating unit has its
organisation rating, every unit group (domain.appraisal_rules: small units with their parent)
is in its band, and every head's hasil kerja is what the policy maps their unit's rating to.
The answer is the per-unit distribution the `Finalised` event records, each unit naming the
unit it was evaluated with.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict
from typing import Any
from uuid import UUID

from domain.appraisal_rules import (
    GroupReport,
    check_heads,
    evaluation_groups,
    group_reports,
    refuse_head_mismatches,
)
from domain.errors import N_, AppraisalsIncomplete, DistributionOutOfBand, OrgRatingMissing
from domain.scoring import OrgRating, Predikat, distribution_report
from domain.scoring_policy import ScoringPolicy

Roster = Mapping[str, Mapping[str, Any]]  # str(employee id) → roster entry


def unit_groups(
    policy: ScoringPolicy,
    unit_ids: Sequence[UUID],
    roster: Roster,
    org_ratings: Mapping[str, str],
    predikats: Mapping[UUID, Predikat | None],
    parents: Mapping[UUID, UUID | None],
) -> list[GroupReport]:
    """Every unit group's predikat against the band of its top unit's rating."""
    by_unit: dict[UUID, list[Predikat]] = {u: [] for u in unit_ids}
    for entry in roster.values():
        if (p := predikats.get(entry["employee_id"])) is not None:
            by_unit[entry["unit_id"]].append(p)
    sizes = {u: len(by_unit[u]) for u in unit_ids}
    groups = evaluation_groups(policy.small_unit_min_staff, parents, sizes)
    ratings = {UUID(str(u)): r for u, r in org_ratings.items()}
    return group_reports(policy, groups, ratings, by_unit)


def final_result(
    policy: ScoringPolicy,
    unit_ids: Sequence[UUID],
    roster: Roster,
    org_ratings: Mapping[str, str],
    predikats: Mapping[UUID, Predikat | None],
    parents: Mapping[UUID, UUID | None],
    hasil_kerja: Mapping[UUID, str | None] | None,
) -> list[dict[str, Any]]:
    """The distribution to record, or the first rule the cycle's result breaks, raised."""
    missing = [e["nip"] for e in roster.values() if not predikats.get(e["employee_id"])]
    if missing:
        raise AppraisalsIncomplete(
            N_("{count} employee(s) have no annual predikat: {nips}."),
            count=len(missing),
            nips=", ".join(missing[:20]),
        )
    unrated = [str(u) for u in unit_ids if str(u) not in org_ratings]
    if unrated:
        raise OrgRatingMissing(
            N_("Units without an organisation rating: {units}."), units=", ".join(unrated)
        )
    reports = unit_groups(policy, unit_ids, roster, org_ratings, predikats, parents)
    failing = [
        {"unit_id": g.unit_id, "org_rating": g.report.org_rating} | asdict(failure)
        for g in reports
        for failure in g.report.failures
    ]
    if failing:
        raise DistributionOutOfBand(failing)
    if hasil_kerja is not None:
        heads = [
            (e["nip"], e["unit_id"], org_ratings.get(str(e["unit_id"])),
             hasil_kerja.get(e["employee_id"]))
            for e in roster.values()
            if e.get("is_head")
        ]  # fmt: skip
        refuse_head_mismatches(check_heads(policy, heads))
    top_of = {unit: g.unit_id for g in reports for unit in g.members}
    summary = []
    for unit_id in unit_ids:
        rating = org_ratings[str(unit_id)]
        given = [
            p
            for e in roster.values()
            if e["unit_id"] == unit_id and (p := predikats.get(e["employee_id"])) is not None
        ]
        report = distribution_report(OrgRating(rating), given)
        summary.append(
            {"unit_id": unit_id, "org_rating": rating, "counts": report.counts}
            | {"total": report.total, "evaluated_with": top_of[unit_id]}
        )
    return summary
