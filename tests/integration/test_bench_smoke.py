"""The benchmark suite at the smoke size: every section is written, with numbers.

Benchmarks are not tests; this only keeps `jejak bench` from rotting. It runs with wrk if
it is installed and with the Python load generator otherwise.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts.bench.cli import QUICK
from scripts.bench.ledger_report import SECTION as LEDGER
from scripts.bench.report import KEEP, SECTIONS
from scripts.cli import main

pytestmark = pytest.mark.integration

# A table cell holding a measured number (or a ratio), not a number in the prose.
FIGURE = re.compile(r"\|\s*(\d[\d,]*(?:\.\d+)?)×?\s*\|")


def _section(report: str, heading: str) -> str:
    body = report.split(heading, 1)[1]
    return body.split("\n## ", 1)[0]


def test_the_quick_run_writes_every_section_of_the_report_with_numbers(tmp_path: Path) -> None:
    output = tmp_path / "benchmarks.md"
    (tmp_path / "data").mkdir()
    # A previous analysis below the marker must survive the rewrite.
    output.write_text(f"old figures\n{KEEP}\nThe profile says why.\n")

    code = main(
        [
            "bench",
            "--quick",
            "--connections",
            "2",
            "--data-dir",
            str(tmp_path / "data"),
            "--output",
            str(output),
        ]
    )

    report = output.read_text()
    assert code == 0
    assert "old figures" not in report
    assert report.rstrip().endswith("The profile says why.")
    for heading in ("## Summary", *SECTIONS):
        assert heading in report
        figures = [m.group(1) for m in FIGURE.finditer(_section(report, heading))]
        assert any(float(f.replace(",", "")) > 0 for f in figures), heading
    assert "×" in _section(report, "## Summary")
    assert "| commands/s with/without the ledger integrator |" in report
    # The ledger at the smoke sizes: with and without its integrator, and each size's row.
    ledger = _section(report, LEDGER)
    assert "| with the ledger integrator |" in ledger
    sizes = QUICK["growth"]
    assert isinstance(sizes, tuple)
    for employees in sizes:
        assert f"\n| {employees:,} | " in ledger
