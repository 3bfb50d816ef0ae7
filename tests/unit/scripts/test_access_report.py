"""Writing the access benchmark's section into docs/benchmarks.md, by hand-made files."""

from __future__ import annotations

from pathlib import Path

from scripts.bench.access_report import HEADING, write_section

SECTION = f"{HEADING}\n\nnew figures\n"


def test_the_section_is_appended_after_the_existing_text(tmp_path: Path) -> None:
    report = tmp_path / "benchmarks.md"
    report.write_text("# Benchmarks\n\n## 1. Queries\n\nold text\n")

    write_section(report, SECTION)

    assert report.read_text() == f"# Benchmarks\n\n## 1. Queries\n\nold text\n\n{SECTION}"


def test_a_second_run_replaces_its_own_section_and_keeps_the_sections_around_it(
    tmp_path: Path,
) -> None:
    report = tmp_path / "benchmarks.md"
    report.write_text(f"# Benchmarks\n\n{HEADING}\n\nold figures\n\n## Later\n\nkept\n")

    write_section(report, SECTION)

    assert report.read_text() == f"# Benchmarks\n\n{SECTION}\n## Later\n\nkept\n"


def test_a_missing_report_is_created_with_the_section_alone(tmp_path: Path) -> None:
    report = tmp_path / "docs" / "benchmarks.md"

    write_section(report, SECTION)

    assert report.read_text() == SECTION
