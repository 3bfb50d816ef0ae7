"""(4): how query latency and rebuild time grow with the data, the sizes measured side by side.

Every size has its own PostgreSQL and its own GraphQL server, all up at once, and each query
is run against the sizes in turn (1k, 10k, 100k, 1k, …), so a noisy neighbour hits all sizes
alike. Latency is measured with one request in flight: the time of a query, not of a queue.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, replace
from functools import partial

from projections.reader import EventReader
from projections.rebuild import rebuild
from scripts.bench.datasets import Dataset, open_dataset
from scripts.bench.load import run_load
from scripts.bench.queries import alternate, check_same_json, load_spec, query_cases
from scripts.bench.servers import GRAPHQL_APP, PLAIN_APP, serve
from scripts.bench.settings import Settings
from scripts.bench.stats import LoadResult, LoadSummary, median, rate
from scripts.bench.targets import pick_targets
from services.runtime import build_personnel

REBUILD_BATCH = 2000


@dataclass(frozen=True)
class SizeRebuild:
    employees: int
    events: int
    seconds: float  # median

    @property
    def rate(self) -> float:
        return rate(self.events, self.seconds)


@dataclass(frozen=True)
class Growth:
    sizes: list[int]
    rebuilds: list[SizeRebuild]
    latency: dict[str, dict[int, LoadSummary]]  # query key -> size -> medians
    titles: dict[str, str]
    repetitions: int


def _rebuild(dataset: Dataset, repetitions: int) -> SizeRebuild:
    personnel = build_personnel(dataset.database)
    try:
        reader = EventReader(personnel)
        runs = [
            rebuild(dataset.database, reader, batch_size=REBUILD_BATCH) for _ in range(repetitions)
        ]
    finally:
        personnel.close()
    return SizeRebuild(dataset.employees, runs[-1].events, median([r.seconds for r in runs]))


def measure_growth(settings: Settings, rebuild_repetitions: int) -> Growth:
    sizes = sorted(settings.growth)
    single = replace(settings, connections=1)
    with ExitStack() as stack:
        datasets = [
            stack.enter_context(open_dataset(settings.data_dir, n, settings.seed)) for n in sizes
        ]
        rebuilds = [_rebuild(d, rebuild_repetitions) for d in datasets]
        runs: dict[str, dict[int, Callable[[], LoadResult]]] = {}
        titles: dict[str, str] = {}
        for dataset in datasets:
            logs = settings.logs / f"growth-{dataset.employees}"
            graphql = stack.enter_context(
                serve(GRAPHQL_APP, dataset.database, settings.workers, logs / "graphql.log")
            )
            plain = stack.enter_context(
                serve(PLAIN_APP, dataset.database, settings.workers, logs / "plain.log")
            )
            targets = pick_targets(dataset.database)
            for case in query_cases(targets):
                check_same_json(case, graphql, plain, targets.tenant)
                spec = load_spec(f"{graphql}/graphql", case.graphql_bodies, targets.tenant, single)
                run_load(settings.generator, replace(spec, seconds=min(spec.seconds, 2.0)))
                runs.setdefault(case.key, {})[dataset.employees] = partial(
                    run_load, settings.generator, spec
                )
                titles[case.key] = case.title
        latency: dict[str, dict[int, LoadSummary]] = {}
        for key, by_size in runs.items():
            found = alternate({str(n): run for n, run in by_size.items()}, settings.repetitions)
            latency[key] = {int(n): summary for n, summary in found.items()}
    return Growth(sizes, rebuilds, latency, titles, settings.repetitions)
