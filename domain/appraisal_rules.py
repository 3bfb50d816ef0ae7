"""Rules of issue 16 part 6 on a cycle's result, each pure, read from the cycle's scoring policy.

- ANNUAL is rated only after the period it judges ends: the local date is past 31 December of
  the cycle year. PermenPANRB 6/2022 (asn-rules.md §1.4 [H]): the evaluasi kinerja tahunan
  judges the year, January to December, so it cannot be made while the year runs.
- The head of a unit has the organisation's rating as their hasil kerja (SE MenPANRB 3/2023,
  asn-rules.md §1.3 [H]), mapped by the policy (domain.scoring_policy, the mapping a documented
  choice). Checked at finalisation, not at rating time: HR rates the organisation at year end,
  often after the appraiser's rating, and may change it with a reason; only when the cycle is
  locked are both final. A calibration sets a departing head right; no departure is kept.
- Small units are evaluated with their parent unit (`evaluation_groups`): a band over one or
  two people cannot be met (1 person under KURANG can never be 60% Kurang and 10% Butuh
  Perbaikan), so the generator's and every real tree finalise.
- The plurality rule is the policy's switch, applied by domain.scoring.check_distribution.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from domain.errors import N_, RuleViolation
from domain.scoring import (
    DistributionReport,
    OrgRating,
    Predikat,
    Rating,
    distribution_report,
)
from domain.scoring_policy import ScoringPolicy


class AnnualBeforePeriodEnd(RuleViolation):
    code = "ANNUAL_BEFORE_PERIOD_END"


class HeadRatingMismatch(RuleViolation):
    """Heads whose hasil kerja is not what their unit's organisation rating maps to."""

    code = "HEAD_RATING_MISMATCH"


def check_annual_after_period(year: int, today: date) -> None:
    """Refuse an ANNUAL rating made on or before 31 December of the cycle year (local date)."""
    if today <= date(year, 12, 31):
        raise AnnualBeforePeriodEnd(
            N_("The {year} annual rating can be given from {first}, after the year ends."),
            year=year,
            first=date(year + 1, 1, 1),
        )


@dataclass(frozen=True)
class HeadCheck:
    """A unit head's annual hasil kerja beside the one the policy maps the unit's rating to."""

    nip: str
    unit_id: UUID
    org_rating: str
    hasil_kerja: str
    required: str


def head_hasil_kerja(policy: ScoringPolicy, org_rating: OrgRating) -> Rating | None:
    """The hasil kerja a head of a unit rated `org_rating` has; None when the rule is off."""
    return None if policy.head_hasil_kerja is None else policy.head_hasil_kerja[org_rating]


def check_heads(
    policy: ScoringPolicy,
    heads: Iterable[tuple[str, UUID, str | None, str | None]],
) -> list[HeadCheck]:
    """The heads (nip, unit, its org rating, their annual hasil kerja) departing from the rule."""
    failing = []
    for nip, unit_id, org_rating, hasil_kerja in heads:
        if org_rating is None or hasil_kerja is None:
            continue  # reported as unrated or without a predikat by finalisation
        required = head_hasil_kerja(policy, OrgRating(org_rating))
        if required is not None and hasil_kerja != required.value:
            failing.append(HeadCheck(nip, unit_id, org_rating, hasil_kerja, required.value))
    return failing


def refuse_head_mismatches(failing: list[HeadCheck]) -> None:
    """Raise HEAD_RATING_MISMATCH naming each departing head, if any."""
    if failing:
        raise HeadRatingMismatch(
            N_("Heads whose hasil kerja departs from their unit's rating: {heads}."),
            heads="; ".join(
                f"{h.nip} ({h.org_rating} → {h.required}, rated {h.hasil_kerja})"
                for h in failing[:20]
            ),
        )


def evaluation_groups(
    min_staff: int, parents: Mapping[UUID, UUID | None], sizes: Mapping[UUID, int]
) -> dict[UUID, UUID]:
    """Each participating unit → the unit whose band it is evaluated under.

    Deepest units first, a unit whose group (its own staff and the small units pooled into it)
    has fewer than `min_staff` joins its nearest participating ancestor's group. A unit with
    no participating ancestor heads its group, however small.
    """

    def depth(unit: UUID) -> int:
        seen, up = 0, parents.get(unit)
        while up is not None and seen <= len(parents):
            seen, up = seen + 1, parents.get(up)
        return seen

    def ancestor(unit: UUID) -> UUID | None:
        up, steps = parents.get(unit), 0
        while up is not None and up not in sizes and steps <= len(parents):
            up, steps = parents.get(up), steps + 1
        return up if up in sizes else None

    group = {unit: unit for unit in sizes}
    pooled = dict(sizes)
    for unit in sorted(sizes, key=lambda u: (-depth(u), str(u))):
        up = ancestor(unit)
        if pooled[unit] < min_staff and up is not None:
            pooled[up] += pooled[unit]
            for member, top in group.items():
                if top == unit:
                    group[member] = up
    return group


@dataclass(frozen=True)
class GroupReport:
    """The predikat of a unit and the small units evaluated with it, against its band."""

    unit_id: UUID
    members: tuple[UUID, ...]  # the units of the group, itself first
    report: DistributionReport
    too_small: bool  # below the policy's size at the top of the tree: held to no band


def group_reports(
    policy: ScoringPolicy,
    groups: Mapping[UUID, UUID],
    org_ratings: Mapping[UUID, str],
    predikats_by_unit: Mapping[UUID, list[Predikat]],
) -> list[GroupReport]:
    """Each group's distribution against the band of its top unit's organisation rating."""
    members: dict[UUID, list[UUID]] = {}
    for unit, top in groups.items():
        members.setdefault(top, []).append(unit)
    out = []
    for top, units in members.items():
        units.sort(key=lambda u: (u != top, str(u)))
        given = [p for u in units for p in predikats_by_unit.get(u, [])]
        rating = org_ratings.get(top)
        too_small = len(given) < policy.small_unit_min_staff
        report = distribution_report(
            OrgRating(rating) if rating else None,
            [] if too_small else given,
            most_is_plurality=policy.most_is_plurality,
            bands=policy.bands,
        )
        if too_small:
            counts = {p.value: given.count(p) for p in Predikat}
            report = DistributionReport(report.org_rating, counts, len(given), ())
        out.append(GroupReport(top, tuple(units), report, too_small))
    return out
