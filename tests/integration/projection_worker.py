"""A projection runner in its own process, for the crash tests to kill.

`python -m tests.integration.projection_worker` catches the read models of DATABASE_URL up
with its log in batches of PROJECTION_BATCH_SIZE events (default 5), then exits 0.
"""

from __future__ import annotations

import os

from projections.reader import EventReader
from projections.runner import ProjectionRunner
from services.database import Database
from services.runtime import build_personnel, prepare_read_models


def main() -> None:
    database = Database.from_url(os.environ["DATABASE_URL"])
    personnel = build_personnel(database)
    try:
        reader = EventReader(personnel)
        prepare_read_models(database, reader)
        runner = ProjectionRunner(
            database, reader, batch_size=int(os.environ.get("PROJECTION_BATCH_SIZE", "5"))
        )
        try:
            runner.catch_up()
        finally:
            runner.close()
    finally:
        personnel.close()


if __name__ == "__main__":
    main()
