"""A generated region whose whole log the ledger holds under a signed checkpoint, and the people
the ledger tests read about."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import psycopg
import pytest

from scripts.datagen.loader import generate
from scripts.datagen.regions import PALANGKARAYA
from services.database import Database
from services.ledger.keeper import LedgerKeeper
from services.ledger.settings import LedgerSettings
from tests.integration.scenarios import database_url

EMPLOYEES = 40
TODAY = date(2026, 12, 5)  # the 2025 cycle is finalised: its predikats are in the log
TENANT = PALANGKARAYA.tenant
LEDGER_ENV = ("JEJAK_LEDGER_KEY", "JEJAK_LEDGER_WITNESSES", "JEJAK_LEDGER_ORIGIN")


@dataclass(frozen=True)
class LedgerRegion:
    """The database, the log's public key, the checkpointed size, and who is read about."""

    database: Database
    vkey: str
    size: int
    head: int
    subject: str  # an employee with a finalised 2025 appraisal
    cycle_id: str  # that 2025 cycle
    colleague: str  # of the same tenant, nobody's appraiser or superior
    appraiser: str  # the subject's pejabat penilai in that cycle
    key_file: Path

    def env(self) -> dict[str, str]:
        """What a `jejak` command needs to reach this database and the log's key."""
        return {
            "DATABASE_URL": database_url(self.database),
            "JEJAK_LEDGER_KEY_FILE": str(self.key_file),
        }


def _one(conn: psycopg.Connection[Any], query: str, *args: Any) -> tuple[Any, ...]:
    row = conn.execute(query, args).fetchone()
    assert row is not None, query
    return tuple(row)


def ledger_region(
    database: Database, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> LedgerRegion:
    """Generate the region, then integrate and checkpoint its whole log with a key file kept
    in `folder` (the environment points the API and the CLI at it)."""
    key_file = folder / "ledger-signing-key"
    monkeypatch.setenv("JEJAK_LEDGER_KEY_FILE", str(key_file))
    for name in LEDGER_ENV:
        monkeypatch.delenv(name, raising=False)
    generate(database, EMPLOYEES, seed=7, regions=[PALANGKARAYA], today=TODAY)
    keeper = LedgerKeeper(database, LedgerSettings.from_env(database.dbname))
    try:
        size = keeper.checkpoint_now()
        vkey = keeper.signer.vkey()
    finally:
        keeper.close()
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        (head,) = _one(conn, "SELECT max(notification_id) FROM public.jejak_events")
    return LedgerRegion(database, vkey, size, head, "", "", "", "", key_file)


def pick_people(region: LedgerRegion) -> LedgerRegion:
    """The subject and a colleague, from the read models (once they have caught up)."""
    with psycopg.connect(**region.database.psycopg_kwargs()) as conn:
        subject, cycle, appraiser = _one(
            conn,
            """SELECT nip, cycle_id::text, appraiser FROM rm.appraisals
               WHERE tenant = %s AND year = 2025 AND annual_predikat IS NOT NULL
                 AND appraiser IS NOT NULL
               ORDER BY nip LIMIT 1""",
            TENANT,
        )
        (colleague,) = _one(
            conn,
            """SELECT nip FROM rm.employees e WHERE tenant = %s AND status = 'ACTIVE'
               AND nip <> %s AND NOT EXISTS (SELECT 1 FROM rm.appraisals a
                 WHERE a.appraiser = e.nip OR a.superior = e.nip)
               ORDER BY nip LIMIT 1""",
            TENANT,
            subject,
        )
    return LedgerRegion(
        region.database, region.vkey, region.size, region.head, subject, cycle, colleague,
        appraiser, region.key_file,
    )  # fmt: skip
