"""A full appraisal cycle over HTTP for one unit of Pemkot Palangka Raya (a seed region).

Dinas Pendidikan (headed by KEPALA) with its Bidang Pembinaan SD taking part: KABID heads it,
three pelaksana work in it. Chains derived on enrolment: staff → KABID → KEPALA, KABID →
KEPALA. Each person acts under their NIP; HR opens, enrols, calibrates and finalises.
"""

from __future__ import annotations

from typing import Any

import pytest

from domain.appraisal import BERAKHLAK
from tests.e2e.conftest import HR, TENANT, Api
from tests.e2e.steps import APPOINT, CREATE_UNIT, appointment, nip_of
from tests.tokens import bearer

pytestmark = pytest.mark.e2e

YEAR = 2026
KEPALA, KABID, S1, S2, S3 = (nip_of(n) for n in (1, 2, 3, 4, 5))
FINGERPRINT = "9f2c" * 8  # a hashed token the public portal passes on, never a name

OPEN = """mutation($input: OpenAppraisalCycleInput!) {
  openAppraisalCycle(input: $input) { cycleId version position } }"""
ENROL = """mutation($cycleId: ID!) { enrolUnits(input: {cycleId: $cycleId}) { position } }"""
DRAFT = """mutation($input: DraftSkpInput!) { draftSkp(input: $input) { position } }"""
APPROVE = """mutation($input: AppraisalStepInput!) { approveSkp(input: $input) { position } }"""
REALISE = """mutation($input: RecordRealisationInput!) {
  recordRealisation(input: $input) { position } }"""
FEEDBACK = """mutation($input: GiveFeedbackInput!) { giveFeedback(input: $input) { position } }"""
PUBLIC = """mutation($input: MasyarakatRatingInput!) {
  receiveMasyarakatRating(input: $input) { position } }"""
RATE = """mutation($input: RateEmployeeInput!) { rateEmployee(input: $input) { position } }"""
RATE_UNIT = """mutation($input: RateOrganisationInput!) {
  rateOrganisation(input: $input) { position } }"""
CALIBRATE = """mutation($input: CalibrateRatingInput!) {
  calibrateRating(input: $input) { position } }"""
POTENTIAL = """mutation($input: AssessPotentialInput!) {
  assessPotential(input: $input) { position } }"""
FINALISE = """mutation($input: FinaliseCycleInput!) {
  finaliseAppraisalCycle(input: $input) { position } }"""
OBJECT = """mutation($input: FileObjectionInput!) { fileObjection(input: $input) { position } }"""
DECIDE = """mutation($input: DecideObjectionInput!) {
  decideObjection(input: $input) { position } }"""
EXPLAIN = """query($cycleId: ID!, $nip: String!) { scoreExplanation(cycleId: $cycleId, nip: $nip) {
  rulesVersion annualPredikatPosition orgRating
  matrixCell { hasilKerja perilakuKerja predikat }
  feedbackSummary { source count averageScore positions }
  appraisal { skpStatus annualPredikat
    skp { revision approvedLate approvedBy approvedPosition hasilKerja { no target } }
    realisations { checkpoint row evidenceLink position }
    feedback { source giver position }
    ratings { checkpoint hasilKerja perilakuKerja justification author calibrated position }
    predikat { checkpoint predikat rulesVersion sourcePositions position }
    calibrations { hasilKerjaBefore hasilKerja actor reason position }
    objection { status day decidedBy hasilKerja perilakuKerja decidedPosition } } } }"""
RECOMPUTE = """query($cycleId: ID!) { recomputeCycle(cycleId: $cycleId) {
  finalised checked differences { nip checkpoint recorded recomputed } } }"""
SUMMARY = """query($cycleId: ID!, $unitId: ID!) {
  unitAppraisalSummary(cycleId: $cycleId, unitId: $unitId) {
    orgRating total inBand counts { predikat count }
    progress { enrolled skpApproved assessed finalised objectionsOpen } }
  talentGrid(cycleId: $cycleId) { nip box inTalentPool potensial kinerja } }"""


def asn(nip: str) -> dict[str, str]:
    return bearer(nip, "employee", TENANT, nip=nip)


async def act(api: Api, query: str, input: dict[str, Any], by: str | None = None) -> int:
    """A command that must succeed, by HR or by the ASN with NIP `by`."""
    body = await api.graphql(query, {"input": input}, HR if by is None else asn(by))
    assert "errors" not in body, body["errors"]
    [payload] = body["data"].values()
    api.last_position = max(api.last_position, payload["position"])
    return int(payload["position"])


async def refused(api: Api, query: str, input: dict[str, Any], by: str | None = None) -> str:
    """A command that must fail: its code."""
    body = await api.graphql(query, {"input": input}, HR if by is None else asn(by))
    assert body["data"] is None
    return str(body["errors"][0]["extensions"]["code"])


