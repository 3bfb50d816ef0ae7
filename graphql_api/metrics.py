"""/metrics in Prometheus' text format (prometheus-client): requests, errors, commands, runtime.

Per GraphQL operation (the name its parsed document gives): requests by HTTP status, latency,
and errors by `extensions.code`; per mutation field, commands by outcome (OK or the code that
refused it); at scrape time, the runtime's figures (graphql_api/runtime_metrics.py).

Labels stay bounded: operation names are those registered in `JEJAK_METRICS_OPERATIONS`, then
the first `JEJAK_METRICS_MAX_OPERATIONS` others seen, then "other"; mutation fields are the
schema's; codes are the API's own, capped as well. /metrics needs no token: bind the service
to an internal interface or let the deployment guard the path. `JEJAK_METRICS=0` turns it off.
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from prometheus_client import (
    CollectorRegistry,
    Counter,
    GCCollector,
    Histogram,
    PlatformCollector,
    ProcessCollector,
)
from prometheus_client.exposition import choose_encoder
from prometheus_client.metrics_core import Metric
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Scope

from graphql_api.observation import Observation
from graphql_api.runtime_metrics import runtime_families
from services.runtime import Runtime

GRAPHQL_PATH = "/graphql"
OTHER = "other"
ANONYMOUS = "anonymous"  # an operation without a name
NO_OPERATION = "none"  # refused before a document named one (token, body, parse)
DEFAULT_MAX_OPERATIONS = 50
MAX_CODES = 100
# Up to the request timeout (35 s by default).
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 40)


@dataclass(frozen=True)
class MetricsSettings:
    """Whether /metrics is served, and how many operation names get a label of their own."""

    enabled: bool = True
    max_operations: int = DEFAULT_MAX_OPERATIONS
    operations: tuple[str, ...] = ()  # always labelled, on top of the others seen

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> MetricsSettings:
        """JEJAK_METRICS (1; 0 turns it off), JEJAK_METRICS_MAX_OPERATIONS (50) and
        JEJAK_METRICS_OPERATIONS (comma-separated names)."""
        enabled = environ.get("JEJAK_METRICS", "1").strip()
        if enabled not in {"0", "1"}:
            raise ValueError(f"JEJAK_METRICS must be 0 or 1, not {enabled!r}.")
        raw_cap = environ.get("JEJAK_METRICS_MAX_OPERATIONS", str(DEFAULT_MAX_OPERATIONS))
        try:
            cap = int(raw_cap)
        except ValueError:
            cap = -1
        if cap < 0:
            raise ValueError(f"JEJAK_METRICS_MAX_OPERATIONS must be 0 or more, not {raw_cap!r}.")
        names = environ.get("JEJAK_METRICS_OPERATIONS", "")
        operations = tuple(name.strip() for name in names.split(",") if name.strip())
        return cls(enabled == "1", cap, operations)


@dataclass
class LabelCap:
    """A label's values: the registered ones, then the first `cap` others seen, else "other"."""

    cap: int
    registered: frozenset[str] = frozenset()
    seen: set[str] = field(default_factory=set)

    def __call__(self, value: str) -> str:
        if value in self.registered or value in self.seen:
            return value
        if len(self.seen) < self.cap:
            self.seen.add(value)
            return value
        return OTHER


class RequestMetrics:
    """The API's metrics in a registry of its own (one per app: no process-wide state)."""

    def __init__(self, settings: MetricsSettings | None = None) -> None:
        settings = settings or MetricsSettings()
        self.operations = LabelCap(settings.max_operations, frozenset(settings.operations))
        self.codes = LabelCap(MAX_CODES)
        self.registry = CollectorRegistry()
        for collector in (ProcessCollector, PlatformCollector, GCCollector):
            collector(registry=self.registry)
        self.requests = Counter(
            "jejak_graphql_requests",
            "GraphQL requests answered, by operation and HTTP status.",
            ["operation", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "jejak_graphql_request_duration_seconds",
            "Time to answer a GraphQL request, by operation.",
            ["operation"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.errors = Counter(
            "jejak_graphql_errors",
            "GraphQL requests whose answer carried an error with this extensions.code.",
            ["operation", "code"],
            registry=self.registry,
        )
        self.commands = Counter(
            "jejak_commands",
            "Commands (mutation fields) called, by outcome: OK or the code that refused it.",
            ["mutation", "outcome"],
            registry=self.registry,
        )

    def observe(self, scope: Scope, status: int, seconds: float, seen: Observation) -> None:
        """Count one finished HTTP request (only /graphql ones)."""
        if scope["path"] != GRAPHQL_PATH:
            return
        operation = self.operation_label(seen)
        self.requests.labels(operation, str(status)).inc()
        self.latency.labels(operation).observe(seconds)
        for code in sorted(set(seen.codes)):
            self.errors.labels(operation, self.codes(code)).inc()
        for mutation, outcome in seen.outcomes():
            self.commands.labels(mutation, self.codes(outcome)).inc()

    def operation_label(self, seen: Observation) -> str:
        if seen.operation_type is None:
            return NO_OPERATION
        return self.operations(seen.operation) if seen.operation else ANONYMOUS

    async def scrape(self, runtime: Runtime | None, accept: str) -> Response:
        """The exposition of these metrics and the runtime's, as `accept` asks."""
        families = await runtime_families(runtime)
        encode, content_type = choose_encoder(accept)
        return Response(encode(_Scrape(self.registry, families)), media_type=content_type)


class _Scrape:
    """One scrape's metrics: the registry's and the runtime's read just now."""

    def __init__(self, registry: CollectorRegistry, families: Iterable[Metric]) -> None:
        self.registry = registry
        self.families = list(families)

    def collect(self) -> Iterator[Metric]:
        yield from self.registry.collect()
        yield from self.families


def metrics_endpoint(
    metrics: RequestMetrics, runtime_of: Callable[[], Runtime | None]
) -> Callable[[Request], Awaitable[Response]]:
    """The /metrics endpoint, reading the runtime `runtime_of` returns (None while starting)."""

    async def endpoint(request: Request) -> Response:
        return await metrics.scrape(runtime_of(), request.headers.get("accept", ""))

    return endpoint
