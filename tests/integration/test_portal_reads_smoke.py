"""The portal read benchmark at a tiny size: every document's answers are checked against its
plain endpoint and every document gets a row. Benchmarks are not tests; this only keeps
`scripts/bench/portal_reads.py` and the plain endpoints from rotting.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts.bench.portal_documents import pick_portal_targets, portal_documents
from scripts.bench.portal_reads import main
from scripts.bench.portal_report import heading
from scripts.bench.servers import database_url
from services.database import Database

pytestmark = pytest.mark.integration

SUMMARY = re.compile(r"^geometric mean GraphQL/plain over (\d+) documents: (\d+\.\d\d)×", re.M)


def test_a_tiny_run_checks_every_document_against_plain_and_writes_a_row_for_each(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a small generated region and a report with a section of its own
    monkeypatch.setenv("DATABASE_URL", database_url(database))
    report = tmp_path / "benchmarks.md"
    report.write_text("# Benchmarks\n\n## 1. Queries\n\nearlier figures\n")

    # When the benchmark runs for a fraction of a second per side
    code = main(["--employees", "100", "--seconds", "0.2", "--repetitions", "1",
                 "--connections", "2", "--loadgen", "python", "--data-dir",
                 str(tmp_path / "data"), "--report", str(report)])  # fmt: skip

    # Then every document has a row whose answers were checked, with figures on both sides
    assert code == 0
    documents = portal_documents(pick_portal_targets(database))
    assert len(documents) >= 12
    written = report.read_text()
    assert written.startswith("# Benchmarks\n\n## 1. Queries\n\nearlier figures\n")
    assert written.count(heading(len(documents))) == 1
    for document in documents:
        [row] = [line for line in written.splitlines() if line.startswith(f"| {document.title} |")]
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        assert int(cells[2]) == len(document.variables), document.key
        assert float(cells[3].replace(",", "")) > 0
        assert float(cells[4].replace(",", "")) > 0
    # And the summary line names every document and a ratio
    [(count, ratio)] = SUMMARY.findall(written)
    assert int(count) == len(documents)
    assert float(ratio) > 0
