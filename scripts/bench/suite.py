"""The benchmark suite's run: every benchmark side by side, in an order that keeps the read
models current where they are read. `jejak bench` (scripts/bench/cli.py) calls `run`.

Imported only when a run starts: it needs httpx, which the `bench` extra installs.
"""

from __future__ import annotations

import sys
import time

from projections.reader import EventReader
from scripts.bench.datasets import open_dataset
from scripts.bench.growth import measure_growth
from scripts.bench.ledger import measure_sizes
from scripts.bench.ledger_commands import compare_ledger_throughput
from scripts.bench.ledger_report import LedgerResults
from scripts.bench.loading import compare_loading
from scripts.bench.machine import describe
from scripts.bench.mutations import compare_mutations
from scripts.bench.portal_reads import compare_on
from scripts.bench.queries import check_same_json, compare_queries, query_cases
from scripts.bench.rebuilds import compare_rebuild, compare_runners
from scripts.bench.report import Results, now
from scripts.bench.scratch import scratch_copy
from scripts.bench.servers import GRAPHQL_APP, PLAIN_APP, serve
from scripts.bench.settings import Settings
from scripts.bench.targets import pick_targets
from services.runtime import build_personnel


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
            _step("(1b) portal reads: every portal document, GraphQL against plain")
            portal = compare_on(
                database, graphql, plain, employees=settings.employees,
                seconds=settings.seconds, repetitions=settings.repetitions,
                connections=settings.connections, generator=settings.generator, command=command,
            )  # fmt: skip
        _step("(2) mutations: GraphQL against direct, on a scratch copy of the data")
        with (
            scratch_copy(database) as scratch,
            serve(GRAPHQL_APP, scratch, settings.workers, logs / "mutations.log") as graphql,
            serve(PLAIN_APP, scratch, settings.workers, logs / "plain-mutations.log") as plain,
        ):
            mutations = compare_mutations(scratch, graphql, plain, targets, settings)
        _step("(6) ledger: the same commands with and without the integrator, on a scratch copy")
        mixed = pick_targets(database, nips=10 * settings.connections)
        with scratch_copy(database) as scratch:
            throughput = compare_ledger_throughput(scratch, mixed.tenant, mixed.nips, settings)
    _step(f"(4) growth over {', '.join(f'{n:,}' for n in settings.growth)} employees")
    growth = measure_growth(settings, growth_rebuilds)
    _step(f"(6) ledger: verify and proofs over {', '.join(f'{n:,}' for n in settings.growth)}")
    ledger_sizes = measure_sizes(
        settings.data_dir, settings.growth, settings.seed, settings.repetitions, over_http=True
    )
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
        ledger=LedgerResults(throughput, ledger_sizes),
        portal=portal,
        started=started,
        minutes=(time.perf_counter() - clock) / 60,
    )
