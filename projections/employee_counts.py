"""Head counts of employees, kept beside the employees table in the same transaction.

A page of a unit's employees reports `totalCount`. Counting the matching employee rows grows
with the subtree (30,000 rows for a dinas at 100k employees: the page's cost went up 1.8×,
docs/benchmarks.md). Two tables answer it instead:
- `employee_subtree_totals`: one row per unit and status counting the unit and every unit
  under it, for the count every page asks (a unit with its sub-units, no filter or only
  status): one row to read, however big the subtree (summing the per-unit totals of a whole
  pemkab read 3,000 rows at 100k employees, 1.6 ms: the page's growth, docs/benchmarks.md);
- `employee_totals`: one row per unit and status, for one unit's own employees and the unit
  tree's head counts;
- `employee_counts`: one row per unit and combination of the filter columns (type, golongan,
  jabatan kind, status), for filtered counts. Units are small (a sekolah, a puskesmas), so a
  combination holds two employees on average and a dinas's sum reads 15,000 rows at 100k:
  fine for a filtered count, too slow for the unfiltered one every page asks for.
The employees projection writes the changes of each batch to all three. A unit's path (its
ancestors) never changes, so an employee's change moves the counts of a fixed chain of units.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from uuid import UUID

import asyncpg
from psycopg import Cursor

from projections.base import READ_SCHEMA

KEY = ("tenant", "unit_id", "unit_path", "employment_type", "golongan", "jabatan_kind", "status")
TOTAL_KEY = ("tenant", "unit_id", "unit_path", "status")
SUBTREE_KEY = ("tenant", "unit_id", "status")
_TOTAL_AT = [KEY.index(column) for column in TOTAL_KEY]
# What `employee_totals` can answer: the unit scope and the status, nothing else.
TOTAL_COLUMNS = frozenset(TOTAL_KEY)


def counts_ddl(schema: str) -> Sequence[str]:
    """The count tables, created with the employees table they summarise."""
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
        f"""CREATE TABLE IF NOT EXISTS {schema}.employee_totals (
            tenant text NOT NULL, unit_id uuid NOT NULL, unit_path text COLLATE "C" NOT NULL,
            status text NOT NULL, n int NOT NULL, PRIMARY KEY (tenant, unit_id, status))""",
        f"CREATE INDEX IF NOT EXISTS employee_totals_by_path "
        f"ON {schema}.employee_totals (tenant, unit_path)",
        # Read models made before the totals existed: sum them from the combinations once (an
        # empty totals table beside non-empty combinations can only be a new one).
        f"""INSERT INTO {schema}.employee_totals
            SELECT tenant, unit_id, unit_path, status, sum(n) FROM {schema}.employee_counts
            WHERE NOT EXISTS (SELECT FROM {schema}.employee_totals)
            GROUP BY tenant, unit_id, unit_path, status""",
        f"""CREATE TABLE IF NOT EXISTS {schema}.employee_subtree_totals (
            tenant text NOT NULL, unit_id uuid NOT NULL, status text NOT NULL, n int NOT NULL,
            PRIMARY KEY (tenant, unit_id, status))""",
        # Likewise: every unit on an employee's path counts them ('/<id>/<id>/' → the ids).
        f"""INSERT INTO {schema}.employee_subtree_totals
            SELECT t.tenant, a.id::uuid, t.status, sum(t.n) FROM {schema}.employee_totals t
            CROSS JOIN LATERAL unnest(string_to_array(trim(both '/' from t.unit_path), '/'))
                AS a(id)
            WHERE NOT EXISTS (SELECT FROM {schema}.employee_subtree_totals)
            GROUP BY t.tenant, a.id, t.status""",
    ]


def write_count_changes(
    cur: Cursor[Any],
    schema: str,
    before: Mapping[Any, Mapping[str, Any]],
    after: Iterable[Mapping[str, Any]],
) -> None:
    """Move each changed employee from the unit, status and combination they were in to the
    ones they are in."""
    changes: Counter[tuple[Any, ...]] = Counter()
    for row in before.values():
        changes[tuple(row[k] for k in KEY)] -= 1
    for row in after:
        changes[tuple(row[k] for k in KEY)] += 1
    totals: Counter[tuple[Any, ...]] = Counter()
    for key, n in changes.items():
        if n:
            totals[tuple(key[i] for i in _TOTAL_AT)] += n
    rows = [(*key, n) for key, n in changes.items() if n]
    if _add(cur, schema, "employee_counts", KEY, rows):
        # A combination nobody is in any more leaves no row, as a clean rebuild would leave none.
        cur.execute(f"DELETE FROM {schema}.employee_counts WHERE n = 0")
    rows = [(*key, n) for key, n in totals.items() if n]
    if _add(cur, schema, "employee_totals", TOTAL_KEY, rows):
        # Few units lose their last employee of a status: delete those by key.
        cur.executemany(
            f"DELETE FROM {schema}.employee_totals "
            "WHERE tenant = %s AND unit_id = %s AND status = %s AND n = 0",
            [(tenant, unit_id, status) for tenant, unit_id, _, status, n in rows if n < 0],
        )
    subtrees: Counter[tuple[Any, ...]] = Counter()
    for (tenant, _, unit_path, status), n in totals.items():
        for ancestor in unit_path.strip("/").split("/"):
            subtrees[(tenant, UUID(ancestor), status)] += n
    rows = [(*key, n) for key, n in subtrees.items() if n]
    if _add(cur, schema, "employee_subtree_totals", SUBTREE_KEY, rows):
        cur.executemany(
            f"DELETE FROM {schema}.employee_subtree_totals "
            "WHERE tenant = %s AND unit_id = %s AND status = %s AND n = 0",
            [(tenant, unit_id, status) for tenant, unit_id, status, n in rows if n < 0],
        )


def _add(
    cur: Cursor[Any], schema: str, table: str, key: Sequence[str], rows: list[tuple[Any, ...]]
) -> bool:
    """Add each row's n to its group's; whether any group went down (and may now be empty)."""
    if not rows:
        return False
    conflict = ", ".join(c for c in key if c != "unit_path")  # the path follows the unit
    cur.executemany(
        f"INSERT INTO {schema}.{table} ({', '.join(key)}, n) "
        f"VALUES ({', '.join(['%s'] * (len(key) + 1))}) "
        f"ON CONFLICT ({conflict}) DO UPDATE SET n = {schema}.{table}.n + EXCLUDED.n",
        rows,
    )
    return any(row[-1] < 0 for row in rows)


async def count_employees(
    pool: asyncpg.Pool, condition: str, args: Sequence[object], columns: Iterable[str]
) -> int:
    """How many employees match `condition`, which reads only `columns`: from the per-unit
    totals when they hold every one of them, else from the combinations."""
    table = "employee_totals" if TOTAL_COLUMNS.issuperset(columns) else "employee_counts"
    total = await pool.fetchval(
        f"SELECT coalesce(sum(n), 0) FROM {READ_SCHEMA}.{table} WHERE {condition}", *args
    )
    return int(total)


async def count_subtree(pool: asyncpg.Pool, tenant: str, unit_id: UUID, status: str | None) -> int:
    """How many employees the unit and its sub-units hold (of `status`, if given)."""
    total = await pool.fetchval(
        f"SELECT coalesce(sum(n), 0) FROM {READ_SCHEMA}.employee_subtree_totals "
        "WHERE tenant = $1 AND unit_id = $2 AND ($3::text IS NULL OR status = $3)",
        tenant,
        unit_id,
        status,
    )
    return int(total)
