"""Report exports downloaded over HTTP: authorised as their queries, scoped to the tenant."""

from __future__ import annotations

import csv
import io

import httpx
import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from tests.e2e.conftest import AUDITOR, HR, Api
from tests.e2e.test_training_reports import staffed_region
from tests.e2e.training_steps import YEAR
from tests.tokens import bearer

pytestmark = pytest.mark.e2e

OTHER_HR = bearer("hr-sari", "hr_officer", "pemkab-kemuning")


async def download(api: Api, path: str, headers: dict[str, str] = HR) -> httpx.Response:
    """GET an export once the read models have this client's writes."""
    consistent = {"x-min-position": str(api.last_position)}
    return await api.client.get(path, headers=headers | consistent)


def csv_rows(response: httpx.Response) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(response.text)))


def sheet_rows(response: httpx.Response, sheet: str) -> list[dict[str, object]]:
    workbook = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True)
    header, *rows = workbook[sheet].iter_rows(values_only=True)
    workbook.close()
    return [dict(zip(header, row, strict=True)) for row in rows]  # type: ignore[arg-type]


async def test_a_units_roster_downloads_as_csv_with_its_subunits_and_position(api: Api) -> None:
    dinas, _ = await staffed_region(api)
    response = await download(api, f"/exports/roster.csv?unit={dinas}")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    rows = csv_rows(response)
    assert len(rows) == 3  # two in the dinas, one in its bidang
    position = int(response.headers["x-jejak-position"])
    assert position >= api.last_position
    assert {int(r["log_position"]) for r in rows} == {position}
    assert [r["nip"] for r in rows] == sorted(r["nip"] for r in rows)


async def test_a_units_roster_downloads_as_xlsx_with_an_about_sheet(api: Api) -> None:
    dinas, bidang = await staffed_region(api)
    response = await download(api, f"/exports/roster.xlsx?unit={dinas}&subunits=false")
    assert response.status_code == 200, response.text
    rows = sheet_rows(response, "roster")
    assert len(rows) == 2
    assert bidang not in {r["unit_id"] for r in rows}
    workbook = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True)
    about = {key: value for key, value in workbook["about"].iter_rows(values_only=True)}
    assert about["log_position"] == int(response.headers["x-jejak-position"])
    assert about["rows"] == 2
    assert about["export"] == "roster"


async def test_an_xlsx_sheet_opens_readable_with_wide_columns_a_frozen_header_and_a_filter(
    api: Api,
) -> None:
    dinas, _ = await staffed_region(api)
    response = await download(api, f"/exports/roster.xlsx?unit={dinas}")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content))["roster"]
    letters = {cell.value: get_column_letter(index) for index, cell in enumerate(sheet[1], 1)}
    widths = {value: sheet.column_dimensions[letter].width for value, letter in letters.items()}
    assert widths["nip"] >= 18
    assert widths["name"] >= 30
    assert widths["unit_id"] >= 36
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref is not None
    assert sheet.auto_filter.ref.startswith("A1:")


async def test_leave_balances_are_numbers_and_each_read_is_in_the_access_log(api: Api) -> None:
    dinas, _ = await staffed_region(api)
    response = await download(api, f"/exports/leave-balances.xlsx?unit={dinas}&year={YEAR}")
    assert response.status_code == 200, response.text
    rows = sheet_rows(response, "leave-balances")
    assert len(rows) == 3
    assert all(isinstance(r["remaining"], int) and r["year"] == YEAR for r in rows)
    log = await api.read("{ accessLog(first: 50) { viewer subjectNip fields } }", {}, AUDITOR)
    logged = {e["subjectNip"] for e in log["data"]["accessLog"] if e["viewer"] == "hr-budi"}
    assert logged == {r["nip"] for r in rows}


async def test_jp_compliance_lists_those_at_risk_with_their_jp_as_numbers(api: Api) -> None:
    dinas, _ = await staffed_region(api)
    response = await download(api, f"/exports/jp-compliance.csv?unit={dinas}&year={YEAR}")
    assert response.status_code == 200, response.text
    rows = csv_rows(response)
    assert rows
    assert all(r["status"] == "AT_RISK" for r in rows)
    assert all(int(r["jp_earned"]) < 20 for r in rows)


async def test_competency_gaps_download_with_the_programmes_closing_them(api: Api) -> None:
    await staffed_region(api)
    response = await download(api, "/exports/competency-gaps.xlsx")
    assert response.status_code == 200, response.text
    rows = sheet_rows(response, "competency-gaps")
    codes = {r["competency_code"]: r for r in rows}
    assert isinstance(codes["KEPEMIMPINAN"]["employees_missing"], int)
    assert codes["KEPEMIMPINAN"]["open_programmes"] == "Kepemimpinan Pengawas"


async def test_an_employee_is_refused_leave_balances_with_a_graphql_shaped_403(api: Api) -> None:
    dinas, _ = await staffed_region(api)
    employee = bearer("199001012020121001", "employee", "pemkot-palangkaraya")
    response = await download(api, f"/exports/leave-balances.csv?unit={dinas}&year=2026", employee)
    assert response.status_code == 403
    [error] = response.json()["errors"]
    assert error["extensions"]["code"] == "FORBIDDEN"
    assert response.json()["data"] is None


async def test_the_reporting_account_is_refused_the_roster_as_the_employees_query(
    api: Api,
) -> None:
    dinas, _ = await staffed_region(api)
    reporting = bearer("laporan", "reporting", "pemkot-palangkaraya")
    response = await download(api, f"/exports/roster.xlsx?unit={dinas}", reporting)
    assert response.status_code == 403
    assert "Query.employees" in response.json()["errors"][0]["message"]


async def test_another_tenants_hr_sees_no_row_of_this_tenant(api: Api) -> None:
    dinas, _ = await staffed_region(api)
    roster = await download(api, f"/exports/roster.csv?unit={dinas}", OTHER_HR)
    assert roster.status_code == 200, roster.text
    assert csv_rows(roster) == []
    gaps = await download(api, "/exports/competency-gaps.csv", OTHER_HR)
    assert csv_rows(gaps) == []


async def test_a_download_without_a_token_is_401_even_when_it_accepts_html(api: Api) -> None:
    response = await api.client.get("/exports/roster.csv?unit=x", headers={"accept": "*/*"})
    assert response.status_code == 401
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_an_unknown_cycle_is_404_before_any_byte_of_the_file(api: Api) -> None:
    cycle = "00000000-0000-0000-0000-000000000000"
    response = await download(api, f"/exports/predikat-distribution.csv?cycle={cycle}")
    assert response.status_code == 404
    assert response.json()["errors"][0]["extensions"]["code"] == "CYCLE_NOT_FOUND"
