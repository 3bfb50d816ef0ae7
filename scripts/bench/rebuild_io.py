"""Rebuild against the raw read of the log at each size, before and after issue 17's server
settings, side by side: "before" starts the data set's server with PostgreSQL's stock settings
(128 MB of shared_buffers), "after" with Jejak's for this machine (services/server_settings.py).

`python -m scripts.bench.rebuild_io [--sizes 1000,10000] [--repetitions 2] [--report FILE]`
joins the generated data sets `e<size>-s2025` (it generates nothing) and, per repetition, for
each size, "before" then "after", starts the data set's server with its settings, runs
`compare_rebuild` once (a raw read, then a full rebuild and swap) and stops the server. A server
another process holds keeps the settings it started with, so each row prints the
shared_buffers it actually ran with. With --report, the section "Rebuild bound by I/O (issue
17)" of that file is replaced by the tables.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import psycopg

from projections.reader import EventReader
from scripts.bench.datasets import MARKER, folder, open_dataset
from scripts.bench.rebuilds import RebuildComparison, compare_rebuild
from scripts.bench.sections import replace_section
from scripts.bench.stats import median
from services.runtime import build_personnel

DATA_DIR = Path(".jejak/bench")
SEED = 2025
HEADING = "## Rebuild bound by I/O (issue 17)"
# PostgreSQL's own defaults for what services/server_settings.py changes.
STOCK = {"shared_buffers": "128MB", "maintenance_work_mem": "64MB", "max_wal_size": "1GB"}
# label → the server's settings (None: Jejak's for this machine)
VARIANTS: Mapping[str, Mapping[str, str] | None] = {"before": STOCK, "after": None}


@dataclass(frozen=True)
class Row:
    """The medians of one size under one set of server settings."""

    employees: int
    settings: str
    shared_buffers: str
    comparison: RebuildComparison


def measure(sizes: Sequence[int], repetitions: int) -> list[Row]:
    """Every (size, settings) once per repetition, alternating; the medians of each."""
    runs: dict[tuple[int, str], list[tuple[str, RebuildComparison]]] = {}
    for _ in range(repetitions):
        for size in sizes:
            for label, settings in VARIANTS.items():
                runs.setdefault((size, label), []).append(_once(size, settings))
    return [_row(size, label, found) for (size, label), found in runs.items()]


def _once(size: int, settings: Mapping[str, str] | None) -> tuple[str, RebuildComparison]:
    if not (folder(DATA_DIR, size, SEED) / MARKER).exists():
        raise SystemExit(f"e{size}-s{SEED} is not generated: this benchmark generates nothing.")
    with open_dataset(DATA_DIR, size, SEED, settings) as dataset:
        with psycopg.connect(**dataset.database.psycopg_kwargs()) as conn:
            shown = conn.execute("SHOW shared_buffers").fetchone()
        personnel = build_personnel(dataset.database)
        try:
            comparison = compare_rebuild(dataset.database, EventReader(personnel), 1)
        finally:
            personnel.close()
    return (str(shown[0]) if shown else "?"), comparison


def _row(size: int, label: str, found: list[tuple[str, RebuildComparison]]) -> Row:
    def middle(name: str) -> float:
        return median([float(getattr(c, name)) for _, c in found])

    comparison = RebuildComparison(
        found[0][1].events,
        middle("rebuild_seconds"),
        middle("raw_seconds"),
        len(found),
        rebuild_cpu=middle("rebuild_cpu"),
        raw_cpu=middle("raw_cpu"),
    )
    return Row(size, label, "/".join(sorted({shown for shown, _ in found})), comparison)


def section(rows: Sequence[Row], repetitions: int, started: str, minutes: float) -> str:
    """The docs section: a row per (size, settings), then the growth of the rate per settings."""
    out = [
        HEADING,
        "",
        f"Measured {started} in {minutes:.1f} minutes by `python -m scripts.bench.rebuild_io` "
        f"({repetitions} repetitions, medians). Each row: a raw read and decode of the log "
        "(`EventReader.read`, batches of 2,000) and a full `rebuild` (build beside, then swap). "
        "Before: the data set's server started with PostgreSQL's stock settings; after: with "
        "Jejak's (services/server_settings.py); alternating. The code is the same on both "
        "sides. A server another process held kept its own settings (the shared_buffers "
        "column). CPU is this process's, not the server's.",
        "",
        "| employees | settings | shared_buffers | events | raw s | rebuild s | rebuild/raw "
        "| rebuild events/s | raw CPU s | rebuild CPU s | CPU raw/rebuild |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        c = row.comparison
        cpu_ratio = c.raw_cpu / c.rebuild_cpu if c.rebuild_cpu else 0.0
        out.append(
            f"| {row.employees:,} | {row.settings} | {row.shared_buffers} | {c.events:,} | "
            f"{c.raw_seconds:.1f} | {c.rebuild_seconds:.1f} | {c.ratio:.2f}× | "
            f"{c.rebuild_rate:,.0f} | {c.raw_cpu:.1f} | {c.rebuild_cpu:.1f} | {cpu_ratio:.2f}× |"
        )
    out += ["", "| | rebuild events/s, largest over smallest size |", "| --- | --- |"]
    for label in VARIANTS:
        mine = sorted((r for r in rows if r.settings == label), key=lambda r: r.employees)
        if len(mine) > 1:
            first, last = mine[0], mine[-1]
            growth = last.comparison.rebuild_rate / first.comparison.rebuild_rate
            sizes = f"{last.employees:,} over {first.employees:,}"
            out.append(f"| {label} | {growth:.2f}× ({sizes}) |")
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--repetitions", type=int, default=2)
    parser.add_argument("--report", type=Path)
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    started, clock = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), time.perf_counter()
    rows = measure(sizes, args.repetitions)
    text = section(rows, args.repetitions, started, (time.perf_counter() - clock) / 60)
    print(text)
    if args.report:
        replace_section(args.report, text, HEADING)


if __name__ == "__main__":
    main()
