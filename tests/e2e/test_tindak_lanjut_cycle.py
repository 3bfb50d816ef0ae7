"""A jabatan fungsional's angka kredit after a cycle finalised over HTTP (issue 16, part 5).

Bidang Pembinaan SD of Dinas Pendidikan: KABID heads it; S1 is an Analis SDM Aparatur Ahli
Pertama (a JF, in that jabatan since 2015), S2 and S3 pelaksana. The 2025 cycle is rated and
finalised; then S1 reads the angka kredit their Sangat Baik earned: 150% × 12,5 = 18,75.
"""

from __future__ import annotations

import pytest

from domain.tindak_lanjut_tpp import EXAMPLE_FACTORS
from tests.e2e.conftest import HR, TENANT, Api
from tests.e2e.steps import APPOINT, CREATE_UNIT, appointment, nip_of
from tests.e2e.test_appraisal_cycle import (
    APPROVE,
    DRAFT,
    ENROL,
    FINALISE,
    OPEN,
    POTENTIAL,
    RATE,
    RATE_UNIT,
    act,
    asn,
    rating,
    skp,
)

pytestmark = pytest.mark.e2e

YEAR = 2025
KEPALA, KABID, S1, S2, S3 = (nip_of(n) for n in (1, 2, 3, 4, 5))
JF = {"kind": "FUNGSIONAL", "title": "Analis SDM Aparatur Ahli Pertama", "jenjang": "AHLI_PERTAMA"}
FOLLOW_UP = """query($nip: String!) { tindakLanjut(nip: $nip) { predikatHistory { year predikat }
  development award { candidate consecutiveSangatBaikYears }
  angkaKredit { jenjang golongan years { year predikat months koefisien persentase angkaKredit }
    accumulated nextGolongan neededForNextGolongan nextJenjang neededForNextJenjang } } }"""
TPP = """query($nip: String!) { tindakLanjut(nip: $nip) { tpp { year predikat factorPercent
  source } } }"""
RECORD = """mutation($input: RecordPolicyValuesInput!) {
  recordPolicyValues(input: $input) { position } }"""
SUCCESSION = "{ successionLists { holderNip jabatanTitle cycleYear candidates { nip box } } }"
NOMINATE = """mutation($input: NominateForAwardInput!) {
  nominateForAward(input: $input) { nominationId position } }"""
NOMINATIONS = """query($nip: String!) { tindakLanjut(nip: $nip) {
  award { candidate consecutiveSangatBaikYears }
  nominations { year consecutiveYears nominatedBy reason position } } }"""
UNIT_LIST = """query($unitId: ID!) { tindakLanjutList(unitId: $unitId) { nip
  angkaKredit { accumulated } } }"""


async def finalised_bidang(api: Api, years: tuple[int, ...] = (YEAR,)) -> str:
    """The Dinas, its Bidang and their people, through a finalised cycle each year; the Bidang."""
    dinas = {"code": "DISDIK", "name": "Dinas Pendidikan", "kind": "DINAS"}
    dinas_id = (await api.command(CREATE_UNIT, {"input": dinas}))["unitId"]
    bidang = {"code": "DISDIK-SD", "name": "Bidang Pembinaan SD", "kind": "BIDANG"}
    bidang_id = str(
        (await api.command(CREATE_UNIT, {"input": bidang | {"parentId": dinas_id}}))["unitId"]
    )
    staff = {"kind": "PELAKSANA", "title": "Pengadministrasi Umum"}
    people = [
        (1, dinas_id, {"kind": "JPT_PRATAMA", "title": "Kepala Dinas Pendidikan"}, "IV/c"),
        (2, bidang_id, {"kind": "ADMINISTRATOR", "title": "Kepala Bidang Pembinaan SD"}, "IV/a"),
        (3, bidang_id, JF, "III/a"),
        (4, bidang_id, staff, "III/a"),
        (5, bidang_id, staff, "III/a"),
    ]
    for serial, unit_id, jabatan, golongan in people:
        await api.command(
            APPOINT, {"input": appointment(serial, unit_id, jabatan=jabatan, golongan=golongan)}
        )
    for year in years:
        await finalised_cycle(api, year, bidang_id)
    return bidang_id


async def finalised_cycle(api: Api, year: int, bidang_id: str) -> None:
    """The Bidang's cycle of `year`: S1 Sangat Baik (potential TINGGI), S2 Baik, S3 Butuh
    Perbaikan, KABID Baik; the unit rated Baik and the cycle finalised."""
    opened = {"year": year, "period": "SEMESTER", "unitIds": [bidang_id]}
    cycle_id = str((await api.command(OPEN, {"input": opened}))["cycleId"])
    body = await api.graphql(
        ENROL, {"cycleId": cycle_id}, HR | {"x-min-position": str(api.last_position)}
    )
    assert "errors" not in body, body["errors"]
    c = {"cycleId": cycle_id}
    late = "SKP disusun setelah penataan jabatan"
    for nip, approver in ((KABID, KEPALA), (S1, KABID), (S2, KABID), (S3, KABID)):
        await act(api, DRAFT, skp(cycle_id, nip), by=nip)
        await act(api, APPROVE, c | {"nip": nip, "reason": late}, by=approver)
    await act(api, RATE, rating(cycle_id, KABID, "SESUAI", "SESUAI"), by=KEPALA)
    await act(api, RATE, rating(cycle_id, S1, "DI_ATAS", "DI_ATAS"), by=KABID)
    await act(api, RATE, rating(cycle_id, S2, "SESUAI", "SESUAI"), by=KABID)
    await act(api, RATE, rating(cycle_id, S3, "DI_BAWAH", "SESUAI"), by=KABID)
    await act(api, RATE_UNIT, c | {"unitId": bidang_id, "rating": "BAIK"})
    await act(api, POTENTIAL, c | {"nip": S1, "potensial": "TINGGI"})  # 9-box: box 9
    await act(api, FINALISE, c)


