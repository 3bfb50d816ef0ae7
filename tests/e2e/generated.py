"""A generated Palangka Raya loaded into an e2e test's database, for tests that read a region."""

from __future__ import annotations

from datetime import date

from scripts.datagen.loader import generate
from scripts.datagen.regions import PALANGKARAYA
from services.database import Database
from services.runtime import build_personnel


def generated_palangkaraya(database: Database, employees: int, seed: int, today: date) -> int:
    """Generate Palangka Raya's history up to `today` into `database`; the log's head."""
    generate(database, employees, seed=seed, regions=[PALANGKARAYA], today=today)
    personnel = build_personnel(database)
    try:
        return personnel.recorder.max_notification_id() or 0
    finally:
        personnel.close()
