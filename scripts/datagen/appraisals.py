"""A tenant's appraisal year (PermenPANRB 6/2022), planned from the careers.

HR opens the cycle on 2 January for the units with staff and enrols, organisation by
organisation, everyone serving the whole year, with appraisers derived from the unit tree by
the rules the service's feeder uses (the regional head, no ASN, is set by hand as the
appraiser at the top). The employee's own year, with some quarterly checkpoint ratings, is in
`appraisal_year`; in December come the annual ratings, some potential assessments, the
organisation ratings and the calibrations the bands need, then finalisation on 30 December.
A few employees rated below Baik object within the window; the superior decides in January.
The current year is planned without its finalisation and objections: it is not over (the plan
leaves out what lies after its end).
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
from domain.scoring import Predikat
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
    calibrate_unit,
    draw_ratings,
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
    rated: dict[str, Ratings] = {}
    for r in roster:
        by = appraiser[r.nip] or head_of_region  # set above where None
        out += employee_year(r, year, by, region.tenant, rng)
        rated[r.nip] = draw_ratings(rng, r.nip in sanctioned)
        out.append(
            assessment.Rate(
                _day(rng, year, 12, 8, 19),
                year,
                r.nip,
                by,
                rated[r.nip],
                justification(predikat_of(rated[r.nip]), rng),
            )
        )
    out += colleagues_and_public(roster, appraiser, {u.code: u.kind for u in units}, year, rng)
    out += unit_surveys(units, year, region.tenant)  # its own random stream
    out += checkpoint_ratings(roster, appraiser, year, checkpoints)
    out += _year_end(roster, staffed, rated, year, rng, finished=finished)
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


def _year_end(
    roster: Sequence[Serving],
    staffed: Sequence[str],
    rated: dict[str, Ratings],
    year: int,
    rng: random.Random,
    *,
    finished: bool,
) -> list[Activity]:
    """Potential assessments, organisation ratings, calibrations and (if `finished`) the
    finalisation."""
    out: list[Activity] = []
    for r in roster:
        if r.employment_type == "PNS" and rng.random() < POTENTIAL:
            potensial = rng.choices([p for p, _ in POTENSIAL], [w for _, w in POTENSIAL])[0]
            out.append(assessment.AssessPotential(date(year, 12, 20), year, r.nip, potensial))
    members: dict[str, list[tuple[str, Ratings]]] = {code: [] for code in staffed}
    for r in roster:
        members[r.unit].append((r.nip, rated[r.nip]))
    for code in staffed:
        org_rating = org_rating_for(len(members[code]), rng)
        out.append(assessment.RateOrganisation(date(year, 12, 22), year, code, org_rating.value))
        for change in calibrate_unit(org_rating, members[code], rng):
            rated[change.nip] = change.ratings
            on = date(year, 12, 23)
            out.append(assessment.Calibrate(on, year, change.nip, change.ratings, change.reason))
    if finished:
        out.append(assessment.Finalise(date(year, 12, 30), year, len(roster)))
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
        out.append(assessment.FileObjection(_day(rng, year + 1, 1, 2, 10), year, r.nip, reasons))
        decided = _day(rng, year + 1, 1, 13, 24)
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
