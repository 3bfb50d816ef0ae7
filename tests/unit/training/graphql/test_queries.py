"""Training queries on fake read models: figures by the domain's rules, batching, tenancy."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID, uuid5

import pytest

from domain.competency import Gap, Offer
from domain.learning import JPStatus
from projections.employees import EmployeeRow
from projections.jp_ledger import CreditRow
from projections.training_programmes import ParticipantRow, ProgrammeRow
from projections.training_reports import Compliance, EmployeeJP, Recommendation, UnitGaps
from tests.unit.graphql.conftest import employee_row, nip_of, patch_guard, unit_row
from tests.unit.training.conftest import TENANT
from tests.unit.training.graphql.conftest import TrainingRuntime, context, run

UNIT = unit_row("DISKOMINFO", tenant=TENANT)
ALICE, BUDI = employee_row(nip_of(1), UNIT), employee_row(nip_of(2), UNIT)
PROGRAMMES = [uuid5(UUID(int=0), f"programme-{n}") for n in (1, 2)]


def credit(position: int, jp: int, form: str, codes: list[str], on: date) -> CreditRow:
    return CreditRow(
        position, ALICE.id, on.year, on, jp, form, codes, "PROGRAMME", PROGRAMMES[0], "Kursus"
    )


def programme(programme_id: UUID, seated: int = 1) -> ProgrammeRow:
    return ProgrammeRow(
        programme_id, TENANT, f"Programme {programme_id.hex[:4]}", "KURSUS", ["DIGITAL"], 8,
        "LAN", 4, 2, 360, date(2025, 5, 5), date(2025, 5, 6), [], "OPEN", None, 10, 20,
        seated=seated, passed=1, waitlisted=0,
    )  # fmt: skip


def seat(programme_id: UUID, employee: EmployeeRow) -> ParticipantRow:
    return ParticipantRow(
        programme_id, employee.id, "NOMINATED", "PASSED", 2, 360, 90.0, "SERT-1",
        date(2025, 5, 7), 8, None, 30,
    )  # fmt: skip


class Fakes:
    def __init__(self) -> None:
        self.calls: list[str] = []
        self.employees = [ALICE, BUDI]
        self.credits: list[CreditRow] = []

    async def employee_by_nip(self, _: Any, nip: str) -> EmployeeRow | None:
        return next((e for e in self.employees if e.nip == nip), None)

    async def employees_by_ids(self, _: Any, ids: list[UUID]) -> list[EmployeeRow | None]:
        self.calls.append("employees_by_ids")
        return [next((e for e in self.employees if e.id == i), None) for i in ids]

    async def credits_of(self, _: Any, ids: list[UUID], year: int) -> list[list[CreditRow]]:
        return [[c for c in self.credits if c.employee_id == i and c.year == year] for i in ids]

    async def programmes(self, _: Any, tenant: str, status: str | None) -> list[ProgrammeRow]:
        return [programme(p) for p in PROGRAMMES]

    async def rosters(self, _: Any, ids: list[UUID]) -> list[list[ParticipantRow]]:
        self.calls.append("rosters")
        return [[seat(i, ALICE), seat(i, BUDI)] for i in ids]


@pytest.fixture
def fakes(monkeypatch: pytest.MonkeyPatch) -> Fakes:
    fake = Fakes()
    for target in ("queries.employee_by_nip", "queries.credits_of", "queries.programmes",
                   "loaders.rosters"):  # fmt: skip
        module, name = target.split(".")
        monkeypatch.setattr(f"graphql_api.training.{module}.{name}", getattr(fake, name))
    monkeypatch.setattr("graphql_api.employees.loaders.employees_by_ids", fake.employees_by_ids)
    patch_guard(monkeypatch, fake.employees)
    return fake


YEAR = """query($nip: String!, $year: Int!) { trainingYear(nip: $nip, year: $year) {
  earned status statusBasis byForm { key jp } byCompetency { key jp } credits { position } } }"""


async def test_an_employees_year_sums_jp_by_form_and_competency_from_its_credits(
    runtime: TrainingRuntime, fakes: Fakes
) -> None:
    fakes.credits = [
        credit(7, 8, "KURSUS", ["DIGITAL"], date(2025, 5, 7)),
        credit(9, 3, "MENTORING", ["DIGITAL", "LEAD"], date(2025, 5, 30)),
        credit(11, 5, "KURSUS", ["DIGITAL"], date(2024, 12, 31)),  # another year
    ]
    result = await run(context(runtime), YEAR, {"nip": ALICE.nip, "year": 2025})
    year = result.data["trainingYear"]
    assert year["earned"] == 11
    assert year["byForm"] == [{"key": "KURSUS", "jp": 8}, {"key": "MENTORING", "jp": 3}]
    assert year["byCompetency"] == [{"key": "DIGITAL", "jp": 11}, {"key": "LEAD", "jp": 3}]
    assert [c["position"] for c in year["credits"]] == [7, 9]


async def test_the_current_year_is_judged_pro_rata_on_todays_date(
    runtime: TrainingRuntime, fakes: Fakes
) -> None:
    fakes.credits = [credit(7, 9, "KURSUS", ["DIGITAL"], date(2025, 5, 7))]
    result = await run(context(runtime), YEAR, {"nip": ALICE.nip, "year": 2025})
    # The clock reads 2 June 2025: 152 days elapsed expect 8.3 JP, so 9 JP are on track.
    year = result.data["trainingYear"]
    assert (year["earned"], year["status"], year["statusBasis"]) == (9, "ON_TRACK", "2025-06-02")


async def test_a_past_year_is_judged_on_its_last_day(
    runtime: TrainingRuntime, fakes: Fakes
) -> None:
    fakes.credits = [credit(7, 19, "KURSUS", ["DIGITAL"], date(2024, 5, 7))]
    result = await run(context(runtime), YEAR, {"nip": ALICE.nip, "year": 2024})
    year = result.data["trainingYear"]
    assert (year["status"], year["statusBasis"]) == ("AT_RISK", "2024-12-31")


async def test_an_employee_of_another_tenant_reads_as_null(
    runtime: TrainingRuntime, fakes: Fakes
) -> None:
    result = await run(context(runtime, tenant="pemkab-lain"), YEAR, {"nip": ALICE.nip, "year": 1})
    assert result.data == {"trainingYear": None}


async def test_rosters_and_their_employees_load_in_one_query_each(
    runtime: TrainingRuntime, fakes: Fakes
) -> None:
    document = "{ trainingProgrammes { fillRate roster { seat employee { nip } } } }"
    result = await run(context(runtime), document)
    assert [p["fillRate"] for p in result.data["trainingProgrammes"]] == [0.25, 0.25]
    assert fakes.calls == ["rosters", "employees_by_ids"]


async def test_compliance_lists_who_is_at_risk_with_the_rates(
    runtime: TrainingRuntime, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = Compliance(2025, date(2025, 6, 2), [
        EmployeeJP(ALICE.id, ALICE.nip, ALICE.name, UNIT.id, 22, JPStatus.MET),
        EmployeeJP(BUDI.id, BUDI.nip, BUDI.name, UNIT.id, 2, JPStatus.AT_RISK),
    ], 0.5, 1.0)  # fmt: skip

    async def compliance(*_: Any) -> Compliance:
        return report

    monkeypatch.setattr("graphql_api.training.queries.compliance", compliance)
    document = """{ trainingCompliance(year: 2025) { employeeCount met atRisk complianceRate
      employeesAtRisk { nip earned } programmeFillRate distribution { band employees } } }"""
    result = (await run(context(runtime), document)).data["trainingCompliance"]
    assert (result["employeeCount"], result["met"], result["atRisk"]) == (2, 1, 1)
    assert (result["complianceRate"], result["programmeFillRate"]) == (0.5, 0.5)
    assert result["employeesAtRisk"] == [{"nip": BUDI.nip, "earned": 2}]
    assert result["distribution"][0] == {"band": "0-4", "employees": 1}


async def test_gaps_group_employees_by_competency_most_missing_first(
    runtime: TrainingRuntime, monkeypatch: pytest.MonkeyPatch
) -> None:
    offer = Offer(PROGRAMMES[0], "Kepemimpinan", frozenset({"LEAD"}))
    gaps = UnitGaps(
        [Gap(ALICE.id, "DIGITAL", ()), Gap(ALICE.id, "LEAD", (offer.programme_id,)),
         Gap(BUDI.id, "LEAD", (offer.programme_id,))],
        {ALICE.id: ALICE.nip, BUDI.id: BUDI.nip}, {offer.programme_id: offer}, {"LEAD": "Lead"},
    )  # fmt: skip

    async def unit_gaps(*_: Any) -> UnitGaps:
        return gaps

    monkeypatch.setattr("graphql_api.training.queries.unit_gaps", unit_gaps)
    document = "{ competencyGaps { competencyCode competencyName nips programmes { title } } }"
    result = (await run(context(runtime), document)).data["competencyGaps"]
    assert result == [
        {"competencyCode": "LEAD", "competencyName": "Lead", "nips": [ALICE.nip, BUDI.nip],
         "programmes": [{"title": "Kepemimpinan"}]},
        {"competencyCode": "DIGITAL", "competencyName": None, "nips": [ALICE.nip],
         "programmes": []},
    ]  # fmt: skip


async def test_recommendations_answer_with_the_predikat_they_rest_on(
    runtime: TrainingRuntime, fakes: Fakes, monkeypatch: pytest.MonkeyPatch
) -> None:
    offer = Offer(PROGRAMMES[1], "Kode Etik", frozenset({"INTEGRITAS"}))

    async def recommendations(*_: Any) -> Recommendation:
        return Recommendation(2024, "BUTUH_PERBAIKAN", ["INTEGRITAS"], [offer])

    monkeypatch.setattr("graphql_api.training.queries.recommendations", recommendations)
    document = """query($nip: String!) { trainingRecommendations(nip: $nip) {
      year predikat weakCompetencies programmes { title } } }"""
    result = await run(context(runtime), document, {"nip": BUDI.nip})
    assert result.data["trainingRecommendations"] == {
        "year": 2024, "predikat": "BUTUH_PERBAIKAN", "weakCompetencies": ["INTEGRITAS"],
        "programmes": [{"title": "Kode Etik"}],
    }  # fmt: skip
