"""`jejak bench --audit-export --quick`: the audit export figures are measured and printed.

Benchmarks are not tests; this keeps the audit export benchmark from rotting.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts.cli import main

pytestmark = pytest.mark.integration

RATE = re.compile(r"^\| (?P<what>[^|]+) \| (?P<rate>[\d,]+) \| (?P<ratio>\d+\.\d\d)× \|$", re.M)
PLAN = re.compile(r"^\| (?P<what>[^|]+) \| (?P<scans>[^|]+) \| [\d,]+ \| \d+\.\d\d \|$", re.M)


def test_the_quick_audit_export_run_prints_rates_against_the_raw_read_and_the_plans(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["bench", "--audit-export", "--quick", "--data-dir", str(tmp_path)])

    printed = capsys.readouterr().out
    rates = {m.group("what").strip(): m for m in RATE.finditer(printed)}
    assert code == 0
    assert set(rates) == {"raw read of the rows", "export as JSON Lines", "export as CSV"}
    assert all(int(m.group("rate").replace(",", "")) > 0 for m in rates.values()), printed
    plans = {m.group("what").strip(): m.group("scans") for m in PLAN.finditer(printed)}
    assert len(plans) == 11, printed
    assert "Scan" in plans["actor"]
