"""Fixtures of the ledger tests: a real log written through the applications, integrated and
checkpointed with a signing key kept in a file outside the database, and the CLI pointed at it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

from services.caller import Caller
from services.database import Database
from services.ledger.keeper import LedgerKeeper
from services.ledger.schema import EVENTS_TABLE
from services.ledger.settings import LedgerSettings
from services.personnel import PersonnelApplication
from tests.integration.scenarios import database_url, open_office


@dataclass
class Ledger:
    """The integrated test log: its database, the log's public key and its positions."""

    database: Database
    vkey: str
    positions: list[int]

    def sql(self, *statements: str) -> None:
        """Run statements as the database owner (the insider with SQL access)."""
        with psycopg.connect(**self.database.psycopg_kwargs(), autocommit=True) as conn:
            for statement in statements:
                conn.execute(statement)

    def checkpoint_sizes(self) -> list[int]:
        """The sizes the stored checkpoints were issued for, in order."""
        with psycopg.connect(**self.database.psycopg_kwargs()) as conn:
            return [r[0] for r in conn.execute("SELECT size FROM ledger.checkpoints ORDER BY 1")]

    def integrate(self) -> None:
        """Catch the ledger up with the log (checkpoints every 5 events)."""
        keeper = LedgerKeeper(self.database, LedgerSettings.from_env(self.database.dbname), 4)
        try:
            keeper.catch_up()
        finally:
            keeper.close()


@pytest.fixture
def ledger(
    database: Database,
    personnel: PersonnelApplication,
    caller: Caller,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Ledger:
    """Some thirty-five events of an office of thirty staff, integrated in batches of four with
    a checkpoint every five events; DATABASE_URL and the key file set for the CLI."""
    monkeypatch.setenv("DATABASE_URL", database_url(database))
    monkeypatch.setenv("JEJAK_LEDGER_KEY_FILE", str(tmp_path / "ledger-key"))
    monkeypatch.setenv("JEJAK_LEDGER_CHECKPOINT_EVENTS", "5")
    for name in ("JEJAK_LEDGER_KEY", "JEJAK_LEDGER_WITNESSES", "JEJAK_LEDGER_ORIGIN"):
        monkeypatch.delenv(name, raising=False)
    open_office(personnel, caller, staff=30)
    settings = LedgerSettings.from_env(database.dbname)
    ledger = Ledger(database, settings.signer().vkey(), [])
    ledger.integrate()
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        rows = conn.execute(f"SELECT notification_id FROM {EVENTS_TABLE} ORDER BY 1").fetchall()
    ledger.positions = [row[0] for row in rows]
    return ledger
