"""Who looked at whose private record: an append-only log of reads, beside the event log.

A read of another person's private fields (by HR, a supervisor, an appraiser or an auditor)
leaves one row per record and request: who (user, role, NIP), the tenant, whose record, which
fields, when, and the request's correlation id. A person reading their own record leaves
none. Rows are written once per request, in one statement, after the answer is computed, so
reading stays fast (docs/benchmarks.md measures it). The table lives in its own schema
(`audit`), outside the read models a rebuild replaces; a trigger refuses UPDATE, DELETE and
TRUNCATE for everyone, the owner included, so a row once written stays.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

AUDIT_SCHEMA = "audit"

DDL = [
    f"CREATE SCHEMA IF NOT EXISTS {AUDIT_SCHEMA}",
    f"""CREATE TABLE IF NOT EXISTS {AUDIT_SCHEMA}.access_log (
        id bigserial PRIMARY KEY, at timestamptz NOT NULL, tenant text NOT NULL,
        viewer text NOT NULL, viewer_role text NOT NULL, viewer_nip text,
        subject_nip text NOT NULL, fields text[] NOT NULL, correlation_id text NOT NULL)""",
    f"CREATE INDEX IF NOT EXISTS access_log_subject "
    f"ON {AUDIT_SCHEMA}.access_log (tenant, subject_nip, id)",
    f"CREATE INDEX IF NOT EXISTS access_log_tenant ON {AUDIT_SCHEMA}.access_log (tenant, id)",
    f"""CREATE OR REPLACE FUNCTION {AUDIT_SCHEMA}.refuse_change() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'the access log is append-only'; END $$""",
    f"""DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'access_log_append_only') THEN
            CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON
                {AUDIT_SCHEMA}.access_log FOR EACH ROW EXECUTE FUNCTION
                {AUDIT_SCHEMA}.refuse_change();
            CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON
                {AUDIT_SCHEMA}.access_log FOR EACH STATEMENT EXECUTE FUNCTION
                {AUDIT_SCHEMA}.refuse_change();
        END IF; END $$""",
]


@dataclass(frozen=True)
class AccessEntry:
    """One read of one person's private record."""

    at: datetime
    tenant: str
    viewer: str
    viewer_role: str
    viewer_nip: str | None
    subject_nip: str
    fields: tuple[str, ...]
    correlation_id: str


async def append(connection: Any, entries: Sequence[AccessEntry]) -> None:
    """Write `entries` in one statement (asyncpg connection or pool)."""
    if not entries:
        return
    await connection.execute(
        f"""INSERT INTO {AUDIT_SCHEMA}.access_log
            (at, tenant, viewer, viewer_role, viewer_nip, subject_nip, fields, correlation_id)
            SELECT e.at, e.tenant, e.viewer, e.viewer_role, e.viewer_nip, e.subject_nip,
                   string_to_array(e.fields, ','), e.correlation_id
            FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[],
                        $6::text[], $7::text[], $8::text[])
                 AS e(at, tenant, viewer, viewer_role, viewer_nip, subject_nip, fields,
                      correlation_id)""",
        [e.at for e in entries],
        [e.tenant for e in entries],
        [e.viewer for e in entries],
        [e.viewer_role for e in entries],
        [e.viewer_nip for e in entries],
        [e.subject_nip for e in entries],
        [",".join(e.fields) for e in entries],
        [e.correlation_id for e in entries],
    )


async def reads_of(
    connection: Any, tenant: str, subject_nip: str | None, after: int, first: int
) -> list[dict[str, Any]]:
    """Rows of `tenant` (of one subject, if given) after row id `after`, oldest first."""
    rows = await connection.fetch(
        f"""SELECT id, at, viewer, viewer_role, viewer_nip, subject_nip, fields, correlation_id
            FROM {AUDIT_SCHEMA}.access_log
            WHERE tenant = $1 AND ($2::text IS NULL OR subject_nip = $2) AND id > $3
            ORDER BY id LIMIT $4""",
        tenant,
        subject_nip,
        after,
        first,
    )
    return [dict(row) for row in rows]
