"""Where `jejak bench` writes: the published report, or a scratch one for a quick run."""

from __future__ import annotations

from pathlib import Path

from scripts.bench.cli import settings_from
from scripts.cli import build_parser


def _output(*options: str) -> Path:
    return settings_from(build_parser().parse_args(["bench", *options])).output


def test_a_full_run_writes_the_published_report_by_default() -> None:
    assert _output() == Path("docs") / "benchmarks.md"


def test_a_quick_run_writes_a_scratch_report_beside_its_data() -> None:
    assert _output("--quick") == Path(".jejak") / "bench" / "quick.md"
    assert _output("--quick", "--data-dir", "/tmp/b") == Path("/tmp/b/quick.md")


def test_an_output_given_is_where_either_run_writes() -> None:
    assert _output("--quick", "--output", "docs/benchmarks.md") == Path("docs/benchmarks.md")
    assert _output("--output", "/tmp/full.md") == Path("/tmp/full.md")
