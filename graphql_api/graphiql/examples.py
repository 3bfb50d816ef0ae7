"""The tabs GraphiQL opens with: what the portals ask most, so a first query is one click away.

Each document is one the portals send (tests/unit/graphql/portal_documents.py has them), with
an operation name for the tab's title and comments saying what it shows; each stays within
the request limits (graphql_api/limits.py), which a test checks. The variables are the demo
data's when `jejak serve` knows them, else placeholders to replace.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

EMPLOYEE = """# An employee's record: jabatan, unit, golongan, career, leave.
query Employee($nip: String!, $year: Int!) {
  employee(nip: $nip) {
    nip name employmentType golongan pangkat status appointedOn
    jabatan { kind title jenjang }
    unit { code name headCount }
    careerHistory { kind effectiveOn golongan jabatanTitle detail actorId }
    leaveRecords { leaveType start days }
    leaveBalance(year: $year) { used remaining }
  }
}
"""

UNIT_PAGE = """# A page of a unit kerja's employees (sub-units too), by NIP.
# Next page: set "after" to pageInfo.endCursor.
# Unit ids: { unitTree { id code name } }
query UnitPage($unitId: ID!, $first: Int!, $after: String) {
  employees(unitId: $unitId, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { nip name golongan jabatan { title } unit { code name } } }
  }
}
"""

SCORE_EXPLANATION = """# Why an employee has their predikat: targets, evidence, feedback,
# ratings, calibrations, the matrix cell; each with its log position.
query ScoreExplanation($cycleId: ID!, $nip: String!) {
  scoreExplanation(cycleId: $cycleId, nip: $nip) {
    rulesVersion annualPredikatPosition orgRating
    matrixCell { hasilKerja perilakuKerja predikat }
    feedbackSummary { source count averageScore }
    appraisal {
      year skpStatus annualPredikat
      skp { approvedBy hasilKerja { no rencanaHasilKerja target } }
      realisations { checkpoint row realisation evidenceLink position }
      ratings { checkpoint hasilKerja perilakuKerja justification author position }
      predikat { checkpoint predikat rulesVersion sourcePositions }
      calibrations { hasilKerjaBefore hasilKerja actor reason position }
      objection { status decidedBy }
    }
  }
}
"""

TRAINING_YEAR = """# An employee's JP of a year against the 20 JP rule; each credit
# names the log position of the event that granted it.
query TrainingYear($nip: String!, $year: Int!) {
  trainingYear(nip: $nip, year: $year) {
    earned target status statusBasis
    byForm { key jp }
    credits { position jp form sourceKind title competencyCodes }
    history { seat jp certificateRef programme { title } }
    mentorings { status loggedMinutes jp }
    externalLearning { title decision jp }
  }
}
"""

EVIDENCE_BUNDLE = """# Their appraisal in the cycle as evidence: the events as stored, each
# with an inclusion proof against a signed checkpoint (witnessed, with
# witnesses configured). Check it offline, with no Jejak and no database:
# save data.evidenceBundle (or GET /ledger/evidence/<nip>.json?cycleId=…)
# as bundle.json, then
#   jejak-verify bundle.json --log-key <the key `jejak serve` printed>
# Without cycleId: every event of the person. Newer events: "pending".
query EvidenceBundle($nip: String!, $cycleId: ID) {
  evidenceBundle(nip: $nip, cycleId: $cycleId)
}
"""

PLACEHOLDER_ID = "00000000-0000-0000-0000-000000000000"


@dataclass(frozen=True)
class ExampleValues:
    """The variables of the example tabs: the demo data's, or placeholders to replace."""

    nip: str = "199001012015031001"
    unit_id: str = PLACEHOLDER_ID
    cycle_id: str = PLACEHOLDER_ID
    year: int = 2025


@dataclass(frozen=True)
class Tab:
    """A GraphiQL tab: its document and its variables as the editor shows them (JSON)."""

    query: str
    variables: str


def example_tabs(values: ExampleValues, note: str = "") -> list[Tab]:
    """The five tabs, `note` (a comment line or two) heading the first."""
    tabs: list[tuple[str, dict[str, Any]]] = [
        (EMPLOYEE, {"nip": values.nip, "year": values.year}),
        (UNIT_PAGE, {"unitId": values.unit_id, "first": 20, "after": None}),
        (SCORE_EXPLANATION, {"cycleId": values.cycle_id, "nip": values.nip}),
        (TRAINING_YEAR, {"nip": values.nip, "year": values.year}),
        (EVIDENCE_BUNDLE, {"nip": values.nip, "cycleId": values.cycle_id}),
    ]
    return [
        Tab(note + query if i == 0 else query, json.dumps(variables, indent=2))
        for i, (query, variables) in enumerate(tabs)
    ]
