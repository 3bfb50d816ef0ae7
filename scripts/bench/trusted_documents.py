"""Trusted documents against sent ones, side by side: what planning each document once saves.

    python -m scripts.bench.trusted_documents [--employees 500] [--seconds 3]
                                              [--data-dir DIR] [--report docs/benchmarks.md]

One server under uvicorn on 127.0.0.1 registers the portal documents of trusted_cases.py
(JEJAK_TRUSTED_DOCUMENTS); each document is requested by `documentId` and with its text, in
alternating runs. Then, in process, what one request spends on the checks before any resolver
either way. Prints a table; with --report, writes its section into that Markdown file.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from scripts.bench.access_data import open_data
from scripts.bench.load import LoadSpec, pick_generator, run_load
from scripts.bench.machine import describe
from scripts.bench.report import now
from scripts.bench.servers import GRAPHQL_APP, serve
from scripts.bench.stats import LoadResult
from scripts.bench.targets import identity_headers, pick_targets
from scripts.bench.trusted_cases import (
    check_answers,
    check_costs,
    documents,
    manifest,
    paired_latencies,
)
from scripts.bench.trusted_report import (
    Measured,
    TrustedResults,
    render_markdown,
    render_text,
    write_section,
)

MIN_REPETITIONS = 3


def _step(clock: float, text: str) -> None:
    elapsed = time.perf_counter() - clock
    print(f"trusted: [{elapsed:.0f} s] {text}", file=sys.stderr, flush=True)


def _repetitions(raw: str) -> int:
    value = int(raw)
    if value < MIN_REPETITIONS:
        raise argparse.ArgumentTypeError(f"at least {MIN_REPETITIONS}: each figure is a median")
    return value


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--employees", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=3.0, help="of each run")
    parser.add_argument("--repetitions", type=_repetitions, default=MIN_REPETITIONS)
    parser.add_argument("--connections", type=int, default=8, help="requests in flight")
    parser.add_argument("--rounds", type=int, default=200,
                        help="pairs of single requests per document (by id, as text)")  # fmt: skip
    parser.add_argument("--loadgen", choices=("auto", "wrk", "python"), default="auto")
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="keeps the generated data (default: a temporary folder)")  # fmt: skip
    parser.add_argument("--report", type=Path, default=None,
                        help="a Markdown file to write the section into")  # fmt: skip
    return parser.parse_args(argv)


def run(args: argparse.Namespace, command: str) -> TrustedResults:
    """Generate, serve with the manifest, check the answers, measure."""
    generator = pick_generator(args.loadgen)
    started, clock = now(), time.perf_counter()
    log = (args.data_dir or Path(".jejak") / "bench") / "logs" / "trusted-server.log"
    with open_data(args.data_dir, args.employees, args.seed) as data, \
            tempfile.TemporaryDirectory(prefix="jejak-trusted-") as folder:  # fmt: skip
        database = data.database
        machine = describe(database)
        targets = pick_targets(database)
        found = documents(targets, date.today())
        path = Path(folder) / "portal-documents.json"
        path.write_text(json.dumps(manifest(found)))
        headers = identity_headers(targets.tenant)
        environment = {"JEJAK_TRUSTED_DOCUMENTS": str(path)}
        with serve(GRAPHQL_APP, database, 1, log, environment) as base:
            url = f"{base}/graphql"
            for document in found:
                check_answers(document, url, headers)
            _step(clock, f"answers checked; {len(found)} documents, registered against sent")
            measured = []
            for document in found:
                specs = {
                    registered: LoadSpec(url, document.bodies(registered), headers,
                                         args.seconds, args.connections)
                    for registered in (True, False)
                }  # fmt: skip
                for spec in specs.values():  # warm-up: caches, pools, the verifier's memory
                    short = min(args.seconds, 1.0)
                    run_load(generator, LoadSpec(spec.url, spec.bodies, spec.headers, short,
                                                 spec.connections))  # fmt: skip
                runs: dict[bool, list[LoadResult]] = {True: [], False: []}
                for repetition in range(args.repetitions):  # A B, B A, …: neighbours in time
                    for registered in (True, False) if repetition % 2 == 0 else (False, True):
                        runs[registered].append(run_load(generator, specs[registered]))
                paired = paired_latencies(document, url, headers, args.rounds)
                measured.append(
                    Measured(document.key, document.title, runs[True], runs[False], paired)
                )
        _step(clock, "in process: the checks of one request, sent and registered")
        costs = check_costs(found)
    return TrustedResults(
        command=command, started=started, minutes=(time.perf_counter() - clock) / 60,
        machine=machine, load_after=" ".join(f"{x:.2f}" for x in os.getloadavg()),
        employees=data.employees, events=data.events, seconds=args.seconds, rounds=args.rounds,
        repetitions=args.repetitions, connections=args.connections, generator=generator,
        measured=measured, costs=costs,
    )  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    args = parse(given)
    results = run(args, shlex.join(["python", "-m", "scripts.bench.trusted_documents", *given]))
    print(render_text(results))
    if args.report is not None:
        write_section(args.report, render_markdown(results))
        print(f"Wrote the section into {args.report}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
