"""The runtime's figures, read when Prometheus scrapes rather than kept up to date.

The head of the event log, each read model's position, lag and state, and the read pool's
connections: one indexed statement each, bounded in time, so a scrape stays cheap and a slow
database shows as `jejak_runtime_up 0` instead of a hanging scrape.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from prometheus_client.metrics_core import CounterMetricFamily, GaugeMetricFamily, Metric

from services.ledger.store import ledger_figures
from services.runtime import Runtime

SCRAPE_TIMEOUT_SECONDS = 2.0
READ_POOL = "read"
logger = logging.getLogger("jejak.metrics")


async def runtime_families(runtime: Runtime | None) -> list[Metric]:
    """The runtime's metric families now (only `jejak_runtime_up 0` while it is not open)."""
    up = GaugeMetricFamily(
        "jejak_runtime_up", "1 when the runtime is open and its database answered this scrape."
    )
    if runtime is None:
        up.add_metric([], 0)
        return [up]
    families = pool_families(runtime.pool)
    try:
        async with asyncio.timeout(SCRAPE_TIMEOUT_SECONDS):
            head = await asyncio.to_thread(runtime.reader.head)
            projections = await runtime.projection_health()
            ledger = await ledger_figures(runtime.pool)
    except Exception as error:
        logger.warning("The runtime's figures could not be read for /metrics: %r", error)
        up.add_metric([], 0)
        return [up, *families]
    up.add_metric([], 1)
    events = CounterMetricFamily(
        "jejak_events",
        "Events in the log, by every writer: the position of the newest (rate() = appends/s).",
        value=head,
    )
    position = GaugeMetricFamily(
        "jejak_projection_position", "Log position a read model has applied.", labels=["projection"]
    )
    lag = GaugeMetricFamily(
        "jejak_projection_lag_events",
        "Events in the log a read model has not applied yet.",
        labels=["projection"],
    )
    degraded = GaugeMetricFamily(
        "jejak_projection_degraded",
        "1 when a read model is DEGRADED: held at an event it cannot apply, or behind one held.",
        labels=["projection"],
    )
    for projection in projections:
        position.add_metric([projection.name], projection.position)
        lag.add_metric([projection.name], projection.lag(head))
        degraded.add_metric([projection.name], int(projection.degraded))
    return [up, events, position, lag, degraded, *ledger_families(ledger), *families]


def ledger_families(figures: tuple[int, int, float | None] | None) -> list[Metric]:
    """The ledger's size and the age of its newest checkpoint (none before it exists)."""
    if figures is None:
        return []
    size, _, age = figures
    families: list[Metric] = [
        GaugeMetricFamily("jejak_ledger_size", "Events integrated into the ledger.", value=size)
    ]
    if age is not None:
        families.append(
            GaugeMetricFamily(
                "jejak_ledger_checkpoint_age_seconds",
                "Seconds since the newest signed ledger checkpoint was issued.",
                value=age,
            )
        )
    return families


def pool_families(pool: Any) -> list[Metric]:
    """The asyncpg read pool's connections: open, idle (free) and the most it may open."""
    labels = ["pool"]
    size = GaugeMetricFamily(
        "jejak_db_pool_connections", "Connections the pool holds open.", labels=labels
    )
    idle = GaugeMetricFamily(
        "jejak_db_pool_idle_connections", "Open connections not lent out.", labels=labels
    )
    most = GaugeMetricFamily(
        "jejak_db_pool_max_connections", "Connections the pool may open.", labels=labels
    )
    size.add_metric([READ_POOL], pool.get_size())
    idle.add_metric([READ_POOL], pool.get_idle_size())
    most.add_metric([READ_POOL], pool.get_max_size())
    return [size, idle, most]
