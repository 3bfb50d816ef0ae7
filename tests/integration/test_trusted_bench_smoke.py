"""The trusted-documents benchmark at a tiny size: it runs end to end, prints its table and
writes its section. Benchmarks are not tests; this only keeps
`scripts/bench/trusted_documents.py` from rotting.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts.bench.servers import database_url
from scripts.bench.trusted_documents import main
from scripts.bench.trusted_report import HEADING
from services.database import Database

pytestmark = pytest.mark.integration

TITLES = (
    "one employee",
    "an employee's career",
    "a page of 50 employees",
    "the unit tree (50)",
    "a training year",
    "20 JP compliance of a dinas",
    "an employee's appraisals",
)
ROW = re.compile(
    r"^(?P<title>.+?)\s+(?P<by_id>\d+)\s+(?P<as_text>\d+)\s+\d+\.\d\d\s+\d+\.\d\d\s+"
    r"(?P<errors>\d+)\s+(?P<ratio>\d+\.\d\d)×\s+\S+\s+"
    r"\d+\.\d\d/\d+\.\d\d = (?P<paired>\d+\.\d\d)×\s+(?P<text_us>\d+) → (?P<id_us>\d+\.\d)$",
    re.MULTILINE,
)


def test_a_tiny_run_prints_every_document_both_ways_and_writes_its_section(
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
    code = main(["--employees", "100", "--seconds", "0.2", "--connections", "4", "--rounds", "4",
                 "--data-dir", str(tmp_path / "data"), "--report", str(report)])  # fmt: skip

    # Then every document answered both ways without failures, with its checks' costs
    table = capsys.readouterr().out
    assert code == 0
    rows = {row["title"]: row for row in ROW.finditer(table)}
    assert set(rows) == set(TITLES), table
    for title, row in rows.items():
        assert int(row["by_id"]) > 0, title
        assert int(row["as_text"]) > 0, title
        assert int(row["errors"]) == 0, title
        assert float(row["ratio"]) > 0, title
        assert float(row["paired"]) > 0, title
        assert float(row["id_us"]) < float(row["text_us"]), title
    assert "geometric mean registered/sent over 7 documents" in table
    assert "paired" in table
    # And the section follows the report's own text
    written = report.read_text()
    assert written.startswith("# Benchmarks\n\n## 1. Queries\n\nearlier figures\n")
    assert written.count(HEADING) == 1
    assert "| one employee |" in written
