"""A tenant's appraisal year (PermenPANRB 6/2022), planned from the careers.

HR opens the cycle on 2 January for the units with staff and enrols, organisation by
organisation, everyone serving the whole year, with appraisers derived from the unit tree by
the rules the service's feeder uses (the regional head, no ASN, is set by hand as the
appraiser at the top). The cycle adopts the national scoring policy (scripts/datagen/
appraisal_policy.py), and the plan follows the same policy's rules. The employee's own year,
with some quarterly checkpoint ratings, is in `appraisal_year`; potential assessments in
December; once the year is over (ANNUAL is rated only then), in January: the annual ratings
(a head's hasil kerja the unit's rating mapped by the policy), the organisation ratings, the
calibrations each unit group's band needs (small units with their parent), then finalisation
on 15 January. A few employees rated below Baik object within the window; the superior
decides in February. The current year is planned without what lies after today: its annual
ratings, finalisation and objections come after its end.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING
from uuid import UUID

from domain.aggregates.org_unit import OrgUnit
from domain.appraisal import EnrolmentCandidate, UnitNode, derive_appraisers
from domain.appraisal_enrolment import StaffMember, enrolment_candidates
from domain.appraisal_rules import check_annual_after_period, evaluation_groups
from domain.scoring import OrgRating, Predikat
from domain.scoring_policy import NATIONAL_POLICY
from scripts.datagen import appraisal_steps as s
from scripts.datagen import assessment_steps as assessment
from scripts.datagen.activities import Activity
from scripts.datagen.appraisal_texts import OBJECTION_REASONS, justification
from scripts.datagen.appraisal_year import (
    checkpoint_ratings,
    colleagues_and_public,
    employee_year,
)
from scripts.datagen.ratings import (
    Ratings,
    calibrate_group,
    draw_ratings,
    head_ratings,
    org_rating_for,
    predikat_of,
)
from scripts.datagen.regions import Region
from scripts.datagen.satisfaction import unit_surveys
from scripts.datagen.serving import Serving, serving_all_year
from scripts.datagen.steps import CreateUnit, ImposeSanction

if TYPE_CHECKING:  # plan.py imports this module
    from scripts.datagen.plan import EmployeePlan

POTENTIAL = 0.12  # of PNS, assessed for the 9-box
POTENSIAL = (("MENENGAH", 60), ("TINGGI", 20), ("RENDAH", 20))
OBJECTING, UPHELD = 0.15, 0.4  # of those below Baik with a superior; of their objections
BELOW_BAIK = frozenset({Predikat.BUTUH_PERBAIKAN, Predikat.KURANG, Predikat.SANGAT_KURANG})
FINALISED = date(2000, 1, 15)  # the day of January after the year that HR finalises
TOP_APPRAISER_REASON = "Pejabat penilai pimpinan tertinggi adalah kepala daerah"


def plan_appraisal_year(
    region: Region,
    units: Sequence[CreateUnit],
    employees: Sequence[EmployeePlan],
    year: int,
    *,
    finished: bool,
    rng: random.Random,
    checkpoints: random.Random,
) -> list[Activity]:
    """The year's appraisal activities of one tenant, in plan order (sorted when loaded);
    a year not `finished` has no finalisation and no objections."""
    roster = serving_all_year(employees, year)
    if not roster:
        return []
    unit_id = {u.code: OrgUnit.id_for(region.tenant, u.code) for u in units}
    code_of = {uid: code for code, uid in unit_id.items()}
    candidates = enrolment_candidates(
        StaffMember(r.employee_id, r.nip, unit_id[r.unit], r.jabatan_kind, r.jabatan_title)
        for r in roster
    )
    nodes = [UnitNode(unit_id[u.code], unit_id[u.parent] if u.parent else None) for u in units]
    derived = derive_appraisers(candidates, nodes)
    appraiser = {c.nip: derived[c.employee_id].appraiser for c in candidates}
    superior = {c.nip: derived[c.employee_id].superior for c in candidates}

    jan2 = date(year, 1, 2)
    with_staff = {r.unit for r in roster}
    staffed = [u.code for u in units if u.code in with_staff]
    out: list[Activity] = [s.OpenCycle(jan2, year, tuple(staffed))]
    out += _enrolments(units, candidates, code_of, jan2, year)
    head_of_region = f"kepala-daerah-{region.key}"
    for nip in sorted(n for n, a in appraiser.items() if a is None):
        override = s.OverrideAppraiser(
            jan2 + timedelta(days=1), year, nip, head_of_region, TOP_APPRAISER_REASON
        )
        out.append(override)
        appraiser[nip] = head_of_region
    sanctioned = {
        e.nip
        for e in employees
        for step in e.steps
        if isinstance(step, ImposeSanction) and step.on.year == year
    }
    org_ratings = {code: org_rating_for(rng) for code in staffed}
    heads = {c.nip: code_of[c.unit_id] for c in candidates if c.is_head}
    rated: dict[str, Ratings] = {}
    for r in roster:
        by = appraiser[r.nip] or head_of_region  # set above where None
        out += employee_year(r, year, by, region.tenant, rng)
        rated[r.nip] = draw_ratings(rng, r.nip in sanctioned)
        if r.nip in heads:
            rated[r.nip] = head_ratings(rated[r.nip], org_ratings[heads[r.nip]], NATIONAL_POLICY)
        on = _day(rng, year + 1, 1, 2, 9)
        check_annual_after_period(year, on)  # the rule the command enforces
        why = justification(predikat_of(rated[r.nip]), rng)
        out.append(assessment.Rate(on, year, r.nip, by, rated[r.nip], why))
    out += colleagues_and_public(roster, appraiser, {u.code: u.kind for u in units}, year, rng)
    out += unit_surveys(units, year, region.tenant)  # its own random stream
    out += checkpoint_ratings(roster, appraiser, year, checkpoints)
    groups = _groups(units, unit_id, roster)
    fixed = {nip: rated[nip][0] for nip in heads}
    out += _year_end(roster, org_ratings, groups, rated, fixed, year, rng, finished=finished)
    if finished:
        out += _objections(roster, rated, superior, year, rng=rng)
    return out


def _enrolments(
    units: Sequence[CreateUnit],
    candidates: Sequence[EnrolmentCandidate],
    code_of: dict[UUID, str],
    on: date,
    year: int,
) -> list[Activity]:
    """One enrolment per organisation under the root (the root first), each small to save.

    Each also passes the heads enrolled before, so the chains above it can be derived.
    """
    parent = {u.code: u.parent for u in units}

    def organisation(code: str) -> str:
        while (up := parent[code]) is not None and parent[up] is not None:
            code = up
        return code

    order = {u.code: i for i, u in enumerate(units)}
    groups: dict[str, list[EnrolmentCandidate]] = {}
    for c in sorted(candidates, key=lambda c: order[code_of[c.unit_id]]):
        groups.setdefault(organisation(code_of[c.unit_id]), []).append(c)
    tree = tuple((u.code, u.parent) for u in units)
    out: list[Activity] = []
    heads: list[EnrolmentCandidate] = []
    for group in groups.values():
        rows = [(c.nip, code_of[c.unit_id], c.jabatan_kind, c.is_head) for c in group + heads]
        out.append(s.Enrol(on, year, tuple(rows), tree, len(group)))
        heads += [c for c in group if c.is_head]
    return out


def _groups(
    units: Sequence[CreateUnit], unit_id: dict[str, UUID], roster: Sequence[Serving]
) -> dict[str, str]:
    """Each staffed unit's code → the code of the unit it is evaluated with (small units)."""
    sizes: dict[UUID, int] = {}
    for r in roster:
        sizes[unit_id[r.unit]] = sizes.get(unit_id[r.unit], 0) + 1
    parents = {unit_id[u.code]: unit_id[u.parent] if u.parent else None for u in units}
    code_of = {uid: code for code, uid in unit_id.items()}
    groups = evaluation_groups(NATIONAL_POLICY.small_unit_min_staff, parents, sizes)
    return {code_of[unit]: code_of[top] for unit, top in groups.items()}


