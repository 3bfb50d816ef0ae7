"""What the portals send: one document per feature, exactly as a portal would send it, with
variables picked from the data set (issue 17's read benchmark).

HR's admin portal reads as the biggest tenant's HR officer; the oversight portal's document
(`employeeEvents`) as its auditor. Each document has a plain endpoint of the same name under
`/plain/portal/` (scripts/bench/plain_*.py) taking the same variables.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import psycopg

from access.dev_issuer import DevIssuer
from access.roles import Role
from projections.base import READ_SCHEMA
from scripts.bench.identity import ISSUER_URL, TOKEN_TTL, key_path
from scripts.bench.targets import PAGE_SIZE, Targets, pick_targets
from services.database import Database
from services.ledger.schema import SCHEMA as LEDGER_SCHEMA

EMPLOYEE_RECORD = """query EmployeeRecord($nip: String!, $year: Int!) { employee(nip: $nip) {
 id nip name golongan pangkat status jabatan { kind title jenjang }
 careerHistory { position kind effectiveOn golongan jabatanTitle unitId detail }
 leaveRecords { position leaveType start end days reason }
 leaveBalance(year: $year) { year entitlement carriedOver used remaining } } }"""
FILTERED_PAGE = """query FilteredPage($unitId: ID!, $filter: EmployeeFilter) {
 employees(unitId: $unitId, filter: $filter, first: 50) { totalCount
 pageInfo { hasNextPage endCursor } edges { cursor node { id nip name golongan pangkat status
 jabatan { title } unit { id code name } } } } }"""
UNIT_TREE = """query UnitTree { unitTree(first: 250) {
 id code name kind parentId depth headCount } }"""
SCORE_EXPLANATION = """query ScoreExplanation($cycleId: ID!, $nip: String!) {
 scoreExplanation(cycleId: $cycleId, nip: $nip) { orgRating rulesVersion annualPredikatPosition
 matrixCell { hasilKerja perilakuKerja predikat }
 feedbackSummary { source count averageScore positions }
 appraisal { nip year unitId appraiser skpStatus annualPredikat potensial lastPosition
 ratings { checkpoint hasilKerja perilakuKerja justification author calibrated position }
 predikat { checkpoint predikat hasilKerja perilakuKerja rulesVersion sourcePositions position }
 calibrations { checkpoint hasilKerja perilakuKerja actor reason position } } } }"""
CYCLE_SUMMARY = """query CycleSummary($cycleId: ID!) { appraisalCycleSummary(cycleId: $cycleId) {
 cycle { id year period enrolled finalisedOn rulesVersion }
 progress { enrolled skpApproved assessed finalised objectionsOpen }
 units { unitId orgRating total inBand counts { predikat count }
 failures { condition count total percent } progress { enrolled assessed finalised } }
 outstanding { actor action nip } } }"""
TALENT_GRID = """query TalentGrid($cycleId: ID!) {
 talentGrid(cycleId: $cycleId, first: 500) { nip unitId predikat kinerja potensial box
 recommendation inTalentPool rulesVersion } }"""
TRAINING_YEAR = """query TrainingYear($nip: String!, $year: Int!) {
 trainingYear(nip: $nip, year: $year) { nip year earned target status statusBasis
 byForm { key jp } byCompetency { key jp }
 credits { position jp form competencyCodes completedOn sourceKind title } } }"""
COMPLIANCE = """query Compliance($unitId: ID, $year: Int!) {
 trainingCompliance(unitId: $unitId, year: $year) { year statusBasis employeeCount met onTrack
 atRisk complianceRate distribution { band employees }
 employeesAtRisk { nip name unitId earned status } programmeFillRate programmeCompletionRate } }"""
COMPETENCY_GAPS = """query CompetencyGaps($unitId: ID) {
 competencyGaps(unitId: $unitId, first: 50) { competencyCode competencyName employeesMissing
 nips programmes { id title competencyCodes } } }"""
EMPLOYEE_EVENTS = """query EmployeeEvents($nip: String!) {
 employeeEvents(nip: $nip, first: 100) { position aggregate aggregateId version type
 recordedAt actorId actorRole reason payload } }"""
EMPLOYEE_CHANGES = """query EmployeeChanges($nip: String!, $from: DateTime!) {
 employeeChanges(nip: $nip, from: $from) { asOf { position knownAt validOn }
 changes { position kind effectiveOn recordedAt retroactive actorId actorRole reason detail } } }"""
LEDGER_CHECKPOINT = """query LedgerCheckpoint { ledgerCheckpoint {
 size root note issuedAt witnessed cosignatures } }"""
INCLUSION_PROOF = """query InclusionProof($position: Int!, $treeSize: Int!) {
 inclusionProof(position: $position, treeSize: $treeSize) {
 position leafIndex treeSize hashes } }"""

SINCE = "2000-01-01T00:00:00+00:00"  # employeeChanges: everything recorded since


@dataclass(frozen=True)
class PortalDocument:
    """One document, who sends it, and the variables its requests cycle through."""

    key: str
    title: str
    text: str
    role: Role
    variables: list[dict[str, Any]]
    # Arguments written into the text (a page size, as portals write it, so the cost limit
    # counts it rather than the list's maximum), which the plain endpoint is sent as values.
    arguments: dict[str, Any] = field(default_factory=dict)

    @property
    def plain_path(self) -> str:
        return f"/plain/portal/{self.key}"

    def graphql_bodies(self) -> list[str]:
        return [json.dumps({"query": self.text, "variables": v}) for v in self.variables]

    def plain_bodies(self) -> list[str]:
        return [json.dumps(self.arguments | v) for v in self.variables]


@dataclass(frozen=True)
class PortalTargets:
    """What the documents ask about: the tenant's people and units, a finalised appraisal
    cycle and who holds an annual predikat in it, and the ledger's latest checkpoint."""

    targets: Targets
    cycle_id: str
    cycle_year: int
    appraised: list[str]
    tree_size: int
    positions: list[int]


