"""Tenant isolation on the read side: the API's database role, its grants and row-level security.

The API reads the read models as `jejak_api`, a role that may only SELECT, and of a table
holding tenant data only the rows whose `tenant` equals the `jejak.tenant` setting of the
reading session: a query that forgets its tenant filter still sees one tenant, and without
the setting it sees nothing. Its one write, the access log, it may only append to, and only
for that tenant (`secure_append_only_log`). The projection runner's login owns the tables
and writes as before (an owner bypasses row-level security unless it is FORCEd, so COPY
costs nothing more).
`ensure_schema` ends with `secure_schema`, so a rebuild's schema carries the same grants and
policies through its swap (ALTER SCHEMA RENAME keeps both).

Where the runner's login may not create roles (an external DATABASE_URL), an operator runs
`operator_sql()` once, as a role that may.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg import Cursor, sql

API_ROLE = "jejak_api"
TENANT_SETTING = "jejak.tenant"  # set per session by services/read_pool.TenantPool
POLICY = "tenant_rows"  # SELECT: the rows of the session's tenant
APPEND_POLICY = "tenant_appends"  # INSERT into a log: rows of the session's tenant only
TENANT_COLUMN = "tenant"
# Tables without tenant data that the API reads: read-your-writes waits on the position;
# `tenants` is the platform's directory of instansi (the admin lists it), no one tenant's;
# `policy_values` holds published rules (national and per tenant: holidays, TPP factors, …).
API_READABLE = frozenset({"projection_positions", "tenants", "policy_values"})
# Bookkeeping of the projections themselves: the API never reads it, so the role gets nothing.
BOOKKEEPING = frozenset({"owned_aggregates", "dead_letters"})


def operator_sql(role: str = API_ROLE) -> str:
    """What an operator runs once, as a role that may create roles, where this login may not."""
    return f"CREATE ROLE {role} NOLOGIN; GRANT {role} TO <the user of DATABASE_URL>;"


class ApiRoleMissing(RuntimeError):
    """The API role does not exist (or this login may not act as it) and cannot be made so."""


def secure_schema(cur: Cursor[Any], schema: str, role: str = API_ROLE) -> None:
    """Give `role` USAGE on `schema`, SELECT under row-level security on every table of tenant
    data, SELECT on the bookkeeping it needs and nothing on the rest; changes only what differs."""
    ensure_api_role(cur, role)
    _grant_usage(cur, schema, role)
    for table in _tables(cur, schema, role):
        if table.has_tenant and table.name not in BOOKKEEPING:
            _secure(cur, table, role, ["SELECT"], {POLICY: "SELECT"})
        else:
            _secure(cur, table, role, ["SELECT"] if table.name in API_READABLE else [], {})


def secure_append_only_log(cur: Cursor[Any], schema: str, name: str, role: str = API_ROLE) -> None:
    """Let `role` append rows of its session's tenant to the log `schema.name` and read them
    back, nothing else: the access log, which the API itself writes."""
    _grant_usage(cur, schema, role)
    [table] = [t for t in _tables(cur, schema, role) if t.name == name]
    _secure(cur, table, role, ["INSERT", "SELECT"], {POLICY: "SELECT", APPEND_POLICY: "INSERT"})
    cur.execute(
        "SELECT s.oid::regclass::text FROM pg_depend d JOIN pg_class s ON s.oid = d.objid "
        "WHERE d.refobjid = %s::regclass AND s.relkind = 'S'",
        (f"{schema}.{name}",),
    )
    for (sequence,) in cur.fetchall():  # the id column's, which an INSERT advances
        cur.execute("SELECT has_sequence_privilege(%s, %s, 'USAGE')", (role, sequence))
        if _first(cur):
            continue
        cur.execute(
            sql.SQL("GRANT USAGE ON SEQUENCE {} TO {}").format(
                sql.SQL(sequence), sql.Identifier(role)
            )
        )


def ensure_api_role(cur: Cursor[Any], role: str = API_ROLE) -> None:
    """Create `role` (NOLOGIN) if missing and let this login act as it; ApiRoleMissing with
    what an operator must run when this login may do neither."""
    cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,))
    if not _first(cur):
        _attempt(cur, sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(role)))
        cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,))
        if not _first(cur):
            raise ApiRoleMissing(
                f"No role {role}, nor the right to create it: {operator_sql(role)}"
            )
    if not _may_act_as(cur, role):
        # PostgreSQL 16 grants a role's creator ADMIN on it but not SET: grant that too.
        grant = "GRANT {} TO CURRENT_USER" + (" WITH SET TRUE" if _version(cur) >= 160000 else "")
        _attempt(cur, sql.SQL(grant).format(sql.Identifier(role)))
        if not _may_act_as(cur, role):
            raise ApiRoleMissing(f"This login may not act as {role}: {operator_sql(role)}")


def add_tenant_column(schema: str, table: str, tenant_of_row: str | None = None) -> str:
    """DDL giving a table made before its rows carried their tenant a `tenant` column, filled by
    `tenant_of_row` (a scalar subquery over the row `t`; by default the tenant of the event at
    the row's `position`); nothing when the column is there."""
    if tenant_of_row is None:
        tenant_of_row = f"SELECT l.tenant FROM {schema}.event_log l WHERE l.position = t.position"
    return f"""DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = '{schema}'
                       AND table_name = '{table}' AND column_name = '{TENANT_COLUMN}') THEN
            ALTER TABLE {schema}.{table} ADD COLUMN {TENANT_COLUMN} text;
            UPDATE {schema}.{table} t SET {TENANT_COLUMN} = ({tenant_of_row});
            ALTER TABLE {schema}.{table} ALTER COLUMN {TENANT_COLUMN} SET NOT NULL;
        END IF;
    EXCEPTION WHEN not_null_violation THEN
        RAISE EXCEPTION '{schema}.{table} holds rows whose tenant is unknown: '
            'run `jejak projections rebuild`';
    END $$"""


@dataclass(frozen=True)
class _Table:
    schema: str
    name: str
    has_tenant: bool
    secured: bool  # row-level security enabled
    policies: frozenset[str]
    granted: list[str]  # what the role holds on it, sorted

    @property
    def identifier(self) -> sql.Identifier:
        return sql.Identifier(self.schema, self.name)


def _tables(cur: Cursor[Any], schema: str, role: str) -> list[_Table]:
    """Each table of `schema`, as far as the role's access to it goes."""
    cur.execute(
        """SELECT c.relname,
                  EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid
                          AND a.attname = %(column)s AND a.attnum > 0 AND NOT a.attisdropped),
                  c.relrowsecurity,
                  coalesce((SELECT array_agg(p.polname) FROM pg_policy p
                            WHERE p.polrelid = c.oid), '{}'),
                  coalesce((SELECT array_agg(x.privilege_type ORDER BY x.privilege_type)
                            FROM aclexplode(c.relacl) x WHERE x.grantee = to_regrole(%(role)s)),
                           '{}')
           FROM pg_class c
           WHERE c.relnamespace = to_regnamespace(%(schema)s) AND c.relkind IN ('r', 'p')
           ORDER BY c.relname""",
        {"column": TENANT_COLUMN, "role": role, "schema": schema},
    )
    return [
        _Table(schema, name, has_tenant, secured, frozenset(policies), list(granted))
        for name, has_tenant, secured, policies, granted in cur.fetchall()
    ]


def _secure(
    cur: Cursor[Any], table: _Table, role: str, wanted: list[str], policies: dict[str, str]
) -> None:
    """Make `role` hold exactly `wanted` on `table`, under `policies` (name → command) keyed by
    the tenant setting; only what differs is changed."""
    grantee = sql.Identifier(role)
    if policies and not table.secured:
        cur.execute(sql.SQL("ALTER TABLE {} ENABLE ROW LEVEL SECURITY").format(table.identifier))
    for policy, command in policies.items():
        if policy in table.policies:
            continue
        clause = "WITH CHECK" if command == "INSERT" else "USING"
        cur.execute(
            sql.SQL(
                "CREATE POLICY {policy} ON {table} FOR {command} TO {role} "
                "{clause} ({column} = current_setting({setting}, true))"
            ).format(
                policy=sql.Identifier(policy),
                table=table.identifier,
                command=sql.SQL(command),
                role=grantee,
                clause=sql.SQL(clause),
                column=sql.Identifier(TENANT_COLUMN),
                setting=sql.Literal(TENANT_SETTING),
            )
        )
    if table.granted != wanted:
        cur.execute(sql.SQL("REVOKE ALL ON {} FROM {}").format(table.identifier, grantee))
        if wanted:
            privileges = sql.SQL(", ").join(sql.SQL(p) for p in wanted)
            cur.execute(
                sql.SQL("GRANT {} ON {} TO {}").format(privileges, table.identifier, grantee)
            )


def _grant_usage(cur: Cursor[Any], schema: str, role: str) -> None:
    cur.execute("SELECT has_schema_privilege(%s, %s, 'USAGE')", (role, schema))
    if not _first(cur):
        cur.execute(
            sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(
                sql.Identifier(schema), sql.Identifier(role)
            )
        )


def _may_act_as(cur: Cursor[Any], role: str) -> bool:
    privilege = "SET" if _version(cur) >= 160000 else "MEMBER"
    cur.execute("SELECT pg_has_role(current_user, %s, %s)", (role, privilege))
    return bool(_first(cur))


def _attempt(cur: Cursor[Any], statement: sql.Composed) -> None:
    """Run `statement` in a savepoint; a refusal or a concurrent twin leaves the caller's
    transaction usable, and the caller checks the outcome."""
    try:
        with cur.connection.transaction():
            cur.execute(statement)
    except (
        psycopg.errors.InsufficientPrivilege,
        psycopg.errors.DuplicateObject,
        psycopg.errors.UniqueViolation,
    ):
        pass


def _version(cur: Cursor[Any]) -> int:
    return int(cur.connection.info.server_version)


def _first(cur: Cursor[Any]) -> Any:
    row = cur.fetchone()
    return row[0] if row else None
