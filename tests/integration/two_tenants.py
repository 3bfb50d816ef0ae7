"""Two tenants' generated history in one database, projected, and what the API role holds there."""

from __future__ import annotations

from typing import Any

import psycopg

from projections.base import READ_SCHEMA
from projections.security import API_ROLE
from scripts.datagen.loader import generate
from scripts.datagen.regions import MULYOREJO, PALANGKARAYA
from services.database import Database
from services.runtime import catch_up_read_models

TENANTS = ("pemkab-mulyorejo", "pemkot-palangkaraya")

# Every read-model table of tenant data: each has a tenant column and row-level security.
TENANT_TABLES = (
    "appraisal_cycles", "appraisals", "career_entries", "competencies", "employee_counts",
    "employee_subtree_totals", "employee_totals", "employees", "event_log", "event_subjects",
    "external_learning", "jabatan_requirements", "jp_credits", "leave_entries",
    "mentoring_meetings", "mentorings", "training_participants", "training_programmes", "units",
)  # fmt: skip


def load_two_tenants(database: Database) -> None:
    """Generate a little history of Mulyorejo and Palangkaraya and project all of it."""
    generate(database, 40, 20_250_817, (MULYOREJO, PALANGKARAYA))
    catch_up_read_models(database)


def rows_by_tenant(database: Database, table: str) -> dict[str, int]:
    """How many rows of `table` each tenant has, read as the owner (no row-level security)."""
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        rows = conn.execute(
            f"SELECT tenant, count(*) FROM {READ_SCHEMA}.{table} GROUP BY tenant"
        ).fetchall()
    return {tenant: int(n) for tenant, n in rows}


def api_role_state(database: Database, schema: str = READ_SCHEMA) -> list[tuple[Any, ...]]:
    """Per table of `schema`: RLS on, its policies (name, command, roles, expression) and
    what the API role holds; and the role's privileges on the schema itself."""
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        tables = conn.execute(
            """SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
                      coalesce((SELECT array_agg(p.policyname || ' ' || p.cmd || ' '
                                                 || p.roles::text || ' ' || p.qual
                                                 ORDER BY p.policyname)
                                FROM pg_policies p
                                WHERE p.schemaname = %(schema)s AND p.tablename = c.relname),
                               '{}'),
                      coalesce((SELECT array_agg(x.privilege_type ORDER BY x.privilege_type)
                                FROM aclexplode(c.relacl) x
                                WHERE x.grantee = to_regrole(%(role)s)), '{}')
               FROM pg_class c
               WHERE c.relnamespace = to_regnamespace(%(schema)s) AND c.relkind = 'r'
               ORDER BY c.relname""",
            {"schema": schema, "role": API_ROLE},
        ).fetchall()
        usage = conn.execute(
            "SELECT has_schema_privilege(%s, %s, 'USAGE'), has_schema_privilege(%s, %s, 'CREATE')",
            (API_ROLE, schema, API_ROLE, schema),
        ).fetchone()
    return [*tables, ("schema", usage)]
