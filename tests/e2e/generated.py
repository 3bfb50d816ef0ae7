"""A generated Palangka Raya loaded into an e2e test's database, for tests that read a region."""

from __future__ import annotations

from datetime import date

from scripts.datagen.loader import generate
from scripts.datagen.regions import PALANGKARAYA
from services.database import Database
from services.runtime import build_personnel
from tests.database_copies import copy_of


def generated_palangkaraya(database: Database, employees: int, seed: int, today: date) -> int:
    """Palangka Raya's history up to `today` in `database`; the log's head. Generated once
    per test session for each size, seed and day, then copied (tests/database_copies.py)."""

    def build(template: Database) -> None:
        generate(template, employees, seed=seed, regions=[PALANGKARAYA], today=today)

    copy_of(database, ("palangkaraya", employees, seed, today), build)
    personnel = build_personnel(database)
    try:
        return personnel.recorder.max_notification_id() or 0
    finally:
        personnel.close()
