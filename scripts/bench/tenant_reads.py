"""What row-level security costs a read: the API's queries through the tenant-scoped API role
against the same queries as the owner with no policy, side by side on one generated data set.

    python -m scripts.bench.tenant_reads [--employees 1000] [--seconds 3] [--concurrency 4]

A TenantPool read is one more round trip (set_config) before each statement, and the policy's
`tenant = current_setting(...)` on every row a statement reads.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from statistics import median
from typing import Any
from uuid import UUID

import asyncpg

from projections.career import career_histories
from projections.employees import EmployeeFilter, employee_by_nip, list_employees
from projections.units import unit_tree
from scripts.bench.datasets import open_dataset
from services.database import Database
from services.read_pool import TenantPool, open_read_pool
from services.runtime import catch_up_read_models

Read = Callable[[Any, int], Awaitable[object]]  # (pool for the tenant, i) → one API read


@dataclass(frozen=True)
class Tenant:
    code: str
    root: UUID
    nips: list[str]
    ids: list[UUID]


@dataclass(frozen=True)
class Comparison:
    name: str
    plain: float  # median reads/s as the owner, no row-level security (the API before)
    scoped: float  # median reads/s through TenantPool as the API role
    ratio: float  # median of scoped / plain over adjacent pairs of runs


def workloads(tenants: Sequence[Tenant]) -> dict[str, Callable[[Tenant], Read]]:
    """The API's own read functions, each on inputs that cycle through the tenant's data."""

    def one_employee(t: Tenant) -> Read:
        return lambda pool, i: employee_by_nip(pool, t.nips[i % len(t.nips)])

    def page_of_fifty(t: Tenant) -> Read:
        return lambda pool, i: list_employees(
            pool, tenant=t.code, unit_id=t.root, include_subunits=True, filter=EmployeeFilter(),
            first=50, after_nip=None,
        )  # fmt: skip

    def ten_careers(t: Tenant) -> Read:
        return lambda pool, i: career_histories(pool, t.ids[i % 50 : i % 50 + 10])

    def unit_tree_with_counts(t: Tenant) -> Read:
        return lambda pool, i: unit_tree(pool, t.code, None)

    return {
        "one employee by NIP (1 statement)": one_employee,
        "a page of 50 with total (3 statements)": page_of_fifty,
        "ten career histories (1 statement)": ten_careers,
        "the unit tree with head counts (2 statements)": unit_tree_with_counts,
    }


async def load_tenants(pool: Any) -> list[Tenant]:
    """Every tenant with its root unit and employees, read as the owner."""
    found = []
    for (code,) in await pool.fetch("SELECT DISTINCT tenant FROM rm.employees ORDER BY 1"):
        root = await pool.fetchval(
            "SELECT id FROM rm.units WHERE tenant = $1 AND parent_id IS NULL ORDER BY path", code
        )
        staff = await pool.fetch("SELECT id, nip FROM rm.employees WHERE tenant = $1", code)
        found.append(Tenant(code, root, [r["nip"] for r in staff], [r["id"] for r in staff]))
    return found


async def rate(pools: Sequence[Any], reads: Sequence[Read], seconds: float, tasks: int) -> float:
    """Reads per second of `tasks` concurrent loops, loop k reading tenant k mod n."""
    done = 0
    deadline = time.perf_counter() + seconds

    async def loop(k: int) -> None:
        nonlocal done
        i = k
        while time.perf_counter() < deadline:
            await reads[k % len(reads)](pools[k % len(pools)], i)
            done, i = done + 1, i + 1

    started = time.perf_counter()
    await asyncio.gather(*(loop(k) for k in range(tasks)))
    return done / (time.perf_counter() - started)


async def compare(
    database: Database, seconds: float, tasks: int, rounds: int = 10
) -> list[Comparison]:
    """Each workload plain and scoped, in `rounds` adjacent pairs of runs."""
    owner = await asyncpg.create_pool(**database.asyncpg_kwargs(), min_size=tasks, max_size=tasks)
    api = await open_read_pool(database, min_size=tasks, max_size=tasks)
    try:
        tenants = await load_tenants(owner)
        by_kind = {
            "plain": [owner] * len(tenants),
            "scoped": [TenantPool(api, t.code) for t in tenants],
        }
        results = []
        for name, make in workloads(tenants).items():
            reads = [make(t) for t in tenants]
            for pools in by_kind.values():  # warm-up: caches and prepared statements
                await rate(pools, reads, 0.5, tasks)
            plain, scoped = [], []
            for pair in range(rounds):  # adjacent short runs, the first of each alternating:
                runs = {}  # a pair's ratio survives the drift of a shared machine's load
                for kind in ("plain", "scoped")[:: 1 if pair % 2 == 0 else -1]:
                    runs[kind] = await rate(by_kind[kind], reads, seconds, tasks)
                plain.append(runs["plain"])
                scoped.append(runs["scoped"])
            ratios = [s / p for p, s in zip(plain, scoped, strict=True)]
            results.append(Comparison(name, median(plain), median(scoped), median(ratios)))
        return results
    finally:
        await owner.close()
        await api.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--employees", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=1.0, help="of each run")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--data-dir", type=Path, default=Path(".jejak") / "bench")
    args = parser.parse_args(argv)
    with open_dataset(args.data_dir, args.employees, args.seed) as dataset:
        catch_up_read_models(dataset.database)
        results = asyncio.run(compare(dataset.database, args.seconds, args.concurrency))
    print(f"{args.employees:,} employees, {args.concurrency} concurrent readers, reads/s")
    print(f"{'read':<48} {'plain':>8} {'RLS':>8} {'RLS/plain':>10}")
    for r in results:
        print(f"{r.name:<48} {r.plain:>8.0f} {r.scoped:>8.0f} {r.ratio:>9.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
