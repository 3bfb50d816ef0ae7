"""A Python load generator for machines without wrk: `python -m scripts.bench.loadgen`.

Reads a LoadSpec as JSON on stdin, keeps `connections` requests in flight for `seconds` and
prints one JSON line: requests, seconds, p50_ms, p99_ms, errors. It is slower than wrk, so
its absolute figures are lower bounds; the side-by-side ratios still compare like with like.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from typing import Any

import httpx


async def _worker(
    client: httpx.AsyncClient, spec: dict[str, Any], offset: int, deadline: float, out: list[float]
) -> int:
    headers = {"Content-Type": "application/json", **spec["headers"]}
    bodies, errors, i = spec["bodies"], 0, offset
    if spec.get("split"):  # this connection's own share: bodies n, n + connections, …
        bodies, i = bodies[offset :: spec["connections"]] or bodies, 0
    while time.perf_counter() < deadline:
        body = bodies[i % len(bodies)]
        i += 1
        started = time.perf_counter()
        response = await client.post(spec["url"], content=body, headers=headers)
        out.append(time.perf_counter() - started)
        errors += response.status_code >= 400
    return errors


async def _main(spec: dict[str, Any]) -> dict[str, Any]:
    latencies: list[float] = []
    limits = httpx.Limits(max_connections=spec["connections"])
    async with httpx.AsyncClient(limits=limits, timeout=10.0) as client:
        started = time.perf_counter()
        deadline = started + float(spec["seconds"])
        errors = await asyncio.gather(
            *(_worker(client, spec, n, deadline, latencies) for n in range(spec["connections"]))
        )
        seconds = time.perf_counter() - started
    latencies.sort()

    def percentile(p: float) -> float:
        if not latencies:
            return 0.0
        return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] * 1000

    return {
        "requests": len(latencies),
        "seconds": seconds,
        "p50_ms": percentile(50),
        "p99_ms": percentile(99),
        "errors": sum(errors),
    }


if __name__ == "__main__":
    print(json.dumps(asyncio.run(_main(json.loads(sys.stdin.read())))))
