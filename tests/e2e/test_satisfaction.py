"""A unit's IKM over HTTP: the public portal passes SKM questionnaires on, anyone reads the
aggregate, and nothing about a respondent or an employee can be selected."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import TENANT, Api
from tests.e2e.steps import create_unit
from tests.tokens import bearer

pytestmark = pytest.mark.e2e

PORTAL = bearer("portal-skm", "public_portal", TENANT)
EMPLOYEE = bearer("199001012015031001", "employee", TENANT, nip="199001012015031001")
RECORD = """mutation($input: RecordSurveyResponsesInput!) {
  recordSurveyResponses(input: $input) { surveyId version position } }"""
UNIT_IKM = """query($unitId: ID!, $period: String!) {
  unitSatisfaction(unitId: $unitId, period: $period) {
    unitId period respondents ikm index mutu kinerja elements { code name nrr weightedNrr }
    unit { code } } }"""
ALL_IKM = """query($period: String!) { unitSatisfactions(period: $period) {
  unitId period respondents index mutu } }"""
# The worked example of tests/unit/domain/test_satisfaction.py: IKM 83.89, mutu B.
RESPONSES = [
    [4, 3, 4, 4, 3, 4, 4, 2, 3],
    [4, 3, 3, 4, 3, 3, 4, 3, 3],
    [3, 3, 3, 4, 4, 4, 4, 3, 3],
    [3, 3, 2, 4, 3, 3, 3, 3, 3],
    [4, 3, 3, 4, 3, 4, 4, 3, 4],
]


async def record(api: Api, unit_id: str, period: str, responses: list[list[int]]) -> dict:  # type: ignore[type-arg]
    body = await api.graphql(
        RECORD, {"input": {"unitId": unit_id, "period": period, "responses": responses}}, PORTAL
    )
    if "errors" not in body:
        api.last_position = max(
            api.last_position, body["data"]["recordSurveyResponses"]["position"]
        )
    return body


async def test_the_public_portal_records_a_survey_and_the_units_ikm_is_83_89_mutu_b(
    api: Api,
) -> None:
    unit_id = await create_unit(api, "PKM-1")
    assert "errors" not in await record(api, unit_id, "2025-S1", RESPONSES[:2])
    assert "errors" not in await record(api, unit_id, "2025-Q2", RESPONSES[2:])
    body = await api.read(UNIT_IKM, {"unitId": unit_id, "period": "2025-S1"}, PORTAL)
    assert "errors" not in body, body
    found = body["data"]["unitSatisfaction"]
    assert (found["respondents"], found["index"], found["mutu"]) == (5, 83.89, "B")
    assert (found["kinerja"], found["ikm"], found["unit"]) == ("Baik", 3.3556, {"code": "PKM-1"})
    assert [e["nrr"] for e in found["elements"]] == [3.6, 3.0, 3.0, 4.0, 3.2, 3.6, 3.8, 2.8, 3.2]


async def test_a_triwulan_counts_only_its_own_answers_and_the_year_all_of_them(api: Api) -> None:
    unit_id = await create_unit(api, "PKM-2")
    await record(api, unit_id, "2025-Q1", [[4] * 9])
    await record(api, unit_id, "2025-S2", [[1] * 9])
    q1 = await api.read(UNIT_IKM, {"unitId": unit_id, "period": "2025-Q1"}, PORTAL)
    year = await api.read(UNIT_IKM, {"unitId": unit_id, "period": "2025"}, PORTAL)
    q3 = await api.read(UNIT_IKM, {"unitId": unit_id, "period": "2025-Q3"}, PORTAL)
    assert q1["data"]["unitSatisfaction"]["index"] == 100.0
    assert (
        year["data"]["unitSatisfaction"]["respondents"],
        year["data"]["unitSatisfaction"]["index"],
    ) == (2, 62.5)
    assert q3["data"]["unitSatisfaction"] is None


async def test_the_tenant_wide_list_has_each_surveyed_unit_once(api: Api) -> None:
    first, second = await create_unit(api, "PKM-3"), await create_unit(api, "PKM-4")
    await record(api, first, "2025", RESPONSES)
    await record(api, second, "2025-S2", [[3] * 9, [4] * 9])
    body = await api.read(ALL_IKM, {"period": "2025"}, PORTAL)
    assert "errors" not in body, body
    found = {u["unitId"]: (u["respondents"], u["mutu"]) for u in body["data"]["unitSatisfactions"]}
    assert found == {first: (5, "B"), second: (2, "B")}  # NRR 3.5 each: 87.50


async def test_a_questionnaire_without_nine_answers_from_1_to_4_is_refused(api: Api) -> None:
    unit_id = await create_unit(api, "PKM-5")
    for bad in ([[4] * 8], [[5] * 9], []):
        body = await record(api, unit_id, "2025", bad)
        assert body["errors"][0]["extensions"]["code"] == "INVALID_INPUT", body


async def test_an_employee_may_not_record_survey_answers(api: Api) -> None:
    unit_id = await create_unit(api, "PKM-6")
    body = await api.graphql(
        RECORD, {"input": {"unitId": unit_id, "period": "2025", "responses": [[4] * 9]}}, EMPLOYEE
    )
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN", body
