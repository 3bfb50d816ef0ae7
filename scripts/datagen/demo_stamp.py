"""The date the demo data was planned up to, kept beside the log it was loaded into.

The demo's tokens and GraphiQL examples name people picked from the demo's plan, and a plan
depends on its `today`. A server restarted in a later month must pick from the plan that was
loaded, not from a plan of the new date, whose people may not exist in the log.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import psycopg

from services.database import Database

_DDL = """
CREATE TABLE IF NOT EXISTS public.jejak_demo (
    seed integer NOT NULL,
    employees integer NOT NULL,
    planned_until date NOT NULL,
    loaded_at timestamptz NOT NULL DEFAULT now()
)
"""


def record_demo(conn: psycopg.Connection[Any], seed: int, employees: int, until: date) -> None:
    """Note that the demo of `seed` and `employees`, planned up to `until`, was loaded."""
    conn.execute(_DDL)
    conn.execute(
        "INSERT INTO public.jejak_demo (seed, employees, planned_until) VALUES (%s, %s, %s)",
        (seed, employees, until),
    )


def demo_planned_until(database: Database) -> date | None:
    """The date the loaded demo was planned up to; None if this log holds no recorded demo."""
    with psycopg.connect(**database.psycopg_kwargs(), autocommit=True) as conn:
        found = conn.execute("SELECT to_regclass('public.jejak_demo') IS NOT NULL").fetchone()
        if not found or not found[0]:
            return None
        row = conn.execute(
            "SELECT planned_until FROM public.jejak_demo ORDER BY loaded_at DESC LIMIT 1"
        ).fetchone()
    return None if row is None else row[0]
