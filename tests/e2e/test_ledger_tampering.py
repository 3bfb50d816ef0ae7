"""The issue's "done when": on a generated region whose log the ledger holds, edits an insider
makes with `psql` (reached through `jejak database url|bin`) are caught by `jejak ledger
verify`, which exits 1 naming the position."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from services.database import Database
from tests.e2e.ledger_region import LedgerRegion, ledger_region

pytestmark = pytest.mark.e2e

JEJAK = Path(sys.executable).with_name("jejak")


@pytest.fixture
def region(database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> LedgerRegion:
    return ledger_region(database, tmp_path, monkeypatch)


def jejak(region: LedgerRegion, *words: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **region.env()}
    return subprocess.run(
        [str(JEJAK), *words], env=env, capture_output=True, text=True, timeout=300, check=False
    )


def psql(region: LedgerRegion, statement: str) -> None:
    """Run `statement` the way an operator would: psql on `jejak database url`."""
    conninfo = jejak(region, "database", "url").stdout.strip()
    folder = Path(jejak(region, "database", "bin").stdout.strip())
    done = subprocess.run(
        [str(folder / "psql"), conninfo, "-v", "ON_ERROR_STOP=1", "-c", statement],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


def first_position(region: LedgerRegion, topic_suffix: str, containing: str = "") -> int:
    with psycopg.connect(**region.database.psycopg_kwargs()) as conn:
        row = conn.execute(
            "SELECT min(notification_id) FROM public.jejak_events WHERE topic LIKE %s "
            "AND position(%s IN convert_from(state, 'UTF8')) > 0",
            (f"%{topic_suffix}", containing),
        ).fetchone()
    assert row is not None
    assert row[0] is not None, topic_suffix
    return int(row[0])


def test_the_untouched_generated_log_verifies(region: LedgerRegion) -> None:
    verified = jejak(region, "ledger", "verify")
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "The ledger holds" in verified.stdout


def test_a_rating_rewritten_with_psql_is_caught_naming_its_position(region: LedgerRegion) -> None:
    position = first_position(region, ".Rated", "DI_ATAS")
    psql(
        region,
        "UPDATE public.jejak_events SET state = convert_to(replace(convert_from(state, 'UTF8'), "
        f"'DI_ATAS', 'SESUAI'), 'UTF8') WHERE notification_id = {position}",
    )
    caught = jejak(region, "ledger", "verify")
    assert caught.returncode == 1, caught.stdout + caught.stderr
    assert f"Event at position {position:,} was edited" in caught.stdout


def test_a_leave_deleted_with_psql_is_caught_naming_its_position(region: LedgerRegion) -> None:
    position = first_position(region, ".LeaveGranted")
    psql(region, f"DELETE FROM public.jejak_events WHERE notification_id = {position}")
    caught = jejak(region, "ledger", "verify")
    assert caught.returncode == 1, caught.stdout + caught.stderr
    assert f"Event at position {position:,} was deleted" in caught.stdout