async def staffed_bidang(api: Api) -> str:
    """The Dinas, its Bidang and their people; returns the Bidang's id."""
    dinas = {"code": "DISDIK", "name": "Dinas Pendidikan", "kind": "DINAS"}
    dinas_id = (await api.command(CREATE_UNIT, {"input": dinas}))["unitId"]
    bidang = {"code": "DISDIK-SD", "name": "Bidang Pembinaan SD", "kind": "BIDANG"}
    bidang_id = str(
        (await api.command(CREATE_UNIT, {"input": bidang | {"parentId": dinas_id}}))["unitId"]
    )
    people = [
        (1, dinas_id, "JPT_PRATAMA", "Kepala Dinas Pendidikan", "IV/c"),
        (2, bidang_id, "ADMINISTRATOR", "Kepala Bidang Pembinaan SD", "IV/a"),
        *((n, bidang_id, "PELAKSANA", "Pengadministrasi Umum", "III/a") for n in (3, 4, 5)),
    ]
    for serial, unit_id, kind, title, golongan in people:
        jabatan = {"kind": kind, "title": title}
        await api.command(
            APPOINT, {"input": appointment(serial, unit_id, jabatan=jabatan, golongan=golongan)}
        )
    return bidang_id


def skp(cycle_id: str, nip: str) -> dict[str, Any]:
    row = {"kind": "UTAMA", "rencanaHasilKerja": "Terlaksananya pembinaan guru SD",
           "aspect": "KUANTITAS", "indikator": "Sekolah dibina", "target": "24"}  # fmt: skip
    perilaku = [{"behaviour": b, "expectation": "Sesuai panduan perilaku"} for b in BERAKHLAK]
    return {"cycleId": cycle_id, "nip": nip, "hasilKerja": [row], "perilaku": perilaku}


def rating(cycle_id: str, nip: str, hasil: str, perilaku: str) -> dict[str, Any]:
    why = "Capaian dibandingkan ekspektasi pimpinan pada akhir tahun."
    return {"cycleId": cycle_id, "nip": nip, "checkpoint": "ANNUAL", "hasilKerja": hasil,
            "perilakuKerja": perilaku, "justification": why}  # fmt: skip


