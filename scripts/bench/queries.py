"""(1) and (4): GraphQL against the plain JSON endpoints, query by query, side by side."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import httpx

from scripts.bench.load import LoadSpec, run_load
from scripts.bench.settings import Settings
from scripts.bench.stats import LoadResult, LoadSummary
from scripts.bench.targets import Targets, identity_headers

EMPLOYEE = """query Employee($nip: String!) { employee(nip: $nip) { id nip name employmentType
 sex golongan pangkat jabatan { kind title jenjang } status appointedOn serviceStart version } }"""
PAGE = """query Page($unitId: ID!) { employees(unitId: $unitId, first: 50) { totalCount
 pageInfo { hasNextPage endCursor } edges { cursor node { id nip name golongan pangkat
 unit { id code name } } } } }"""
CAREER = """query Career($nip: String!) { employee(nip: $nip) { nip careerHistory { position
 kind effectiveOn golongan jabatanTitle unitId detail } } }"""


@dataclass(frozen=True)
class QueryCase:
    """One query, as GraphQL bodies and as the plain endpoint's bodies (same variables)."""

    key: str
    title: str
    plain_path: str
    graphql_bodies: list[str]
    plain_bodies: list[str]
    target: float


def query_cases(targets: Targets) -> list[QueryCase]:
    def case(
        key: str, title: str, query: str, name: str, values: list[str], goal: float
    ) -> QueryCase:
        variables = [{name: value} for value in values]
        return QueryCase(
            key,
            title,
            f"/plain/{key}",
            [json.dumps({"query": query, "variables": v}) for v in variables],
            [json.dumps(v) for v in variables],
            goal,
        )

    units = [str(u) for u in targets.unit_ids]
    return [
        case("employee", "one employee by NIP", EMPLOYEE, "nip", targets.nips, 0.8),
        case("page", "a page of 50 employees with unit and golongan", PAGE, "unitId", units, 0.5),
        case("career", "an employee's career history", CAREER, "nip", targets.nips, 0.0),
    ]


def check_same_json(case: QueryCase, graphql_url: str, plain_url: str, tenant: str) -> int:
    """Every body, through both endpoints: the same `data`, no errors. Returns bodies checked."""
    headers = {"Content-Type": "application/json", **identity_headers(tenant)}
    with httpx.Client(timeout=30) as client:
        for g_body, p_body in zip(case.graphql_bodies, case.plain_bodies, strict=True):
            g = client.post(f"{graphql_url}/graphql", content=g_body, headers=headers).json()
            p = client.post(f"{plain_url}{case.plain_path}", content=p_body, headers=headers)
            if "errors" in g or g != p.json():
                raise AssertionError(
                    f"{case.key}: GraphQL and plain differ for {p_body}:\n{g}\n{p.text}"
                )
            if not _has_content(g["data"]):
                raise AssertionError(f"{case.key}: an empty answer for {p_body}: {g}")
    return len(case.graphql_bodies)


def _has_content(data: dict[str, object]) -> bool:
    return all(value is not None for value in data.values())


def load_spec(url: str, bodies: list[str], tenant: str, settings: Settings) -> LoadSpec:
    return LoadSpec(
        url=url,
        bodies=bodies,
        headers=identity_headers(tenant),
        seconds=settings.seconds,
        connections=settings.connections,
    )


@dataclass(frozen=True)
class Comparison:
    """One query: GraphQL and plain medians, and GraphQL's throughput as a share of plain's."""

    case: QueryCase
    graphql: LoadSummary
    plain: LoadSummary

    @property
    def ratio(self) -> float:
        return self.graphql.rps / self.plain.rps if self.plain.rps else 0.0


def alternate(
    runs: dict[str, Callable[[], LoadResult]], repetitions: int
) -> dict[str, LoadSummary]:
    """Run each in turn (A, B, A, B …) `repetitions` times; medians per name."""
    results: dict[str, list[LoadResult]] = {name: [] for name in runs}
    for _ in range(repetitions):
        for name, run in runs.items():
            results[name].append(run())
    return {name: LoadSummary.of(found) for name, found in results.items()}


def compare_queries(
    cases: list[QueryCase],
    graphql_url: str,
    plain_url: str,
    tenant: str,
    settings: Settings,
) -> list[Comparison]:
    """For each query: warm both up, then alternate GraphQL and plain runs."""
    comparisons = []
    for case in cases:
        g_spec = load_spec(f"{graphql_url}/graphql", case.graphql_bodies, tenant, settings)
        p_spec = load_spec(f"{plain_url}{case.plain_path}", case.plain_bodies, tenant, settings)
        for spec in (g_spec, p_spec):  # warm-up: caches and pools
            run_load(settings.generator, _shorter(spec))
        found = alternate(
            {
                "graphql": partial(run_load, settings.generator, g_spec),
                "plain": partial(run_load, settings.generator, p_spec),
            },
            settings.repetitions,
        )
        comparisons.append(Comparison(case, found["graphql"], found["plain"]))
    return comparisons


def _shorter(spec: LoadSpec) -> LoadSpec:
    return LoadSpec(spec.url, spec.bodies, spec.headers, min(spec.seconds, 2.0), spec.connections)
