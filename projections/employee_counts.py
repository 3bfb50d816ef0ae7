"""Head counts of employees per unit and attribute combination, kept beside the employees table.

A page of a unit's employees reports `totalCount`. Counting the matching employee rows grows
with the subtree (30,000 rows for a dinas at 100k employees: the page's cost went up 1.8×,
docs/benchmarks.md); summing these counts grows with the units and the combinations in them.
The employees projection writes the changes of each batch here in the same transaction.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import asyncpg
from psycopg import Cursor

from projections.base import READ_SCHEMA

KEY = ("tenant", "unit_id", "unit_path", "employment_type", "golongan", "jabatan_kind", "status")


def counts_ddl(schema: str) -> Sequence[str]:
    """The counts table, created with the employees table it summarises."""
    return [
        f"""CREATE TABLE IF NOT EXISTS {schema}.employee_counts (
            tenant text NOT NULL, unit_id uuid NOT NULL, unit_path text COLLATE "C" NOT NULL,
            employment_type text NOT NULL, golongan text NOT NULL, jabatan_kind text NOT NULL,
            status text NOT NULL, n int NOT NULL,
            PRIMARY KEY (tenant, unit_id, employment_type, golongan, jabatan_kind, status))""",
        f"CREATE INDEX IF NOT EXISTS employee_counts_by_path "
        f"ON {schema}.employee_counts (tenant, unit_path)",
        f"CREATE INDEX IF NOT EXISTS employee_counts_empty ON {schema}.employee_counts (n) "
        "WHERE n = 0",
    ]


def write_count_changes(
    cur: Cursor[Any],
    schema: str,
    before: Mapping[Any, Mapping[str, Any]],
    after: Iterable[Mapping[str, Any]],
) -> None:
    """Move each changed employee from the combination they were in to the one they are in."""
    changes: Counter[tuple[Any, ...]] = Counter()
    for row in before.values():
        changes[tuple(row[k] for k in KEY)] -= 1
    for row in after:
        changes[tuple(row[k] for k in KEY)] += 1
    rows = [(*key, n) for key, n in changes.items() if n != 0]
    if not rows:
        return
    columns = ", ".join(KEY)
    cur.executemany(
        f"INSERT INTO {schema}.employee_counts ({columns}, n) "
        f"VALUES ({', '.join(['%s'] * (len(KEY) + 1))}) "
        "ON CONFLICT (tenant, unit_id, employment_type, golongan, jabatan_kind, status) "
        f"DO UPDATE SET n = {schema}.employee_counts.n + EXCLUDED.n",
        rows,
    )
    # A combination nobody is in any more leaves no row, as a clean rebuild would leave none.
    cur.execute(f"DELETE FROM {schema}.employee_counts WHERE n = 0")


async def count_employees(pool: asyncpg.Pool, condition: str, args: Sequence[object]) -> int:
    """How many employees match `condition` (over the counts' columns only)."""
    total = await pool.fetchval(
        f"SELECT coalesce(sum(n), 0) FROM {READ_SCHEMA}.employee_counts WHERE {condition}", *args
    )
    return int(total)
