"""The access benchmark at a tiny size: it runs end to end, prints its table and writes its
section. Benchmarks are not tests; this only keeps `scripts/bench/access_cost.py` from rotting.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts.bench.access_cost import main
from scripts.bench.access_report import HEADING
from scripts.bench.servers import database_url
from services.database import Database

pytestmark = pytest.mark.integration

LOGGED = ("HR, private, other employees (logged)", "same employee, private, appraisees (logged)")
NOT_LOGGED = (
    "HR, non-private, bearer token",
    "HR, non-private, gateway headers",
    "employee, private, own record",
    "HR, non-private, other employees",
)
RATIO = re.compile(
    r"^(authentication|access log|guard)\D*\s(\d+\.\d\d)×\s+\d+\.\d\d–\d+\.\d\d$", re.MULTILINE
)


def _row(table: str, title: str) -> list[float]:
    """The numbers of the case's row: req/s, p50, p99, errors, access-log rows per request,
    list items per answer."""
    [line] = [line for line in table.splitlines() if line.startswith(title)]
    return [float(cell) for cell in line[len(title) :].split()]


def test_a_tiny_run_prints_every_case_and_ratio_and_appends_its_section(
    database: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Given an empty database and a report with a section of its own
    monkeypatch.setenv("DATABASE_URL", database_url(database))
    report = tmp_path / "benchmarks.md"
    report.write_text("# Benchmarks\n\n## 1. Queries\n\nearlier figures\n")

    # When the benchmark runs at the smoke size
    code = main(["--employees", "100", "--seconds", "0.2", "--connections", "4",
                 "--data-dir", str(tmp_path / "data"), "--report", str(report)])  # fmt: skip

    # Then every case answered without failures, and only the logged ones wrote to the log
    table = capsys.readouterr().out
    assert code == 0
    for title in LOGGED + NOT_LOGGED:
        rps, _, _, errors, rows_per_request, _ = _row(table, title)
        assert rps > 0, title
        assert errors == 0, title
        assert (rows_per_request >= 0.9) if title in LOGGED else (rows_per_request == 0), title
    assert len(RATIO.findall(table)) == 5
    assert all(float(value) > 0 for _, value in RATIO.findall(table))
    assert "RLS/plain" in table
    # And the section follows the report's own text
    written = report.read_text()
    assert written.startswith("# Benchmarks\n\n## 1. Queries\n\nearlier figures\n")
    assert written.count(HEADING) == 1
    assert "| verify ES256, fresh token / remembered |" in written