def _year_end(
    roster: Sequence[Serving],
    org_ratings: dict[str, OrgRating],
    groups: dict[str, str],
    rated: dict[str, Ratings],
    heads: dict[str, str],
    year: int,
    rng: random.Random,
    *,
    finished: bool,
) -> list[Activity]:
    """Potential assessments; after the year: organisation ratings, the calibrations of each
    unit group and (if `finished`) the finalisation."""
    out: list[Activity] = []
    for r in roster:
        if r.employment_type == "PNS" and rng.random() < POTENTIAL:
            potensial = rng.choices([p for p, _ in POTENSIAL], [w for _, w in POTENSIAL])[0]
            out.append(assessment.AssessPotential(date(year, 12, 20), year, r.nip, potensial))
    for code, org_rating in org_ratings.items():
        rating = org_rating.value
        out.append(assessment.RateOrganisation(date(year + 1, 1, 10), year, code, rating))
    members: dict[str, list[tuple[str, Ratings]]] = {top: [] for top in groups.values()}
    for r in roster:
        members[groups[r.unit]].append((r.nip, rated[r.nip]))
    for top, group in members.items():
        for change in calibrate_group(org_ratings[top], group, rng, heads=heads):
            rated[change.nip] = change.ratings
            on = date(year + 1, 1, 12)
            out.append(assessment.Calibrate(on, year, change.nip, change.ratings, change.reason))
    if finished:
        out.append(assessment.Finalise(FINALISED.replace(year=year + 1), year, len(roster)))
    return out


def _objections(
    roster: Sequence[Serving],
    rated: dict[str, Ratings],
    superior: dict[str, str | None],
    year: int,
    *,
    rng: random.Random,
) -> list[Activity]:
    """Keberatan within the window, decided in January."""
    out: list[Activity] = []
    for r in roster:
        by = superior[r.nip]
        if by is None or predikat_of(rated[r.nip]) not in BELOW_BAIK or rng.random() >= OBJECTING:
            continue
        reasons = rng.choice(OBJECTION_REASONS)
        out.append(assessment.FileObjection(_day(rng, year + 1, 1, 16, 26), year, r.nip, reasons))
        decided = _day(rng, year + 1, 2, 2, 12)
        if rng.random() < UPHELD:
            why = "Keberatan diterima: bukti dukung tambahan menunjukkan target tercapai"
            out.append(
                assessment.DecideObjection(decided, year, r.nip, by, ("SESUAI", "SESUAI"), why)
            )
        else:
            why = "Keberatan ditolak: penilaian telah sesuai bukti dukung dan hasil kalibrasi"
            out.append(assessment.DecideObjection(decided, year, r.nip, by, None, why))
    return out


def _day(rng: random.Random, year: int, month: int, first: int, last: int) -> date:
    return date(year, month, rng.randint(first, last))
