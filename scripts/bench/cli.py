"""`jejak bench`: run every benchmark side by side and write docs/benchmarks.md.

`scripts/cli.py` wires it in with `add_bench_command(commands)`.
"""

from __future__ import annotations

import argparse
import shlex
import sys
import time
from pathlib import Path

from projections.reader import EventReader
from scripts.bench.datasets import open_dataset
from scripts.bench.growth import measure_growth
from scripts.bench.load import pick_generator
from scripts.bench.loading import compare_loading
from scripts.bench.machine import describe
from scripts.bench.mutations import compare_mutations
from scripts.bench.queries import check_same_json, compare_queries, query_cases
from scripts.bench.rebuilds import compare_rebuild, compare_runners
from scripts.bench.report import Results, now, render, write_report
from scripts.bench.scratch import scratch_copy
from scripts.bench.servers import GRAPHQL_APP, PLAIN_APP, serve
from scripts.bench.settings import Settings
from scripts.bench.targets import pick_targets
from services.runtime import build_personnel

QUICK = {
    "employees": 50,
    "growth": (40, 80),
    "repetitions": 1,
    "seconds": 1.0,
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
    p.add_argument("--seed", type=int, default=2025)
    p.add_argument("--repetitions", type=int, default=3, help="runs per figure (medians)")
    p.add_argument("--seconds", type=float, default=10.0, help="length of one HTTP run")
    p.add_argument("--connections", type=int, default=8, help="requests/commands in flight")
    p.add_argument("--workers", type=int, default=1, help="uvicorn workers per server")
    p.add_argument("--loadgen", choices=("auto", "wrk", "python"), default="auto")
    p.add_argument("--prefix", type=int, default=20_000, help="events for the per-event runner")
    p.add_argument("--loads", type=int, default=200, help="aggregate loads per block in (5)")
    p.add_argument("--growth-rebuilds", type=int, default=1, help="rebuilds per growth size")
    p.add_argument("--data-dir", type=Path, default=Path(".jejak") / "bench")
    p.add_argument("--output", type=Path, default=Path("docs") / "benchmarks.md")
    p.add_argument("--quick", action="store_true", help="the smoke size: tiny and fast")
    p.set_defaults(func=cmd_bench)


def _sizes(raw: str) -> tuple[int, ...]:
    sizes = tuple(int(part) for part in raw.split(",") if part.strip())
    if len(sizes) < 2 or min(sizes) < 1:
        raise argparse.ArgumentTypeError("give two or more sizes, e.g. 1000,10000,100000")
    return sizes


def settings_from(args: argparse.Namespace) -> Settings:
    """The run's sizes: the options, or the smoke sizes with --quick."""
    if args.quick:
        for name, value in QUICK.items():
            setattr(args, name, value)
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


def _step(text: str) -> None:
    print(f"bench: {text}", file=sys.stderr, flush=True)


def run(settings: Settings, command: str, growth_rebuilds: int = 1) -> Results:
    """Every benchmark, in an order that keeps the read models current where they are read."""
    started, clock = now(), time.perf_counter()
    with open_dataset(settings.data_dir, settings.employees, settings.seed) as dataset:
        database = dataset.database
        machine = describe(database)
        personnel = build_personnel(database)
        try:
            reader = EventReader(personnel)
            _step("(3) rebuild against a raw read of the log")
            rebuild = compare_rebuild(database, reader, settings.repetitions)
            _step(f"(3) batched against per-event runner, {settings.prefix:,} events")
            runners = compare_runners(database, reader, settings.prefix, settings.repetitions)
        finally:
            personnel.close()
        _step("(5) loading a long history against a new employee")
        loading = compare_loading(database, settings.loads, settings.repetitions)
        targets = pick_targets(database)
        logs = settings.logs / f"main-{settings.employees}"
        with (
            serve(GRAPHQL_APP, database, settings.workers, logs / "graphql.log") as graphql,
            serve(PLAIN_APP, database, settings.workers, logs / "plain.log") as plain,
        ):
            cases = query_cases(targets)
            for case in cases:
                check_same_json(case, graphql, plain, targets.tenant)
            _step("(1) queries: GraphQL against plain JSON")
            queries = compare_queries(cases, graphql, plain, targets.tenant, settings)
        _step("(2) mutations: GraphQL against direct, on a scratch copy of the data")
        with (
            scratch_copy(database) as scratch,
            serve(GRAPHQL_APP, scratch, settings.workers, logs / "mutations.log") as graphql,
            serve(PLAIN_APP, scratch, settings.workers, logs / "plain-mutations.log") as plain,
        ):
            mutations = compare_mutations(scratch, graphql, plain, targets, settings)
    _step(f"(4) growth over {', '.join(f'{n:,}' for n in settings.growth)} employees")
    growth = measure_growth(settings, growth_rebuilds)
    return Results(
        settings=settings,
        machine=machine,
        command=command,
        events=rebuild.events,
        queries=queries,
        mutations=mutations,
        rebuild=rebuild,
        runners=runners,
        growth=growth,
        loading=loading,
        started=started,
        minutes=(time.perf_counter() - clock) / 60,
    )


def cmd_bench(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    command = "jejak " + shlex.join(sys.argv[1:]) if sys.argv[1:2] == ["bench"] else "jejak bench"
    results = run(settings, command, args.growth_rebuilds)
    write_report(settings.output, render(results))
    print(f"Wrote {settings.output}.")
    return 0