async def test_a_jf_reads_the_angka_kredit_its_finalised_predikat_earned(api: Api) -> None:
    bidang_id = await finalised_bidang(api)
    # S1, the JF, reads what follows their own 2025 result
    body = await api.read(FOLLOW_UP, {"nip": S1}, headers=asn(S1))
    assert "errors" not in body, body["errors"]
    follow_up = body["data"]["tindakLanjut"]
    assert follow_up["predikatHistory"] == [{"year": YEAR, "predikat": "SANGAT_BAIK"}]
    ak = follow_up["angkaKredit"]
    assert ak["years"] == [
        {"year": YEAR, "predikat": "SANGAT_BAIK", "months": 12, "koefisien": 12.5,
         "persentase": 150, "angkaKredit": 18.75},
    ]  # fmt: skip
    assert ak["accumulated"] == 18.75
    assert (ak["nextGolongan"], ak["neededForNextGolongan"]) == ("III/b", 50)
    assert (ak["nextJenjang"], ak["neededForNextJenjang"]) == ("AHLI_MUDA", 100)
    # a Sangat Baik is developed further too; one year is not yet an award candidacy
    assert follow_up["development"] == "TOP_PERFORMER"
    assert follow_up["award"] == {"candidate": False, "consecutiveSangatBaikYears": 1}
    # HR sees the same per unit; a pelaksana has no angka kredit
    listed = await api.read(UNIT_LIST, {"unitId": bidang_id})
    by_nip = {p["nip"]: p["angkaKredit"] for p in listed["data"]["tindakLanjutList"]}
    assert by_nip[S1] == {"accumulated": 18.75}
    assert by_nip[S2] is None


async def test_a_supervisor_reads_their_teams_angka_kredit_but_a_colleague_does_not(
    api: Api,
) -> None:
    await finalised_bidang(api)
    as_head = await api.read(FOLLOW_UP, {"nip": S1}, headers=asn(KABID))
    assert as_head["data"]["tindakLanjut"]["angkaKredit"]["accumulated"] == 18.75
    as_colleague = await api.read(FOLLOW_UP, {"nip": S1}, headers=asn(S2))
    assert as_colleague["data"]["tindakLanjut"] is None
    assert as_colleague["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_the_tpp_factor_follows_the_perkada_the_hr_officer_records(api: Api) -> None:
    await finalised_bidang(api)
    before = await api.read(TPP, {"nip": S1}, headers=asn(S1))
    assert before["data"]["tindakLanjut"]["tpp"] == {
        "year": YEAR, "predikat": "SANGAT_BAIK", "factorPercent": None, "source": None,
    }  # fmt: skip
    # the tenant's HR officer records its Perkada's factors, with their source
    values = {"factors": EXAMPLE_FACTORS}
    policy = {"kind": "tpp_factors", "scope": TENANT, "label": "Perwali TPP 2025",
              "effectiveFrom": "2025-01-01", "values": values,
              "source": "Perwali contoh (example)", "reason": "TPP ASN 2025"}  # fmt: skip
    await api.command(RECORD, {"input": policy})
    after = await api.read(TPP, {"nip": S1}, headers=asn(S1))
    assert after["data"]["tindakLanjut"]["tpp"]["factorPercent"] == 110
    assert after["data"]["tindakLanjut"]["tpp"]["source"] == "Perwali contoh (example)"


async def test_the_key_posts_list_the_talent_pool_below_them(api: Api) -> None:
    await finalised_bidang(api)
    body = await api.read(SUCCESSION)
    assert "errors" not in body, body["errors"]
    lists = {s["holderNip"]: s for s in body["data"]["successionLists"]}
    assert set(lists) == {KEPALA, KABID}  # the jabatan manajerial; S1 is a JF
    assert lists[KABID]["candidates"] == [{"nip": S1, "box": 9}]
    assert lists[KEPALA]["candidates"] == [{"nip": S1, "box": 9}]
    assert lists[KABID]["cycleYear"] == YEAR
    # the 9-box by name is HR's and the auditors': an employee may not list it
    refused = await api.read(SUCCESSION, headers=asn(S1))
    assert refused["data"] is None


async def test_hr_nominates_after_two_sangat_baik_years_once_with_a_reason(api: Api) -> None:
    await finalised_bidang(api, years=(YEAR - 1, YEAR))
    nomination = {"nip": S1, "year": YEAR, "reason": "Sangat Baik 2024 dan 2025"}
    # S2 (Baik) is not due; S1 (Sangat Baik twice) is, and is nominated once
    refused = await api.graphql(NOMINATE, {"input": nomination | {"nip": S2}})
    assert refused["errors"][0]["extensions"]["code"] == "AWARD_NOMINATION_NOT_DUE"
    made = await api.command(NOMINATE, {"input": nomination})
    again = await api.graphql(NOMINATE, {"input": nomination})
    assert again["errors"][0]["extensions"]["code"] == "CONFLICT"
    # the candidacy is derived; the nomination is the decision, with actor and reason
    body = await api.read(NOMINATIONS, {"nip": S1}, headers=asn(S1))
    follow_up = body["data"]["tindakLanjut"]
    assert follow_up["award"] == {"candidate": True, "consecutiveSangatBaikYears": 2}
    assert follow_up["nominations"] == [
        {"year": YEAR, "consecutiveYears": 2, "nominatedBy": "hr-budi",
         "reason": "Sangat Baik 2024 dan 2025", "position": made["position"]},
    ]  # fmt: skip
