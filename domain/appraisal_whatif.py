"""What-if scoring (issue 15 part 3): a finalised cycle's ratings under a draft scoring policy.

Pure: it takes the final annual ratings of a cycle and two policies, the one the cycle recorded
and a draft, and answers, writing nothing, each unit group's distribution under both (in band
or not), the tenant's totals, and every employee whose predikat would change, with the matrix
cell, the ratings and the rule that gives it. The head-of-unit rule of the draft replaces a
head's hasil kerja by the one it maps the unit's organisation rating to.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from uuid import UUID

from domain.appraisal_rules import GroupReport, evaluation_groups, group_reports
from domain.scoring import OrgRating, Predikat, Rating, predikat_for
from domain.scoring_policy import ScoringPolicy


@dataclass(frozen=True)
class FinalRating:
    """One enrolled employee's final annual ratings and the predikat recorded for them."""

    nip: str
    unit_id: UUID
    is_head: bool
    hasil_kerja: Rating
    perilaku_kerja: Rating
    recorded: Predikat


@dataclass(frozen=True)
class PredikatChange:
    """An employee whose predikat the draft changes, and why."""

    nip: str
    unit_id: UUID
    recorded: Predikat
    draft: Predikat
    hasil_kerja: Rating  # as the draft reads it (a head's follows the unit's rating)
    perilaku_kerja: Rating
    cell: str  # the matrix cell: "hasil × perilaku"
    rule: str


@dataclass(frozen=True)
class WhatIf:
    """The whole answer: groups, tenant totals, changes; `recorded_label` names the policy."""

    recorded_label: str
    draft_label: str
    recorded_groups: list[GroupReport]
    draft_groups: list[GroupReport]
    tenant_recorded: dict[str, int]
    tenant_draft: dict[str, int]
    changes: list[PredikatChange]


def draft_predikat(
    policy: ScoringPolicy, rating: FinalRating, org_rating: str | None
) -> tuple[Predikat, Rating, str]:
    """The predikat a policy gives one employee, the hasil kerja it read, and the rule used."""
    hasil, rule = rating.hasil_kerja, "matrix"
    if rating.is_head and policy.head_hasil_kerja is not None and org_rating is not None:
        hasil = policy.head_hasil_kerja[OrgRating(org_rating)]
        rule = f"head of unit: organisation {org_rating} → hasil kerja {hasil.value}"
    return predikat_for(hasil, rating.perilaku_kerja, policy.matrix), hasil, rule


def what_if(
    recorded: ScoringPolicy,
    draft: ScoringPolicy,
    ratings: Sequence[FinalRating],
    unit_ids: Sequence[UUID],
    org_ratings: Mapping[UUID, str],
    parents: Mapping[UUID, UUID | None],
) -> WhatIf:
    """Compare a finalised cycle's distribution under its recorded policy and a draft."""
    changes, draft_of = [], {}
    for r in ratings:
        predikat, hasil, rule = draft_predikat(draft, r, org_ratings.get(r.unit_id))
        draft_of[r.nip] = predikat
        if predikat is not r.recorded:
            cell = f"{hasil.value} × {r.perilaku_kerja.value}"
            changes.append(
                PredikatChange(
                    r.nip, r.unit_id, r.recorded, predikat, hasil, r.perilaku_kerja, cell, rule
                )
            )

    def reports(policy: ScoringPolicy, predikat: Mapping[str, Predikat]) -> list[GroupReport]:
        by_unit: dict[UUID, list[Predikat]] = {u: [] for u in unit_ids}
        for r in ratings:
            by_unit.setdefault(r.unit_id, []).append(predikat[r.nip])
        sizes = {u: len(by_unit[u]) for u in unit_ids}
        groups = evaluation_groups(policy.small_unit_min_staff, parents, sizes)
        return group_reports(policy, groups, org_ratings, by_unit)

    recorded_of = {r.nip: r.recorded for r in ratings}
    return WhatIf(
        recorded.label,
        draft.label,
        reports(recorded, recorded_of),
        reports(draft, draft_of),
        _totals(recorded_of.values()),
        _totals(draft_of.values()),
        sorted(changes, key=lambda c: (str(c.unit_id), c.nip)),
    )


def _totals(predikats: Iterable[Predikat]) -> dict[str, int]:
    counts = Counter(predikats)
    return {p.value: counts[p] for p in Predikat}
