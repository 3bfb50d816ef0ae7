"""Two tenants' generated history in one database, projected, and what the API role holds there."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

import psycopg

from domain.meta import Actor
from projections.base import READ_SCHEMA
from projections.security import API_ROLE
from scripts.datagen.loader import generate
from scripts.datagen.regions import MULYOREJO, PALANGKARAYA
from services.caller import Caller
from services.database import Database
from services.leave_requests import LeaveRequestsApplication
from services.runtime import build_application, catch_up_read_models

TENANTS = ("pemkab-mulyorejo", "pemkot-palangkaraya")

# Every read-model table of tenant data: each has a tenant column and row-level security.
TENANT_TABLES = (
    "absence_days", "absence_decisions", "absence_years", "appraisal_cycles", "appraisals",
    "award_nominations", "career_entries", "competencies", "employee_counts",
    "employee_subtree_totals", "employee_totals", "employees", "event_log", "event_subjects",
    "external_learning", "jabatan_requirements", "jp_credits", "leave_entries", "leave_requests",
    "mentoring_meetings", "mentorings", "training_participants", "training_programmes",
    "unit_surveys", "units",
)  # fmt: skip
# Tables the generated history leaves empty: an award nomination is HR's decision after two
# SANGAT_BAIK years, which the generator does not take. Their row-level security is checked
# with the other tables' policies; only the both-tenants-have-rows test passes them over.
NO_GENERATED_ROWS = ("award_nominations",)


@contextmanager
def two_tenants_database(server: Database) -> Iterator[Database]:
    """A database of its own on `server` with both tenants' history projected; dropped after."""
    name = f"jejak_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(**server.psycopg_kwargs(), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        database = Database(server.host, server.port, server.user, server.password, name)
        try:
            load_two_tenants(database)
            yield database
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def load_two_tenants(database: Database) -> None:
    """Generate a little history of Mulyorejo and Palangkaraya, a leave request in each (the
    generator records leave as granted only), and project all of it."""
    generate(database, 40, 20_250_817, (MULYOREJO, PALANGKARAYA))
    catch_up_read_models(database)
    requests = build_application(LeaveRequestsApplication, database)
    try:
        for tenant in TENANTS:
            nip = _an_active_nip(database, tenant)
            asking = Caller(Actor(nip, "employee"), tenant, "two-tenants", nip=nip)
            day = date.today() + timedelta(days=400)  # after every planned leave
            requests.request_leave(
                asking, leave_type="CAP", start=day, end=day, reason="Orang tua sakit keras"
            )
    finally:
        requests.close()
    catch_up_read_models(database)


def _an_active_nip(database: Database, tenant: str) -> str:
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        row = conn.execute(
            f"SELECT nip FROM {READ_SCHEMA}.employees WHERE tenant = %s AND status = 'ACTIVE' "
            "ORDER BY nip LIMIT 1",
            (tenant,),
        ).fetchone()
    assert row is not None
    return str(row[0])


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
