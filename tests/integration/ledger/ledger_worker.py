"""A ledger integrator in its own process, for the crash test to kill.

`python -m tests.integration.ledger.ledger_worker` integrates the log of DATABASE_URL in
batches of 3 events, then exits 0.
"""

from __future__ import annotations

import os

from services.database import Database
from services.ledger.integrator import Integrator


def main() -> None:
    integrator = Integrator(Database.from_url(os.environ["DATABASE_URL"]), batch_size=3)
    try:
        integrator.ensure_schema()
        integrator.catch_up()
    finally:
        integrator.close()


if __name__ == "__main__":
    main()
