"""`jejak export` writing the same files as the download, filtered by --tenant, as the owner."""

from __future__ import annotations

import asyncio
import csv
from pathlib import Path

import openpyxl
import pytest

from scripts.cli import main
from services.database import Database
from tests.e2e import conftest as e2e
from tests.e2e.conftest import Api
from tests.e2e.test_training_reports import staffed_region
from tests.e2e.training_steps import YEAR
from tests.integration.scenarios import database_url

pytestmark = pytest.mark.integration
api = e2e.api  # the app on the test database, tenants registered: it records the data


async def jejak(*argv: str) -> int:
    """Run the command line in a thread (it runs its own event loop)."""
    return await asyncio.to_thread(main, list(argv))


def sheet_rows(path: Path) -> list[tuple[object, ...]]:
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        return list(workbook["leave-balances"].iter_rows(values_only=True))
    finally:
        workbook.close()


async def test_the_roster_exports_to_csv_for_the_tenant_named(
    api: Api, database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", database_url(database))
    dinas, _ = await staffed_region(api)
    await api.read("{ tenants { code } }")  # the read models have every write above
    out = tmp_path / "roster.csv"
    code = await jejak(
        "export", "roster", "--tenant", "pemkot-palangkaraya", "--unit", dinas, "--output", str(out)
    )
    assert code == 0
    with out.open(newline="") as file:
        rows = list(csv.DictReader(file))
    assert len(rows) == 3
    assert all(int(r["log_position"]) > 0 for r in rows)


async def test_another_tenant_named_on_the_command_line_gets_no_rows(
    api: Api, database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", database_url(database))
    dinas, _ = await staffed_region(api)
    await api.read("{ tenants { code } }")
    out = tmp_path / "leave.xlsx"
    argv = ["export", "leave-balances", "--unit", dinas, "--year", str(YEAR)]
    argv += ["--format", "xlsx", "--output", str(out)]
    assert await jejak(*argv, "--tenant", "pemkab-kemuning") == 0
    assert len(sheet_rows(out)) == 1  # the header alone
    assert await jejak(*argv, "--tenant", "pemkot-palangkaraya") == 0
    rows = sheet_rows(out)
    assert len(rows) == 4
    assert all(isinstance(r[6], int) for r in rows[1:])


async def test_an_unregistered_tenant_is_exit_status_2(
    api: Api, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", database_url(database))
    assert await jejak("export", "competency-gaps", "--tenant", "pemkab-tidak-ada") == 2
