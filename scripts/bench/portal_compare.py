"""The portal documents through `/graphql` and through their plain endpoints: first the same
answer (and the same access-log writes) for every request body, then side by side under load."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import partial

import httpx
import psycopg

from access.access_log import AUDIT_SCHEMA
from scripts.bench.load import LoadSpec, run_load
from scripts.bench.portal_documents import PortalDocument, role_headers
from scripts.bench.queries import alternate
from scripts.bench.stats import LoadSummary
from services.database import Database

WARM_UP_SECONDS = 1.0


@dataclass(frozen=True)
class PortalComparison:
    """One document: GraphQL and plain medians, and GraphQL's throughput as a share of plain's."""

    document: PortalDocument
    graphql: LoadSummary
    plain: LoadSummary

    @property
    def ratio(self) -> float:
        return self.graphql.rps / self.plain.rps if self.plain.rps else 0.0

    @property
    def tail(self) -> float:
        """GraphQL's p99 over its p50."""
        return self.graphql.p99_ms / self.graphql.p50_ms if self.graphql.p50_ms else 0.0


def geometric_mean(values: list[float]) -> float:
    """The geometric mean of positive values (0 if any is not)."""
    if not values or any(v <= 0 for v in values):
        return 0.0
    return math.exp(sum(math.log(v) for v in values) / len(values))


def _access_rows(conn: psycopg.Connection[tuple[int]]) -> int:
    row = conn.execute(f"SELECT count(*) FROM {AUDIT_SCHEMA}.access_log").fetchone()
    return int(row[0]) if row else 0


def check_parity(
    documents: list[PortalDocument], graphql_url: str, plain_url: str, tenant: str,
    database: Database,
) -> dict[str, int]:  # fmt: skip
    """Every body of every document through both: HTTP 200, no errors, the same `data`, a
    non-null answer, and as many access-log rows written by each. Raises AssertionError
    naming the document otherwise; returns the bodies checked per document."""
    checked: dict[str, int] = {}
    with (
        httpx.Client(timeout=30) as client,
        psycopg.connect(**database.psycopg_kwargs(), autocommit=True) as conn,
    ):
        for d in documents:
            headers = {"Content-Type": "application/json", **role_headers(tenant, d.role)}
            for g_body, p_body in zip(d.graphql_bodies(), d.plain_bodies(), strict=True):
                before = _access_rows(conn)
                g = client.post(f"{graphql_url}/graphql", content=g_body, headers=headers)
                middle = _access_rows(conn)
                p = client.post(f"{plain_url}{d.plain_path}", content=p_body, headers=headers)
                logged = (middle - before, _access_rows(conn) - middle)
                problem = _difference(g, p, logged)
                if problem:
                    raise AssertionError(
                        f"{d.key}: {problem} for {p_body}:\nGraphQL {g.status_code} "
                        f"{g.text[:600]}\nplain {p.status_code} {p.text[:600]}"
                    )
            checked[d.key] = len(d.variables)
    return checked


def _difference(g: httpx.Response, p: httpx.Response, logged: tuple[int, int]) -> str:
    if g.status_code != 200 or p.status_code != 200:
        return "not HTTP 200"
    answer = g.json()
    if "errors" in answer or "errors" in p.json():
        return "an error"
    if answer != p.json():
        return "different data"
    if any(value is None for value in answer["data"].values()):
        return "an empty answer"
    if logged[0] != logged[1]:
        return f"access-log rows written: GraphQL {logged[0]}, plain {logged[1]}"
    return ""


def compare_documents(
    documents: list[PortalDocument], graphql_url: str, plain_url: str, tenant: str, *,
    seconds: float, connections: int, repetitions: int, generator: str,
) -> list[PortalComparison]:  # fmt: skip
    """For each document: warm both up, then alternate GraphQL and plain runs (A, B, A, B …)."""
    comparisons = []
    for d in documents:
        headers = role_headers(tenant, d.role)
        g_spec = LoadSpec(f"{graphql_url}/graphql", d.graphql_bodies(), headers, seconds,
                          connections)  # fmt: skip
        p_spec = LoadSpec(f"{plain_url}{d.plain_path}", d.plain_bodies(), headers, seconds,
                          connections)  # fmt: skip
        for spec in (g_spec, p_spec):  # warm-up: caches and pools
            short = min(seconds, WARM_UP_SECONDS)
            run_load(generator, LoadSpec(spec.url, spec.bodies, spec.headers, short, connections))
        found = alternate(
            {
                "graphql": partial(run_load, generator, g_spec),
                "plain": partial(run_load, generator, p_spec),
            },
            repetitions,
        )
        comparisons.append(PortalComparison(d, found["graphql"], found["plain"]))
    return comparisons
