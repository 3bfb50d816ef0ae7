"""(2): recordAward over HTTP through GraphQL against the same command called in-process.

Like with like: the same command (`PersonnelApplication.record_award`), on the same database,
with the same number of commands in flight (HTTP connections, or threads in-process), each
on its own employees so no two race for one aggregate (a lost race is retried, and would
cost one side only). The API runs without its projection runner, and so does the in-process
caller: neither pays for read models. A third side, the plain starlette endpoint
`/plain/award` calling the same command in a worker thread, tells what HTTP costs from what
GraphQL costs.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime

import httpx

from domain.meta import Actor
from scripts.bench.load import run_load
from scripts.bench.queries import alternate, load_spec
from scripts.bench.settings import Settings
from scripts.bench.stats import LoadResult, LoadSummary, median
from scripts.bench.targets import Targets, identity_headers
from services.caller import Caller
from services.database import Database
from services.personnel import PersonnelApplication
from services.runtime import build_personnel

RECORD_AWARD = """mutation Award($input: RecordAwardInput!) {
 recordAward(input: $input) { employeeId version position } }"""
KIND, TITLE = "PENGHARGAAN_INSTANSI", "Pegawai Teladan (bench)"


@dataclass(frozen=True)
class MutationComparison:
    graphql: LoadSummary
    plain: LoadSummary  # plain HTTP JSON, the same command in a worker thread
    direct: LoadSummary
    events_recorded: int
    requests: int

    @property
    def ratio(self) -> float:
        return self.graphql.rps / self.direct.rps if self.direct.rps else 0.0

    @property
    def plain_ratio(self) -> float:
        return self.plain.rps / self.direct.rps if self.direct.rps else 0.0


def compare_mutations(
    database: Database, graphql_url: str, plain_url: str, targets: Targets, settings: Settings
) -> MutationComparison:
    today = datetime.now(UTC).date().isoformat()
    inputs = [
        {"nip": nip, "kind": KIND, "title": TITLE, "awardedOn": today} for nip in targets.nips
    ]
    bodies = [json.dumps({"query": RECORD_AWARD, "variables": {"input": i}}) for i in inputs]
    plain_bodies = [json.dumps({"input": i}) for i in inputs]
    _check_accepted(f"{graphql_url}/graphql", bodies[0], targets.tenant)
    _check_accepted(f"{plain_url}/plain/award", plain_bodies[0], targets.tenant)
    spec = load_spec(f"{graphql_url}/graphql", bodies, targets.tenant, settings)
    spec = replace(spec, split=True)
    plain_spec = load_spec(f"{plain_url}/plain/award", plain_bodies, targets.tenant, settings)
    plain_spec = replace(plain_spec, split=True)
    personnel = build_personnel(database)
    caller = Caller(Actor("bench-1", "hr_officer"), targets.tenant, "bench-direct")
    head_before = personnel.recorder.max_notification_id() or 0
    requests = 0

    def counted(run: Callable[[], LoadResult]) -> Callable[[], LoadResult]:
        def counting() -> LoadResult:
            nonlocal requests
            found = run()
            requests += found.requests
            return found

        return counting

    try:
        runs = {
            "graphql": counted(lambda: run_load(settings.generator, spec)),
            "plain": counted(lambda: run_load(settings.generator, plain_spec)),
            "direct": counted(lambda: _direct(personnel, caller, targets.nips, settings)),
        }
        found = alternate(runs, settings.repetitions)
        recorded = (personnel.recorder.max_notification_id() or 0) - head_before
    finally:
        personnel.close()
    return MutationComparison(found["graphql"], found["plain"], found["direct"], recorded, requests)


def _check_accepted(url: str, body: str, tenant: str) -> None:
    headers = {"Content-Type": "application/json", **identity_headers(tenant)}
    response = httpx.post(url, content=body, headers=headers, timeout=30)
    if response.status_code != 200 or response.json().get("errors"):
        raise AssertionError(f"recordAward was refused by {url}: {response.text[:500]}")


def _direct(
    personnel: PersonnelApplication, caller: Caller, nips: list[str], settings: Settings
) -> LoadResult:
    """`connections` threads, each recording awards on its own share of the employees."""
    today = datetime.now(UTC).date()
    latencies: list[list[float]] = [[] for _ in range(settings.connections)]
    errors = [0] * settings.connections
    started = time.perf_counter()
    deadline = started + settings.seconds

    def work(n: int) -> None:
        mine = nips[n :: settings.connections] or nips
        i = 0
        while time.perf_counter() < deadline:
            began = time.perf_counter()
            try:
                personnel.record_award(
                    caller, nip=mine[i % len(mine)], kind=KIND, title=TITLE, awarded_on=today
                )
            except Exception:  # counted, as wrk counts failed requests
                errors[n] += 1
            latencies[n].append(time.perf_counter() - began)
            i += 1

    threads = [threading.Thread(target=work, args=(n,)) for n in range(settings.connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    every = sorted(x for per in latencies for x in per)
    p99 = every[min(len(every) - 1, int(0.99 * len(every)))] * 1000 if every else 0.0
    return LoadResult(len(every), seconds, median(every) * 1000, p99, sum(errors))
