"""Read model of each tenant's competency catalogue (kamus kompetensi) and jabatan requirements."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

import asyncpg
from psycopg import Cursor

from projections.base import READ_SCHEMA, Envelope, handlers_for


@dataclass(frozen=True)
class CompetencyRow:
    code: str
    name: str
    kind: str  # TEKNIS, MANAJERIAL or SOSIAL_KULTURAL
    position: int  # where it was added in the log


@dataclass(frozen=True)
class RequirementRow:
    jabatan_key: str
    jabatan_title: str
    competency_codes: list[str]
    position: int  # the event that last set them


class CompetenciesProjection:
    name: ClassVar[str] = "competencies"

    def ddl(self, schema: str) -> Sequence[str]:
        return [
            f"""CREATE TABLE IF NOT EXISTS {schema}.competencies (
                tenant text NOT NULL, code text NOT NULL, name text NOT NULL, kind text NOT NULL,
                position bigint NOT NULL, PRIMARY KEY (tenant, code))""",
            f"""CREATE TABLE IF NOT EXISTS {schema}.jabatan_requirements (
                tenant text NOT NULL, jabatan_key text NOT NULL, jabatan_title text NOT NULL,
                competency_codes text[] NOT NULL, position bigint NOT NULL,
                PRIMARY KEY (tenant, jabatan_key))""",
        ]

    def apply(self, batch: Sequence[Envelope], cur: Cursor[Any], schema: str) -> None:
        added: list[tuple[Any, ...]] = []
        required: dict[tuple[str, str], tuple[Any, ...]] = {}  # the last setting in the batch wins
        for handler, envelope in handlers_for(self, batch):
            handler(envelope, added, required)
        if added:
            cur.executemany(
                f"INSERT INTO {schema}.competencies VALUES (%s,%s,%s,%s,%s) "
                "ON CONFLICT (tenant, code) DO NOTHING",
                added,
            )
        if required:
            cur.executemany(
                f"INSERT INTO {schema}.jabatan_requirements VALUES (%s,%s,%s,%s,%s) "
                "ON CONFLICT (tenant, jabatan_key) DO UPDATE SET jabatan_title = "
                "EXCLUDED.jabatan_title, competency_codes = EXCLUDED.competency_codes, "
                "position = EXCLUDED.position",
                list(required.values()),
            )

    def on_CompetencyCatalogue_CompetencyAdded(  # noqa: N802
        self, env: Envelope, added: list[tuple[Any, ...]], _: Any
    ) -> None:
        e = env.event
        added.append((e.meta.tenant, e.competency_code, e.name, e.kind, env.position))

    def on_CompetencyCatalogue_JabatanRequirementsSet(  # noqa: N802
        self, env: Envelope, _: Any, required: dict[tuple[str, str], tuple[Any, ...]]
    ) -> None:
        e = env.event
        key = (e.meta.tenant, e.jabatan_key)
        required[key] = (*key, e.jabatan_title, list(e.competency_codes), env.position)


async def catalogue(pool: asyncpg.Pool, tenant: str) -> list[CompetencyRow]:
    """The tenant's competencies by code."""
    records = await pool.fetch(
        f"SELECT code, name, kind, position FROM {READ_SCHEMA}.competencies "
        "WHERE tenant = $1 ORDER BY code",
        tenant,
    )
    return [CompetencyRow(*r.values()) for r in records]


async def jabatan_requirements(pool: asyncpg.Pool, tenant: str) -> list[RequirementRow]:
    """What each jabatan of the tenant requires, by jabatan title."""
    records = await pool.fetch(
        f"SELECT jabatan_key, jabatan_title, competency_codes, position "
        f"FROM {READ_SCHEMA}.jabatan_requirements WHERE tenant = $1 ORDER BY jabatan_key",
        tenant,
    )
    return [RequirementRow(r[0], r[1], list(r[2]), r[3]) for r in records]
