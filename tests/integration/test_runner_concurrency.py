"""Two projection runners catching up the same log at once: each event applied once."""

from __future__ import annotations

import threading

import pytest

from projections.reader import EventReader
from projections.rebuild import rebuild
from projections.runner import ProjectionRunner
from services.caller import Caller
from services.database import Database
from services.personnel import PersonnelApplication
from services.runtime import prepare_read_models
from tests.integration.scenarios import read_model_contents, record_careers

pytestmark = pytest.mark.integration


def test_two_runners_catching_up_at_once_apply_each_event_once(
    database: Database, personnel: PersonnelApplication, caller: Caller, reader: EventReader
) -> None:
    head = record_careers(personnel, caller, employees=40)
    prepare_read_models(database, reader)
    runners = [ProjectionRunner(database, reader, batch_size=7) for _ in range(2)]
    applied: list[int] = []
    try:
        threads = [
            threading.Thread(target=lambda r=runner: applied.append(r.catch_up()))
            for runner in runners
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    finally:
        for runner in runners:
            runner.close()
    caught_up = read_model_contents(database)

    rebuild(database, reader)

    assert sum(applied) == head
    assert caught_up == read_model_contents(database)
