"""What one PostgreSQL holds: bytes per event of the log, its indexes, the read models and the
ledger, measured on a generated data set and projected to the nation's regional ASN.

Read-only: it opens the data set's own server (scripts/bench/datasets.py) and only reads
the catalog and the statistics views. The projection is linear in events, which is what the
per-event figures of two sizes can confirm or refute (run it with `--sizes 1000,10000`).

    python -m scripts.bench.scaling_size --sizes 10000
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import psycopg

from projections.base import READ_SCHEMA
from scripts.bench.datasets import open_dataset
from scripts.bench.scaling_common import SEED, load_average
from services.database import Database

NATION_REGIONAL_ASN = 4_100_000  # BKN, Sept 2025: ASN of regional governments
NATION_EVENTS = 250_000_000  # issue 17: the regional ASN's history at today's mix
GB = 1024**3
# Each part of the database: (name, SQL condition on the relation's schema and name).
PARTS = (
    ("log: events", "n.nspname = 'public' AND c.relname = 'jejak_events'"),
    ("log: snapshots", "n.nspname = 'public' AND c.relname = 'jejak_snapshots'"),
    ("read models", f"n.nspname = '{READ_SCHEMA}'"),
    ("ledger", "n.nspname = 'ledger'"),
    ("access log", "n.nspname = 'audit'"),
)


@dataclass(frozen=True)
class Part:
    """One part of the database: heap (with TOAST) and index bytes, rows written."""

    name: str
    heap_bytes: int
    index_bytes: int
    inserted: int
    updated: int
    deleted: int

    @property
    def total_bytes(self) -> int:
        return self.heap_bytes + self.index_bytes


@dataclass(frozen=True)
class Size:
    """A data set's database, split into its parts."""

    label: str
    employees: int
    events: int
    parts: list[Part]
    database_bytes: int

    def per_event(self, bytes_: int) -> float:
        return bytes_ / self.events if self.events else 0.0

    @property
    def events_per_employee(self) -> float:
        return self.events / self.employees if self.employees else 0.0


def measure_size(database: Database, label: str) -> Size:
    """Sizes and rows written of every part of `database`, from the catalog (no table scan
    beyond counting the employees)."""
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        row = conn.execute("SELECT coalesce(max(notification_id), 0) FROM jejak_events").fetchone()
        events = int(row[0]) if row else 0
        row = conn.execute(f"SELECT count(*) FROM {READ_SCHEMA}.employees").fetchone()
        employees = int(row[0]) if row else 0
        parts = [_part(conn, name, where) for name, where in PARTS]
        row = conn.execute("SELECT pg_database_size(current_database())").fetchone()
        database_bytes = int(row[0]) if row else 0
    return Size(label, employees, events, parts, database_bytes)


def _part(conn: psycopg.Connection[tuple[int, ...]], name: str, where: str) -> Part:
    row = conn.execute(
        "SELECT coalesce(sum(pg_table_size(c.oid)), 0), coalesce(sum(pg_indexes_size(c.oid)), 0),"
        " coalesce(sum(s.n_tup_ins), 0), coalesce(sum(s.n_tup_upd), 0),"
        " coalesce(sum(s.n_tup_del), 0) "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid "
        f"WHERE c.relkind IN ('r', 'p') AND {where}"
    ).fetchone()
    heap, index, ins, upd, dele = (int(x) for x in row) if row else (0, 0, 0, 0, 0)
    return Part(name, heap, index, ins, upd, dele)


def print_sizes(sizes: Sequence[Size]) -> None:
    """Bytes per event of each part at each size, and the projection to the nation."""
    print(f"# what one PostgreSQL holds; load average {load_average()}")
    for size in sizes:
        print(
            f"\n## {size.label}: {size.employees:,} employees, {size.events:,} events "
            f"({size.events_per_employee:.1f} per employee), database "
            f"{size.database_bytes / GB:.2f} GiB "
            f"({size.per_event(size.database_bytes):,.0f} B/event)"
        )
        print(
            "| part | heap B/event | index B/event | total B/event | rows inserted/event "
            "| rows updated/event | rows deleted/event | at 250 M events |"
        )
        print("| --- |" + " ---: |" * 7)
        for p in [*size.parts, _sum(size.parts)]:
            projected = size.per_event(p.total_bytes) * NATION_EVENTS / GB
            print(
                f"| {p.name} | {size.per_event(p.heap_bytes):,.0f} "
                f"| {size.per_event(p.index_bytes):,.0f} | {size.per_event(p.total_bytes):,.0f} "
                f"| {size.per_event(p.inserted):.2f} | {size.per_event(p.updated):.2f} "
                f"| {size.per_event(p.deleted):.2f} | {projected:,.0f} GiB |"
            )
        regional = size.events_per_employee * NATION_REGIONAL_ASN
        print(
            f"4.1 M regional ASN at {size.events_per_employee:.1f} events each: "
            f"{regional / 1e6:,.0f} M events, "
            f"{size.per_event(size.database_bytes) * regional / GB:,.0f} GiB in one database"
        )


def _sum(parts: Sequence[Part]) -> Part:
    return Part(
        "all parts",
        sum(p.heap_bytes for p in parts),
        sum(p.index_bytes for p in parts),
        sum(p.inserted for p in parts),
        sum(p.updated for p in parts),
        sum(p.deleted for p in parts),
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--data-dir", type=Path, default=Path(".jejak/bench"))
    parser.add_argument("--sizes", default="10000", help="generated data sets, by employees")
    args = parser.parse_args(argv)
    sizes = []
    for employees in (int(x) for x in args.sizes.split(",")):
        if not (args.data_dir / f"e{employees}-s{SEED}" / "generated.json").exists():
            parser.error(f"no data set of {employees} employees: this script generates none")
        with open_dataset(args.data_dir, employees, SEED) as dataset:
            sizes.append(measure_size(dataset.database, f"e{employees}-s{SEED}"))
    print_sizes(sizes)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
