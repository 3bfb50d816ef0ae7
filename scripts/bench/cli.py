"""`jejak bench`: run every benchmark side by side and write docs/benchmarks.md (`--quick`:
a scratch report in the data folder, so a smoke run never overwrites the published figures).

`scripts/cli.py` wires it in with `add_bench_command(commands)`; the suite itself
(scripts/bench/suite.py) is imported only when a run starts, since it needs the `bench` extra.
"""

from __future__ import annotations

import argparse
import importlib.util
import shlex
import sys
from pathlib import Path

from scripts.bench.load import pick_generator
from scripts.bench.settings import Settings

DATA_DIR = Path(".jejak") / "bench"
REPORT = Path("docs") / "benchmarks.md"
QUICK = {
    "employees": 50,
    "growth": (40, 80),
    "repetitions": 1,
    "seconds": 0.3,
    "prefix": 400,
    "loads": 20,
}


def add_bench_command(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `jejak bench [--employees N] [--growth A,B,C] [--quick] …`."""
    p = subparsers.add_parser(
        "bench",
        help="run the benchmark suite on generated data and write docs/benchmarks.md",
        description=(
            "Generate data sets (once, in their own data folders), run every benchmark side "
            "by side against its reference and write the report."
        ),
    )
    p.add_argument("--employees", type=int, default=10_000, help="the main data set (10000)")
    p.add_argument("--growth", type=_sizes, default=(1_000, 10_000, 100_000), help="sizes for (4)")
    p.add_argument("--seed", type=int, default=2025, help="seed of the generated data (2025)")
    p.add_argument("--repetitions", type=int, default=3, help="runs per figure (medians)")
    p.add_argument("--seconds", type=float, default=10.0, help="length of one HTTP run")
    p.add_argument("--connections", type=int, default=8, help="requests/commands in flight")
    p.add_argument("--workers", type=int, default=1, help="uvicorn workers per server")
    p.add_argument(
        "--loadgen",
        choices=("auto", "wrk", "python"),
        default="auto",
        help="HTTP load generator (auto: wrk if installed, else the Python one)",
    )
    p.add_argument("--prefix", type=int, default=20_000, help="events for the per-event runner")
    p.add_argument("--loads", type=int, default=200, help="aggregate loads per block in (5)")
    p.add_argument("--growth-rebuilds", type=int, default=1, help="rebuilds per growth size")
    p.add_argument(
        "--data-dir",
        type=Path,
        default=DATA_DIR,
        help="where the generated data sets are kept, one folder each (.jejak/bench)",
    )
    p.add_argument(
        "--output",
        type=Path,
        help=f"the report to write (default {REPORT}; with --quick, quick.md in --data-dir)",
    )
    p.add_argument(
        "--quick", action="store_true", help="the smoke size: tiny and fast, a scratch report"
    )
    p.add_argument(
        "--time-travel",
        action="store_true",
        help="only the time-travel figures (asOf against current state), printed",
    )
    p.add_argument(
        "--audit-export",
        action="store_true",
        help="only the audit export figures (export against the raw log read, plans), printed",
    )
    p.set_defaults(func=cmd_bench)


def _sizes(raw: str) -> tuple[int, ...]:
    sizes = tuple(int(part) for part in raw.split(",") if part.strip())
    if len(sizes) < 2 or min(sizes) < 1:
        raise argparse.ArgumentTypeError("give two or more sizes, e.g. 1000,10000,100000")
    return sizes


def settings_from(args: argparse.Namespace) -> Settings:
    """The run's sizes: the options, or the smoke sizes with --quick; and where it reports."""
    if args.quick:
        for name, value in QUICK.items():
            setattr(args, name, value)
    if args.output is None:
        args.output = args.data_dir / "quick.md" if args.quick else REPORT
    return Settings(
        employees=args.employees,
        growth=tuple(args.growth),
        seed=args.seed,
        repetitions=args.repetitions,
        seconds=args.seconds,
        connections=args.connections,
        workers=args.workers,
        generator=pick_generator(args.loadgen),
        prefix=args.prefix,
        loads=args.loads,
        data_dir=args.data_dir,
        output=args.output,
    )


def cmd_bench(args: argparse.Namespace) -> int:
    if importlib.util.find_spec("httpx") is None:
        print("jejak bench needs httpx: pip install 'jejak[bench]'.", file=sys.stderr)
        return 2
    from scripts.bench.report import render, write_report
    from scripts.bench.suite import run

    settings = settings_from(args)
    if args.time_travel:
        from scripts.bench import time_travel

        samples = 20 if args.quick else 200
        figures = time_travel.run(settings.data_dir, settings.employees, settings.seed, samples)
        print(time_travel.render(figures, settings.employees))
        return 0
    if args.audit_export:
        from scripts.bench import audit_export

        repetitions = 1 if args.quick else 5
        audit = audit_export.run(settings.data_dir, settings.employees, settings.seed, repetitions)
        print(audit_export.render(audit, settings.employees))
        return 0
    command = "jejak " + shlex.join(sys.argv[1:]) if sys.argv[1:2] == ["bench"] else "jejak bench"
    results = run(settings, command, args.growth_rebuilds)
    write_report(settings.output, render(results))
    print(f"Wrote {settings.output}.")
    return 0