def pick_portal_targets(database: Database, samples: int = 20) -> PortalTargets:
    """The biggest tenant (targets.py); its latest finalised cycle (else its latest one);
    `samples` employees with an annual predikat in it, spread by NIP; and events in the
    ledger's latest checkpoint."""
    targets = pick_targets(database, nips=samples)
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        cycle = conn.execute(
            f"SELECT id, year FROM {READ_SCHEMA}.appraisal_cycles WHERE tenant = %s "
            "ORDER BY finalised_on IS NULL, year DESC LIMIT 1",
            (targets.tenant,),
        ).fetchone()
        if cycle is None:
            raise LookupError(f"{targets.tenant} has no appraisal cycle: generate data first.")
        appraised = [
            str(r[0])
            for r in conn.execute(
                f"SELECT nip FROM {READ_SCHEMA}.appraisals WHERE cycle_id = %s "
                "AND annual_predikat IS NOT NULL ORDER BY nip",
                (cycle[0],),
            )
        ]
        size = conn.execute(f"SELECT max(size) FROM {LEDGER_SCHEMA}.checkpoints").fetchone()
        tree_size = int(size[0]) if size and size[0] else 0
        step = max(1, tree_size // samples)
        positions = [
            int(r[0])
            for r in conn.execute(
                f"SELECT position FROM {LEDGER_SCHEMA}.leaves WHERE idx = ANY(%s) ORDER BY idx",
                (list(range(0, tree_size, step))[:samples],),
            )
        ]
    if not appraised or not positions:
        raise LookupError("No annual predikat or no ledger checkpoint in the data set.")
    spread = appraised[:: max(1, len(appraised) // samples)][:samples]
    return PortalTargets(targets, str(cycle[0]), int(cycle[1]), spread, tree_size, positions)


def portal_documents(found: PortalTargets) -> list[PortalDocument]:
    """The benchmark's documents, one per feature, with their variables."""
    t = found.targets
    nips = [{"nip": n} for n in t.nips]
    units = [str(u) for u in t.unit_ids]
    year, cycle = found.cycle_year, {"cycleId": found.cycle_id}
    hr, auditor = Role.HR_OFFICER, Role.AUDITOR
    page_filter = {"employmentType": "PNS", "status": "ACTIVE"}
    return [
        PortalDocument("employee_record", "an employee with career and leave", EMPLOYEE_RECORD,
                       hr, [n | {"year": year} for n in nips]),
        PortalDocument("filtered_page", "a filtered page of 50 (PNS, active)", FILTERED_PAGE, hr,
                       [{"unitId": u, "filter": page_filter} for u in units], {"first": PAGE_SIZE}),
        PortalDocument("unit_tree", "the unit tree (250)", UNIT_TREE, hr, [{}], {"first": 250}),
        PortalDocument("score_explanation", "an appraisal with its scoreExplanation",
                       SCORE_EXPLANATION, hr, [cycle | {"nip": n} for n in found.appraised]),
        PortalDocument("cycle_summary", "a cycle summary with unit distributions",
                       CYCLE_SUMMARY, hr, [cycle]),
        PortalDocument("training_year", "a trainingYear", TRAINING_YEAR, hr,
                       [n | {"year": year} for n in nips]),
        PortalDocument("training_compliance", "trainingCompliance of a dinas", COMPLIANCE, hr,
                       [{"unitId": u, "year": year} for u in units]),
        PortalDocument("competency_gaps", "competencyGaps of a dinas", COMPETENCY_GAPS, hr,
                       [{"unitId": u} for u in units], {"first": 50}),
        PortalDocument("talent_grid", "the talentGrid", TALENT_GRID, hr,
                       [cycle], {"first": 500}),
        PortalDocument("employee_events", "employeeEvents (auditor)", EMPLOYEE_EVENTS, auditor,
                       nips, {"first": 100}),
        PortalDocument("employee_changes", "employeeChanges (time travel)", EMPLOYEE_CHANGES,
                       hr, [n | {"from": SINCE} for n in nips]),
        PortalDocument("ledger_checkpoint", "ledgerCheckpoint", LEDGER_CHECKPOINT, hr, [{}]),
        PortalDocument("inclusion_proof", "inclusionProof", INCLUSION_PROOF, hr,
                       [{"position": p, "treeSize": found.tree_size} for p in found.positions]),
    ]  # fmt: skip


def role_headers(tenant: str, role: Role) -> dict[str, str]:
    """A caller of `tenant` in `role`, with a development-issuer token the servers accept."""
    issuer = DevIssuer.load_or_create(key_path(), ISSUER_URL)
    token = issuer.mint(f"bench-{role.value}", [role.value], tenant, ttl=TOKEN_TTL)
    return {"Authorization": f"Bearer {token}"}
