"""The ledger's tables in their own schema `ledger`: leaves, complete nodes, position, checkpoints.

Hashes per level (docs/ledger.md "## Storage" says why not tiles): a leaf row per event
(index → log position, leaf hash), a node row per complete subtree above the leaves, the
integrator's position and size in one row, and the signed checkpoints with their cosignatures.
The API role `jejak_api` may only SELECT them.
"""

from __future__ import annotations

from typing import Any

from psycopg import Cursor, sql

from projections.security import API_ROLE, ensure_api_role

SCHEMA = "ledger"
EVENTS_TABLE = "public.jejak_events"  # the one log: the recorder names it after the app, "Jejak"
LEDGER_LOCK = 7_160_014  # advisory lock key of every integrator of this database

DDL = (
    f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}",
    f"""CREATE TABLE IF NOT EXISTS {SCHEMA}.leaves (
        idx bigint PRIMARY KEY, position bigint NOT NULL UNIQUE, hash bytea NOT NULL)""",
    f"""CREATE TABLE IF NOT EXISTS {SCHEMA}.nodes (
        level smallint NOT NULL, idx bigint NOT NULL, hash bytea NOT NULL,
        PRIMARY KEY (level, idx))""",
    f"""CREATE TABLE IF NOT EXISTS {SCHEMA}.state (
        id boolean PRIMARY KEY DEFAULT true CHECK (id), position bigint NOT NULL,
        size bigint NOT NULL, updated_at timestamptz NOT NULL)""",
    f"INSERT INTO {SCHEMA}.state VALUES (true, 0, 0, now()) ON CONFLICT (id) DO NOTHING",
    f"""CREATE TABLE IF NOT EXISTS {SCHEMA}.checkpoints (
        size bigint PRIMARY KEY, root bytea NOT NULL, note text NOT NULL,
        issued_at timestamptz NOT NULL, witnessed_at timestamptz)""",
    f"""CREATE TABLE IF NOT EXISTS {SCHEMA}.cosignatures (
        size bigint NOT NULL REFERENCES {SCHEMA}.checkpoints (size), witness text NOT NULL,
        line text NOT NULL, received_at timestamptz NOT NULL, PRIMARY KEY (size, witness))""",
    f"""CREATE TABLE IF NOT EXISTS {SCHEMA}.witness_sizes (
        witness text PRIMARY KEY, size bigint NOT NULL, updated_at timestamptz NOT NULL)""",
)


def ensure_ledger_schema(cur: Cursor[Any], role: str = API_ROLE) -> None:
    """Create the ledger's tables if missing and let `role` read them, nothing more."""
    cur.execute("SELECT pg_advisory_xact_lock(%s)", (LEDGER_LOCK,))
    for statement in DDL:
        cur.execute(statement)
    ensure_api_role(cur, role)
    cur.execute(
        sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(
            sql.Identifier(SCHEMA), sql.Identifier(role)
        )
    )
    cur.execute(
        sql.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA {} TO {}").format(
            sql.Identifier(SCHEMA), sql.Identifier(role)
        )
    )
