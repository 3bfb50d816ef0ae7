"""What authentication, the authorisation guard, the access log and row-level security cost,
side by side in one run (issue 12's closing figures).

    python -m scripts.bench.access_cost [--employees 500] [--seconds 3] [--data-dir DIR]
                                        [--report docs/benchmarks.md]

HTTP against the real app under uvicorn on 127.0.0.1: (1) one document with a verified bearer
token against gateway headers; (2) private fields read by HR (logged), by their owner and by
their appraiser (logged), against HR's non-private document; then, in process, token
verification, the guard and the log write alone, and (3) tenant_reads.py's row-level security
comparison. Prints a table; with --report, writes its section into that Markdown file.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shlex
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from scripts.bench.access_cases import (
    SERVER_ENVIRONMENT,
    Load,
    Measured,
    authentication_cases,
    check_answers,
    guard_cases,
    measure,
)
from scripts.bench.access_data import open_data, pick_people
from scripts.bench.access_micro import micro_costs
from scripts.bench.access_report import AccessResults, render_markdown, render_text, write_section
from scripts.bench.load import pick_generator
from scripts.bench.machine import describe
from scripts.bench.report import now
from scripts.bench.servers import GRAPHQL_APP, serve
from scripts.bench.tenant_reads import compare as compare_rls

RLS_READERS = 4  # tenant_reads.py's default concurrency
MIN_REPETITIONS = 3
LOG_TOLERANCE = 0.05  # wrk stops counting requests still in flight when a run ends


def _step(clock: float, text: str) -> None:
    elapsed = time.perf_counter() - clock
    print(f"access: [{elapsed:.0f} s] {text}", file=sys.stderr, flush=True)


def _check_logging(cases: dict[str, Measured]) -> None:
    """Say so when a case did not log as it should: then it measured something else."""
    for measured in cases.values():
        expected = 1.0 if measured.case.logged else 0.0
        if abs(measured.rows_per_request - expected) > LOG_TOLERANCE:
            print(f"access: WARNING {measured.case.title}: {measured.rows_per_request:.2f} "
                  f"access-log rows per request, not {expected:.0f}", file=sys.stderr)  # fmt: skip


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
    parser.add_argument("--loadgen", choices=("auto", "wrk", "python"), default="auto")
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="keeps the generated data (default: a temporary folder)")  # fmt: skip
    parser.add_argument("--report", type=Path, default=None,
                        help="a Markdown file to write the section into")  # fmt: skip
    return parser.parse_args(argv)


def run(args: argparse.Namespace, command: str) -> AccessResults:
    """Generate, serve, measure; every figure of the report."""
    generator = pick_generator(args.loadgen)
    started, clock = now(), time.perf_counter()
    log = (args.data_dir or Path(".jejak") / "bench") / "logs" / "access-server.log"
    with open_data(args.data_dir, args.employees, args.seed) as data:
        database = data.database
        machine = describe(database)
        people = pick_people(database)
        authentication, guarded = authentication_cases(people), guard_cases(people)
        with serve(GRAPHQL_APP, database, 1, log, SERVER_ENVIRONMENT) as base:
            load = Load(f"{base}/graphql", args.seconds, args.connections, generator,
                        args.repetitions)  # fmt: skip
            items = {case.key: check_answers(case, load.url) for case in authentication + guarded}
            _step(clock, "answers checked; (1) bearer token against gateway headers")
            cases = measure(authentication, load, database)
            _step(clock, "(2) the guard and the access log")
            cases |= measure(guarded, load, database)
        _check_logging(cases)
        _step(clock, "in process: token verification, the guard, the log write")
        micro = micro_costs(database, people, args.repetitions)
        _step(clock, "(3) row-level security (tenant_reads.py)")
        rls = asyncio.run(compare_rls(database, args.seconds, RLS_READERS, args.repetitions))
    return AccessResults(
        command=command, started=started, minutes=(time.perf_counter() - clock) / 60,
        machine=machine, load_after=" ".join(f"{x:.2f}" for x in os.getloadavg()),
        data=data, people=people, seconds=args.seconds, repetitions=args.repetitions,
        connections=args.connections, generator=generator, rls_readers=RLS_READERS,
        cases=cases, items_per_answer=items, micro=micro, rls=rls,
    )  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    args = parse(given)
    results = run(args, shlex.join(["python", "-m", "scripts.bench.access_cost", *given]))
    print(render_text(results))
    if args.report is not None:
        write_section(args.report, render_markdown(results))
        print(f"Wrote the section into {args.report}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
