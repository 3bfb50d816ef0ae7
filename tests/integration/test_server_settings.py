"""The embedded server starts with the settings it is given, from its very first start."""

from __future__ import annotations

import psycopg
import pytest

from services.database import EmbeddedPostgres
from tests.integration.postgres_leftovers import data_folder

pytestmark = pytest.mark.integration


def test_a_new_embedded_server_runs_with_the_settings_it_was_given_and_again_after_a_restart() -> (
    None
):
    wanted = {"shared_buffers": "160MB", "maintenance_work_mem": "96MB"}
    with data_folder() as folder:
        for _ in range(2):  # the first start runs initdb; the second finds the folder
            embedded = EmbeddedPostgres(folder, settings=wanted)
            database = embedded.start()
            try:
                with psycopg.connect(**database.psycopg_kwargs()) as conn:
                    shown = {name: conn.execute(f"SHOW {name}").fetchone() for name in wanted}
            finally:
                embedded.stop()
            assert shown == {name: (value,) for name, value in wanted.items()}