async def test_a_full_cycle_runs_through_graphql_and_every_score_is_explained(api: Api) -> None:
    bidang_id = await staffed_bidang(api)
    # HR opens the cycle and enrols the Bidang once the read models have its staff.
    opened = {"year": YEAR, "period": "QUARTERLY", "unitIds": [bidang_id]}
    cycle_id = str((await api.command(OPEN, {"input": opened}))["cycleId"])
    body = await api.graphql(
        ENROL, {"cycleId": cycle_id}, HR | {"x-min-position": str(api.last_position)}
    )
    assert "errors" not in body, body["errors"]
    c = {"cycleId": cycle_id}
    # Planning: each drafts their SKP; rating before approval is refused.
    for nip in (KABID, S1, S2, S3):
        await act(api, DRAFT, skp(cycle_id, nip), by=nip)
    assert (
        await refused(api, RATE, rating(cycle_id, S1, "SESUAI", "SESUAI"), by=KABID)
        == "SKP_NOT_APPROVED"
    )
    late = "SKP disusun setelah penataan jabatan"  # after 31 January a reason is required
    await act(api, APPROVE, c | {"nip": KABID, "reason": late}, by=KEPALA)
    for nip in (S1, S2, S3):
        await act(api, APPROVE, c | {"nip": nip, "reason": late}, by=KABID)
    # Execution: evidence, the appraiser's and a peer's feedback, a service user's rating.
    evidence = {
        "row": 1,
        "realisation": "24 sekolah dibina",
        "evidenceLink": "https://drive.example/bukti-1",
    }
    realised = await act(api, REALISE, c | {"nip": S1} | evidence, by=S1)
    await act(
        api, FEEDBACK, c | {"nip": S1, "row": 1, "text": "Laporan rapi dan tepat waktu."}, by=KABID
    )
    await act(
        api,
        FEEDBACK,
        c | {"nip": S1, "text": "Selalu membantu tim.", "behaviour": "KOLABORATIF"},
        by=S2,
    )
    await act(api, PUBLIC, c | {"nip": S1, "fingerprint": FINGERPRINT, "score": 4})
    # Assessment: annual ratings; the unit BAIK needs some Butuh Perbaikan, so finalising fails.
    await act(api, RATE, rating(cycle_id, KABID, "SESUAI", "SESUAI"), by=KEPALA)
    # A rating records Rated, then PredikatComputed: the command's position is the latter.
    computed = await act(api, RATE, rating(cycle_id, S1, "DI_ATAS", "DI_ATAS"), by=KABID)
    for nip in (S2, S3):
        await act(api, RATE, rating(cycle_id, nip, "SESUAI", "SESUAI"), by=KABID)
    await act(api, RATE_UNIT, c | {"unitId": bidang_id, "rating": "BAIK"})
    assert await refused(api, FINALISE, c) == "DISTRIBUTION_OUT_OF_BAND"
    # Calibration brings the unit into its band; potential places S1 on the 9-box.
    why = "Kalibrasi: target utama belum tercapai"
    calibrated = await act(
        api,
        CALIBRATE,
        c | {"nip": S3, "hasilKerja": "DI_BAWAH", "perilakuKerja": "SESUAI", "reason": why},
    )
    await act(api, POTENTIAL, c | {"nip": S1, "potensial": "TINGGI"})
    await act(api, FINALISE, c)
    assert (
        await refused(api, FEEDBACK, c | {"nip": S1, "text": "Terlambat."}, by=S2) == "CYCLE_LOCKED"
    )
    # Objection: S3 objects, KEPALA (the appraiser's superior) upholds with new ratings.
    await act(
        api,
        OBJECT,
        c | {"nip": S3, "reasons": "Bukti pembinaan triwulan IV tidak dihitung."},
        by=S3,
    )
    decision = {
        "upheld": True,
        "reason": "Perilaku dinilai ulang",
        "hasilKerja": "DI_BAWAH",
        "perilakuKerja": "DI_ATAS",
    }
    decided = await act(api, DECIDE, c | {"nip": S3} | decision, by=KEPALA)

    # S1 reads the explanation of their own score: feedback by source kind, never by giver.
    body = await api.read(EXPLAIN, c | {"nip": S1}, headers=asn(S1))
    assert "errors" not in body, body["errors"]
    explained = body["data"]["scoreExplanation"]
    assert explained["matrixCell"] == {
        "hasilKerja": "DI_ATAS",
        "perilakuKerja": "DI_ATAS",
        "predikat": "SANGAT_BAIK",
    }
    assert explained["rulesVersion"] == "permenpanrb-6-2022/se-3-2023@1"
    assert explained["orgRating"] == "BAIK"
    appraisal = explained["appraisal"]
    assert appraisal["skp"]["approvedBy"] == KABID
    assert appraisal["skp"]["approvedLate"] is True
    assert appraisal["realisations"] == [
        {
            "checkpoint": "Q4",
            "row": 1,
            "evidenceLink": "https://drive.example/bukti-1",
            "position": realised,
        }
    ]
    assert sorted(f["source"] for f in appraisal["feedback"]) == ["APPRAISER", "MASYARAKAT", "PEER"]
    assert {f["giver"] for f in appraisal["feedback"]} == {None}
    [masyarakat] = [s for s in explained["feedbackSummary"] if s["source"] == "MASYARAKAT"]
    assert masyarakat["averageScore"] == 4.0
    [annual] = appraisal["ratings"]
    assert (annual["author"], annual["position"]) == (KABID, computed - 1)
    [predikat] = appraisal["predikat"]
    assert predikat["sourcePositions"] == [computed - 1]
    assert explained["annualPredikatPosition"] == predikat["position"] == computed

    # HR reads S3's: the calibration and the upheld objection, each at its position.
    body = await api.read(EXPLAIN, c | {"nip": S3})
    appraisal = body["data"]["scoreExplanation"]["appraisal"]
    [change] = appraisal["calibrations"]
    assert (change["hasilKerjaBefore"], change["hasilKerja"], change["reason"]) == (
        "SESUAI",
        "DI_BAWAH",
        why,
    )
    assert change["position"] == calibrated - 1  # the PredikatComputed follows it
    assert appraisal["objection"]["status"] == "UPHELD"
    assert (appraisal["objection"]["decidedBy"], appraisal["objection"]["day"]) == (KEPALA, 0)
    assert appraisal["annualPredikat"] == "BUTUH_PERBAIKAN"
    assert [p["position"] for p in appraisal["predikat"]] == [decided]

    # Recomputing every predikat from the event log finds no difference.
    body = await api.read(RECOMPUTE, c)
    report = body["data"]["recomputeCycle"]
    assert report["finalised"] is True
    assert report["differences"] == []
    assert report["checked"] == 6  # four ratings, a calibration, an upheld objection

    # The unit against its band, its progress, and the 9-box.
    body = await api.read(SUMMARY, c | {"unitId": bidang_id})
    summary = body["data"]["unitAppraisalSummary"]
    assert (summary["orgRating"], summary["total"], summary["inBand"]) == ("BAIK", 4, True)
    assert summary["progress"] == {
        "enrolled": 4,
        "skpApproved": 4,
        "assessed": 4,
        "finalised": 4,
        "objectionsOpen": 0,
    }
    assert body["data"]["talentGrid"] == [
        {"nip": S1, "box": 9, "inTalentPool": True, "potensial": "TINGGI", "kinerja": "DI_ATAS"}
    ]
