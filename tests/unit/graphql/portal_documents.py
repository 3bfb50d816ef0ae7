"""The documents portals send, which every request limit must let through with little room.

Taken from the e2e tests and the benchmark (what the portals and the README walk-throughs
send); where no test sends a portal's screen yet (the unit tree, an appraisal, a cycle summary,
the talent grid), the document asks for every field the screen shows. The careers of a page
is the document of tests/unit/graphql/test_employee_queries.py. The GraphiQL
introspection query is here too: the IDE at /graphql must keep working.
"""

from __future__ import annotations

from graphql import get_introspection_query

from scripts.bench.queries import CAREER as BENCH_CAREER
from scripts.bench.queries import EMPLOYEE as BENCH_EMPLOYEE
from scripts.bench.queries import PAGE as BENCH_PAGE
from tests.e2e.test_appraisal_cycle import DRAFT, EXPLAIN, RECOMPUTE
from tests.e2e.test_appraisal_cycle import SUMMARY as UNIT_SUMMARY_AND_GRID
from tests.e2e.test_audit import EVENTS
from tests.e2e.test_employees import EMPLOYEE
from tests.e2e.test_generated_region import EVENTS as EVENTS_1000
from tests.e2e.test_listing import PAGE
from tests.e2e.test_training_external_learning import SUBMISSIONS
from tests.e2e.test_training_programmes import PROGRAMME
from tests.e2e.test_training_reports import COMPLIANCE, GAPS
from tests.e2e.training_steps import TRAINING_YEAR
from tests.unit.graphql.test_units import TREE as UNIT_TREE_WITH_CHILDREN

UNIT_TREE = """query UnitTree { unitTree { id code name kind parentId depth headCount } }"""

UNIT_CHILDREN = """query UnitChildren($root: ID!) { unitTree(rootId: $root, first: 1) {
  id code name kind headCount children { id code name kind headCount } } }"""

CAREERS_OF_A_PAGE = """query($unit: ID!) { employees(unitId: $unit) { edges { node {
  careerHistory { kind effectiveOn golongan detail unit { code } } } } } }"""

APPRAISAL = """query Appraisal($cycleId: ID!, $nip: String!) {
  appraisal(cycleId: $cycleId, nip: $nip) {
  cycleId year nip unitId appraiser superior skpStatus annualPredikat potensial lastPosition
  skp { revision draftedBy draftedPosition approvedOn approvedLate approvedBy approvedPosition
    hasilKerja { no kind rencanaHasilKerja aspect indikator target rhkPimpinan }
    perilaku { behaviour expectation } }
  realisations { checkpoint row realisation evidenceLink evidenceDocument note position }
  feedback { source checkpoint row behaviour text score giver position }
  ratings { checkpoint hasilKerja perilakuKerja justification author calibrated position }
  predikat { checkpoint predikat hasilKerja perilakuKerja rulesVersion sourcePositions position }
  calibrations { checkpoint hasilKerjaBefore perilakuKerjaBefore hasilKerja perilakuKerja actor
    reason position }
  objection { status reasons receivedOn filedOn day filedPosition decidedBy decisionReason
    hasilKerja perilakuKerja decidedPosition } } }"""

CYCLE_SUMMARY = """query CycleSummary($cycleId: ID!) { appraisalCycleSummary(cycleId: $cycleId) {
  cycle { id year period enrolled finalisedOn rulesVersion lastPosition }
  progress { enrolled skpApproved assessed finalised objectionsOpen }
  units { unitId orgRating total inBand counts { predikat count }
    failures { condition count total percent }
    progress { enrolled skpApproved assessed finalised objectionsOpen } }
  outstanding { actor action nip } } }"""

TALENT_GRID = """query TalentGrid($cycleId: ID!, $unitId: ID) {
  talentGrid(cycleId: $cycleId, unitId: $unitId) {
  nip unitId predikat kinerja potensial box recommendation inTalentPool rulesVersion } }"""

APPRAISAL_HISTORY = """query AppraisalHistory($nip: String!) { appraisalHistory(nip: $nip) {
  cycleId year skpStatus annualPredikat potensial
  predikat { checkpoint predikat hasilKerja perilakuKerja position } } }"""

PORTAL_DOCUMENTS: dict[str, str] = {
    "employee with career and leave": EMPLOYEE,
    "employee (bench)": BENCH_EMPLOYEE,
    "career history (bench)": BENCH_CAREER,
    "page of employees, $first": PAGE,
    "page of 50 employees (bench)": BENCH_PAGE,
    "unit tree": UNIT_TREE,
    "unit with children": UNIT_CHILDREN,
    "unit tree with children": UNIT_TREE_WITH_CHILDREN,
    "careers of a page of employees": CAREERS_OF_A_PAGE,
    "appraisal": APPRAISAL,
    "appraisal history": APPRAISAL_HISTORY,
    "scoreExplanation": EXPLAIN,
    "cycle summary": CYCLE_SUMMARY,
    "unit summary and talent grid": UNIT_SUMMARY_AND_GRID,
    "talentGrid": TALENT_GRID,
    "recomputeCycle": RECOMPUTE,
    "trainingYear": TRAINING_YEAR,
    "trainingCompliance": COMPLIANCE,
    "competencyGaps": GAPS,
    "trainingProgramme with roster": PROGRAMME,
    "externalLearningSubmissions": SUBMISSIONS,
    "employeeEvents": EVENTS,
    "employeeEvents, first 1000": EVENTS_1000,
    "draftSkp (mutation)": DRAFT,
}

GRAPHIQL_INTROSPECTION = get_introspection_query(
    descriptions=True,
    specified_by_url=True,
    directive_is_repeatable=True,
    schema_description=True,
    input_value_deprecation=True,
    one_of=True,
)
