"""The portal read benchmark (issue 17): every portal document through GraphQL against a plain
starlette endpoint running the same SQL and returning the same JSON, side by side.

    python -m scripts.bench.portal_reads --employees 1000 --seconds 2 --repetitions 3 \\
        [--connections 8] [--data-dir .jejak/bench] [--report docs/benchmarks.md]

The data set is `<data dir>/e<employees>-s<seed>` (scripts/bench/datasets.py), or, when
DATABASE_URL is set, that database (generated into if empty). Prints a table; with --report,
writes its section into that Markdown file. `jejak bench` runs it too (scripts/bench/suite.py).
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import psycopg

from scripts.bench.access_data import open_data
from scripts.bench.datasets import open_dataset
from scripts.bench.load import pick_generator
from scripts.bench.portal_compare import check_parity, compare_documents
from scripts.bench.portal_documents import pick_portal_targets, portal_documents
from scripts.bench.portal_report import PortalResults, heading, render_markdown, render_text
from scripts.bench.sections import replace_section
from scripts.bench.servers import GRAPHQL_APP, PLAIN_APP, serve
from services.database import Database
from services.ledger.keeper import LedgerKeeper
from services.ledger.schema import SCHEMA as LEDGER_SCHEMA
from services.ledger.settings import LedgerSettings


def _step(text: str) -> None:
    print(f"portal: {text}", file=sys.stderr, flush=True)


def ensure_ledger(database: Database) -> None:
    """Integrate and checkpoint the log if the ledger has no checkpoint yet (a data set that
    no serve process kept), as a serve process's ledger keeper would."""
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        found = conn.execute("SELECT to_regclass(%s)", (f"{LEDGER_SCHEMA}.checkpoints",))
        row = found.fetchone()
        if row and row[0] is not None:
            count = conn.execute(f"SELECT count(*) FROM {LEDGER_SCHEMA}.checkpoints").fetchone()
            if count and count[0]:
                return
    _step("no ledger checkpoint: integrating the log")
    keeper = LedgerKeeper(database, LedgerSettings.from_env(database.dbname))
    try:
        keeper.checkpoint_now()
    finally:
        keeper.close()


def compare_on(
    database: Database, graphql: str, plain: str, *, employees: int, seconds: float,
    repetitions: int, connections: int, generator: str, command: str,
) -> PortalResults:  # fmt: skip
    """With both apps served on `database`: check every answer, then measure every document."""
    ensure_ledger(database)
    found = pick_portal_targets(database)
    documents = portal_documents(found)
    tenant = found.targets.tenant
    checked = check_parity(documents, graphql, plain, tenant, database)
    _step(f"{sum(checked.values())} answers alike over {len(documents)} documents; measuring")
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    comparisons = compare_documents(
        documents, graphql, plain, tenant, seconds=seconds, connections=connections,
        repetitions=repetitions, generator=generator,
    )  # fmt: skip
    return PortalResults(comparisons, checked, employees, seconds, repetitions, connections,
                         generator, command, load)  # fmt: skip


def measure(
    database: Database, logs: Path, *, employees: int, seconds: float, repetitions: int,
    connections: int, generator: str, workers: int, command: str,
) -> PortalResults:  # fmt: skip
    """Serve both apps on `database` and compare them (`compare_on`)."""
    with (
        serve(GRAPHQL_APP, database, workers, logs / "portal-graphql.log") as graphql,
        serve(PLAIN_APP, database, workers, logs / "portal-plain.log") as plain,
    ):
        return compare_on(
            database, graphql, plain, employees=employees, seconds=seconds,
            repetitions=repetitions, connections=connections, generator=generator,
            command=command,
        )  # fmt: skip


@contextmanager
def _database(data_dir: Path, employees: int, seed: int) -> Iterator[Database]:
    if os.environ.get("DATABASE_URL"):
        with open_data(None, employees, seed) as data:
            yield data.database
    else:
        with open_dataset(data_dir, employees, seed) as dataset:
            yield dataset.database


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--employees", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--seconds", type=float, default=2.0, help="of each run")
    parser.add_argument("--repetitions", type=int, default=3)
    parser.add_argument("--connections", type=int, default=8, help="requests in flight")
    parser.add_argument("--workers", type=int, default=1, help="uvicorn workers per server")
    parser.add_argument("--loadgen", choices=("auto", "wrk", "python"), default="auto")
    parser.add_argument("--data-dir", type=Path, default=Path(".jejak") / "bench")
    parser.add_argument("--report", type=Path, default=None,
                        help="a Markdown file to write the section into")  # fmt: skip
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    args = parse(given)
    command = shlex.join(["python", "-m", "scripts.bench.portal_reads", *given])
    with _database(args.data_dir, args.employees, args.seed) as database:
        results = measure(
            database, args.data_dir / "logs", employees=args.employees, seconds=args.seconds,
            repetitions=args.repetitions, connections=args.connections,
            generator=pick_generator(args.loadgen), workers=args.workers, command=command,
        )  # fmt: skip
    print(render_text(results))
    if args.report is not None:
        section = render_markdown(results)
        replace_section(args.report, section, heading(len(results.comparisons)))
        print(f"Wrote the section into {args.report}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
