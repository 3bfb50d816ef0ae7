"""`jejak bench --time-travel --quick`: the time-travel figures are measured and printed.

Benchmarks are not tests; this keeps the time-travel benchmark from rotting.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts.cli import main

pytestmark = pytest.mark.integration

ROW = re.compile(r"^\| (?P<what>[^|]+) \| (?P<ms>\d+\.\d+) \|", re.M)


def test_the_quick_time_travel_run_prints_every_figure_above_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["bench", "--time-travel", "--quick", "--data-dir", str(tmp_path)])

    printed = capsys.readouterr().out
    figures = {m.group("what").strip(): float(m.group("ms")) for m in ROW.finditer(printed)}
    assert code == 0
    # The employee's three queries, (a) and (b), then unitTree and scoreExplanation.
    assert len(figures) == 7, printed
    assert all(ms > 0 for ms in figures.values()), printed
    assert "asOf: {position, validOn}" in printed
    assert "| `unitTree` |" in printed
