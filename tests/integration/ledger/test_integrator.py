"""The integrator appends every event exactly once, in log order, across crashes."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time

import psycopg
import pytest

from domain.ledger.merkle import root_of
from services.database import Database
from services.ledger.integrator import Integrator
from services.ledger.store import LedgerStore
from tests.integration.ledger.synthetic import reference_leaves, write_synthetic_log
from tests.integration.scenarios import database_url

pytestmark = pytest.mark.integration


def _stored_leaves(database: Database) -> list[tuple[int, bytes]]:
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        rows = conn.execute("SELECT position, hash FROM ledger.leaves ORDER BY idx").fetchall()
    return [(row[0], bytes(row[1])) for row in rows]


def test_an_integrator_killed_at_random_moments_appends_every_event_exactly_once(
    database: Database,
) -> None:
    write_synthetic_log(database, 600)
    environment = {**os.environ, "DATABASE_URL": database_url(database)}
    command = [sys.executable, "-m", "tests.integration.ledger.ledger_worker"]
    sizes = []
    for _ in range(4):
        worker = subprocess.Popen(command, env=environment)
        time.sleep(random.uniform(0.6, 1.5))
        worker.kill()  # SIGKILL: no cleanup, whatever the transaction was doing
        worker.wait()
        sizes.append(len(_stored_leaves(database)))
    subprocess.run(command, env=environment, check=True, timeout=120)

    reference = reference_leaves(database)
    assert _stored_leaves(database) == reference
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        store = LedgerStore(conn)
        assert store.size() == len(reference)
        assert store.root(len(reference)) == root_of([digest for _, digest in reference])
    assert sizes == sorted(sizes)  # a killed batch never took leaves back


def test_integrating_again_after_the_log_is_exhausted_appends_nothing(database: Database) -> None:
    write_synthetic_log(database, 50)
    integrator = Integrator(database, batch_size=7)
    integrator.ensure_schema()
    first = integrator.catch_up()
    second = integrator.catch_up()
    integrator.close()
    assert (first, second) == (50, 0)
    assert _stored_leaves(database) == reference_leaves(database)
