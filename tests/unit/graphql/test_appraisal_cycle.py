"""Appraisal cycles through the GraphQL schema, on a real AppraisalApplication in memory.

One Dinas with one Bidang taking part: KEPALA heads the Dinas, KABID the Bidang, with two
pelaksana, STAFF and PEER. Derived chains: STAFF → KABID → KEPALA; KABID → KEPALA → none.
The enrolment feeder's read-model queries are replaced by the staff below.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import pytest

from domain.aggregates.employee import Employee
from domain.aggregates.org_unit import OrgUnit
from domain.appraisal import BERAKHLAK, UnitNode
from domain.appraisal_enrolment import StaffMember
from domain.meta import EventMeta
from graphql_api.context import Context, Loaders
from services.appraisal import AppraisalApplication
from tests.tenants import register_in
from tests.unit.graphql.conftest import (
    NOW,
    TENANT,
    FakeRuntime,
    codes,
    execute,
    identity_of,
    make_context,
)
from tests.unit.graphql.conftest import unit_row as make_unit

DINAS = make_unit("DINAS")
BIDANG = make_unit("BIDANG", DINAS)
KEPALA, KABID = "197001012000031001", "197502022001121002"
STAFF, PEER = "198609262015051001", "199001012019032004"
PEOPLE = [
    (KEPALA, DINAS, "JPT_PRATAMA", "Kepala Dinas Pendidikan"),
    (KABID, BIDANG, "ADMINISTRATOR", "Kepala Bidang Pembinaan SD"),
    (STAFF, BIDANG, "PELAKSANA", "Pengadministrasi Umum"),
    (PEER, BIDANG, "PELAKSANA", "Pengelola Data"),
]
STAFF_ROWS = [StaffMember(Employee.id_for(n), n, u.id, k, t) for n, u, k, t in PEOPLE]

OPEN = """mutation($input: OpenAppraisalCycleInput!) {
  openAppraisalCycle(input: $input) { cycleId version position } }"""
ENROL = """mutation($cycleId: ID!) {
  enrolUnits(input: {cycleId: $cycleId}) { cycleId version position } }"""
DRAFT = """mutation($input: DraftSkpInput!) { draftSkp(input: $input) { appraisalId position } }"""
APPROVE = """mutation($cycleId: ID!, $nip: String!) {
  approveSkp(input: {cycleId: $cycleId, nip: $nip}) { position } }"""
RATE = """mutation($cycleId: ID!, $nip: String!, $hasil: Rating!, $perilaku: Rating!) {
  rateEmployee(input: {cycleId: $cycleId, nip: $nip, checkpoint: "ANNUAL", hasilKerja: $hasil,
    perilakuKerja: $perilaku, justification: "Semua target utama tercapai tepat waktu."}) {
    position } }"""
RATE_UNIT = """mutation($cycleId: ID!, $unitId: ID!, $rating: OrgRating!) {
  rateOrganisation(input: {cycleId: $cycleId, unitId: $unitId, rating: $rating}) { position } }"""
FINALISE = """mutation($cycleId: ID!) {
  finaliseAppraisalCycle(input: {cycleId: $cycleId}) { cycleId position } }"""
OBJECT = """mutation($cycleId: ID!, $nip: String!) { fileObjection(input: {cycleId: $cycleId,
  nip: $nip, reasons: "Realisasi triwulan IV belum diperhitungkan."}) { position } }"""
FEEDBACK = """mutation($cycleId: ID!, $nip: String!) { giveFeedback(input: {cycleId: $cycleId,
  nip: $nip, text: "Sangat membantu rekan kerja.", behaviour: "KOLABORATIF"}) { position } }"""
RECOMPUTE = """query($cycleId: ID!) { recomputeCycle(cycleId: $cycleId) {
  finalised checked differences { nip checkpoint recorded recomputed } } }"""


@dataclass
class Clock:
    now: datetime = NOW

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def appraisal_runtime(
    runtime: FakeRuntime, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> FakeRuntime:
    """The fake runtime with an appraisal application and the feeder reading STAFF_ROWS."""

    async def unit_nodes(_: Any, tenant: str) -> list[UnitNode]:
        return [UnitNode(DINAS.id, None), UnitNode(BIDANG.id, DINAS.id)]

    async def active_staff(_: Any, tenant: str, unit_ids: list[UUID]) -> list[StaffMember]:
        return [s for s in STAFF_ROWS if s.unit_id in unit_ids]

    monkeypatch.setattr("graphql_api.appraisal.mutations.unit_nodes", unit_nodes)
    monkeypatch.setattr("graphql_api.appraisal.mutations.active_staff", active_staff)
    runtime.appraisal = AppraisalApplication(clock=clock)
    given_the_tenant(runtime.appraisal)
    return runtime


def given_the_tenant(app: AppraisalApplication) -> None:
    """The registered tenant with DINAS and BIDANG, recorded in the application's own
    in-memory store as the tenants and personnel applications would record them."""
    register_in(app, TENANT)
    meta = EventMeta("hr-1", "hr_officer", TENANT, "test-setup")
    for row in (DINAS, BIDANG):
        app.save(
            OrgUnit.create(
                code=row.code, name=row.name, kind=row.kind, parent_id=row.parent_id,
                at=datetime(2025, 1, 1, tzinfo=UTC), meta=meta,
            )
        )  # fmt: skip


def asn(runtime: FakeRuntime, nip: str) -> Context:
    """The context of an ASN acting under their NIP."""
    return Context(
        runtime=runtime,  # type: ignore[arg-type]
        identity=identity_of("employee", TENANT, user=nip, nip=nip),
        correlation_id="test-correlation",
        loaders=Loaders.for_request(runtime.pool),
    )


async def ok(context: Context, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    result = await execute(context, query, variables)
    assert result.errors is None, result.errors
    [payload] = result.data.values()
    return dict(payload)


def skp(cycle_id: str, nip: str) -> dict[str, Any]:
    row = {"kind": "UTAMA", "rencanaHasilKerja": "Tersusunnya laporan data pendidikan",
           "aspect": "KUANTITAS", "indikator": "Jumlah laporan", "target": "12"}  # fmt: skip
    perilaku = [{"behaviour": b, "expectation": ""} for b in BERAKHLAK]
    return {"input": {"cycleId": cycle_id, "nip": nip, "hasilKerja": [row], "perilaku": perilaku}}


async def planned_cycle(runtime: FakeRuntime) -> str:
    """Open, enrol and approve every SKP of the Bidang; returns the cycle id."""
    hr = make_context(runtime)
    opened = {"year": 2025, "period": "QUARTERLY", "unitIds": [str(BIDANG.id)]}
    cycle_id = str((await ok(hr, OPEN, {"input": opened}))["cycleId"])
    await ok(hr, ENROL, {"cycleId": cycle_id})
    for nip, appraiser in ((KABID, KEPALA), (STAFF, KABID), (PEER, KABID)):
        await ok(asn(runtime, nip), DRAFT, skp(cycle_id, nip))
        await ok(asn(runtime, appraiser), APPROVE, {"cycleId": cycle_id, "nip": nip})
    return cycle_id


async def rate_everyone(runtime: FakeRuntime, cycle_id: str, org: str = "ISTIMEWA") -> None:
    for nip, appraiser in ((KABID, KEPALA), (STAFF, KABID), (PEER, KABID)):
        rated = {"cycleId": cycle_id, "nip": nip, "hasil": "SESUAI", "perilaku": "SESUAI"}
        await ok(asn(runtime, appraiser), RATE, rated)
    rating = {"cycleId": cycle_id, "unitId": str(BIDANG.id), "rating": org}
    await ok(make_context(runtime), RATE_UNIT, rating)


async def test_enrolment_derives_each_appraiser_from_the_heads_of_the_unit_tree(
    appraisal_runtime: FakeRuntime,
) -> None:
    cycle_id = await planned_cycle(appraisal_runtime)
    cycle = appraisal_runtime.appraisal.get_cycle(
        make_context(appraisal_runtime).caller, UUID(cycle_id)
    )
    chains = {e["nip"]: (e["appraiser"], e["superior"]) for e in cycle.roster.values()}
    assert chains == {KABID: (KEPALA, None), STAFF: (KABID, KEPALA), PEER: (KABID, KEPALA)}


async def test_every_command_of_a_cycle_returns_a_growing_log_position(
    appraisal_runtime: FakeRuntime,
) -> None:
    cycle_id = await planned_cycle(appraisal_runtime)
    await rate_everyone(appraisal_runtime, cycle_id)
    first = await ok(make_context(appraisal_runtime), FINALISE, {"cycleId": cycle_id})
    objected = await ok(asn(appraisal_runtime, STAFF), OBJECT, {"cycleId": cycle_id, "nip": STAFF})
    assert 0 < first["position"] < objected["position"]


async def test_rating_before_the_skp_is_approved_is_refused_with_its_code(
    appraisal_runtime: FakeRuntime,
) -> None:
    hr = make_context(appraisal_runtime)
    opened = {"year": 2025, "period": "QUARTERLY", "unitIds": [str(BIDANG.id)]}
    cycle_id = (await ok(hr, OPEN, {"input": opened}))["cycleId"]
    await ok(hr, ENROL, {"cycleId": cycle_id})
    rated = {"cycleId": cycle_id, "nip": STAFF, "hasil": "SESUAI", "perilaku": "SESUAI"}
    result = await execute(asn(appraisal_runtime, KABID), RATE, rated)
    assert codes(result) == ["SKP_NOT_APPROVED"]


async def test_finalising_a_unit_out_of_its_band_is_refused_with_its_code(
    appraisal_runtime: FakeRuntime,
) -> None:
    cycle_id = await planned_cycle(appraisal_runtime)
    await rate_everyone(appraisal_runtime, cycle_id, org="BAIK")  # all BAIK: over 70%
    result = await execute(make_context(appraisal_runtime), FINALISE, {"cycleId": cycle_id})
    assert codes(result) == ["DISTRIBUTION_OUT_OF_BAND"]


async def test_an_objection_after_fourteen_days_is_refused_with_its_code(
    appraisal_runtime: FakeRuntime, clock: Clock
) -> None:
    cycle_id = await planned_cycle(appraisal_runtime)
    await rate_everyone(appraisal_runtime, cycle_id)
    await ok(make_context(appraisal_runtime), FINALISE, {"cycleId": cycle_id})
    clock.now += timedelta(days=15)
    result = await execute(
        asn(appraisal_runtime, STAFF), OBJECT, {"cycleId": cycle_id, "nip": STAFF}
    )
    assert codes(result) == ["OBJECTION_WINDOW_CLOSED"]


async def test_feedback_on_a_finalised_cycle_is_refused_with_its_code(
    appraisal_runtime: FakeRuntime,
) -> None:
    cycle_id = await planned_cycle(appraisal_runtime)
    await rate_everyone(appraisal_runtime, cycle_id)
    await ok(make_context(appraisal_runtime), FINALISE, {"cycleId": cycle_id})
    result = await execute(
        asn(appraisal_runtime, PEER), FEEDBACK, {"cycleId": cycle_id, "nip": STAFF}
    )
    assert codes(result) == ["CYCLE_LOCKED"]


async def test_recomputing_a_finalised_cycle_finds_no_difference(
    appraisal_runtime: FakeRuntime,
) -> None:
    cycle_id = await planned_cycle(appraisal_runtime)
    await rate_everyone(appraisal_runtime, cycle_id)
    await ok(make_context(appraisal_runtime), FINALISE, {"cycleId": cycle_id})
    result = await execute(make_context(appraisal_runtime), RECOMPUTE, {"cycleId": cycle_id})
    assert result.errors is None
    assert result.data["recomputeCycle"] == {"finalised": True, "checked": 3, "differences": []}


async def test_an_employee_may_not_recompute_a_cycle(appraisal_runtime: FakeRuntime) -> None:
    cycle_id = await planned_cycle(appraisal_runtime)
    result = await execute(asn(appraisal_runtime, STAFF), RECOMPUTE, {"cycleId": cycle_id})
    assert codes(result) == ["FORBIDDEN"]
