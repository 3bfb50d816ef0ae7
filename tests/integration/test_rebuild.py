"""Rebuilding the read models beside the live ones, while commands and readers carry on."""

from __future__ import annotations

import asyncio
import math
import threading
from collections.abc import Callable, Iterator
from datetime import date

import asyncpg
import psycopg
import pytest

from domain.aggregates.org_unit import OrgUnit
from projections.employees import employee_by_nip
from projections.reader import EventReader
from projections.rebuild import rebuild
from projections.registry import all_projections
from projections.runner import ProjectionRunner
from projections.status import projection_status
from services.caller import Caller
from services.database import Database
from services.personnel import PersonnelApplication
from services.runtime import prepare_read_models
from tests.integration.scenarios import (
    APPOINTED_ON,
    TENANT,
    nip,
    read_model_contents,
    read_model_position,
    record_careers,
    wait_until,
)

pytestmark = pytest.mark.integration

PROJECTIONS = sorted(projection.name for projection in all_projections())


class Loop:
    """Work run in a thread until stopped; what it raises is kept for the test to check."""

    def __init__(self, work: Callable[[threading.Event], object], name: str) -> None:
        self.stopping = threading.Event()
        self.errors: list[BaseException] = []
        self.thread = threading.Thread(target=self._run, args=(work,), name=name, daemon=True)
        self.thread.start()

    def _run(self, work: Callable[[threading.Event], object]) -> None:
        try:
            work(self.stopping)
        except BaseException as error:
            self.errors.append(error)

    def stop(self) -> list[BaseException]:
        """Stop the loop, wait for it and return what it raised."""
        self.stopping.set()
        self.thread.join(30)
        assert not self.thread.is_alive(), f"{self.thread.name} did not stop"
        return self.errors


StartLoop = Callable[[Callable[[threading.Event], object], str], Loop]


@pytest.fixture
def loops() -> Iterator[StartLoop]:
    """Start loops in threads; any still running are stopped after the test."""
    started: list[Loop] = []

    def start(work: Callable[[threading.Event], object], name: str) -> Loop:
        started.append(Loop(work, name))
        return started[-1]

    yield start
    for loop in reversed(started):
        loop.stop()


@pytest.fixture
def live(database: Database, reader: EventReader, loops: StartLoop) -> Loop:
    """A runner following the log in a thread, as a serve process does."""
    prepare_read_models(database, reader)
    runner = ProjectionRunner(database, reader)

    def follow(stop: threading.Event) -> None:
        try:
            runner.run_forever(stop, idle_wait=0.05)
        finally:
            runner.close()

    return loops(follow, "live-runner")


def appoint_newcomer(personnel: PersonnelApplication, caller: Caller, index: int) -> None:
    """Appoint a new PNS (NIP beyond those of record_careers) into Bagian 1."""
    personnel.appoint_employee(
        caller,
        nip=nip(1_000 + index),
        name=f"Pegawai Baru {index}",
        employment_type="PNS",
        golongan="III/a",
        jabatan_kind="PELAKSANA",
        jabatan_title="Pranata Komputer",
        unit_id=OrgUnit.id_for(TENANT, "SETDA-1"),
        appointed_on=APPOINTED_ON,
    )


def keep_commanding(
    personnel: PersonnelApplication, caller: Caller
) -> Callable[[threading.Event], None]:
    """Appoint and promote newcomers, a command every 10 ms or so, until stopped."""

    def write(stop: threading.Event) -> None:
        index = 0
        while not stop.wait(0.01):
            index += 1
            appoint_newcomer(personnel, caller, index)
            personnel.promote(
                caller, nip=nip(1_000 + index), to_golongan="III/b", effective_on=date(2019, 4, 1)
            )

    return write


def test_a_rebuild_gives_the_same_read_models_as_catching_up_batch_by_batch(
    database: Database, personnel: PersonnelApplication, caller: Caller, reader: EventReader
) -> None:
    head = record_careers(personnel, caller, employees=40)
    prepare_read_models(database, reader)
    runner = ProjectionRunner(database, reader, batch_size=7)
    try:
        runner.catch_up()
    finally:
        runner.close()
    incremental = read_model_contents(database)

    report = rebuild(database, reader)

    assert (report.events, report.position) == (head, head)
    assert read_model_contents(database) == incremental


def test_a_rebuild_creates_the_read_models_when_there_are_none(
    database: Database, personnel: PersonnelApplication, caller: Caller, reader: EventReader
) -> None:
    head = record_careers(personnel, caller, employees=5)

    rebuild(database, reader)

    assert read_model_position(database) == head
    assert len(read_model_contents(database)["employees"]) == 5


def test_a_rebuild_during_commands_ends_at_the_head_equal_to_a_fresh_rebuild(
    database: Database,
    personnel: PersonnelApplication,
    caller: Caller,
    reader: EventReader,
    live: Loop,
    loops: StartLoop,
) -> None:
    head = record_careers(personnel, caller, employees=200)
    writer = loops(keep_commanding(personnel, caller), "writer")
    wait_until(lambda: reader.head() > head + 40)  # the writer is under way

    rebuild(database, reader, batch_size=200)
    swapped_at = reader.head()
    wait_until(lambda: reader.head() > swapped_at + 20)  # the live runner follows on after the swap
    assert writer.stop() == []
    wait_until(lambda: read_model_position(database) == reader.head())
    followed = read_model_contents(database)

    rebuild(database, reader)

    assert read_model_contents(database) == followed


def test_after_a_rebuild_during_commands_every_projection_has_no_lag(
    database: Database,
    personnel: PersonnelApplication,
    caller: Caller,
    reader: EventReader,
    live: Loop,
    loops: StartLoop,
) -> None:
    record_careers(personnel, caller, employees=100)
    writer = loops(keep_commanding(personnel, caller), "writer")

    rebuild(database, reader, batch_size=100)
    assert writer.stop() == []
    wait_until(lambda: read_model_position(database) == reader.head())

    statuses = projection_status(database, reader)
    assert [(s.name, s.position, s.lag) for s in statuses] == [
        (name, reader.head(), 0) for name in PROJECTIONS
    ]


def test_readers_of_the_employees_read_model_never_fail_during_rebuilds(
    database: Database,
    personnel: PersonnelApplication,
    caller: Caller,
    reader: EventReader,
    live: Loop,
    loops: StartLoop,
) -> None:
    record_careers(personnel, caller, employees=100)
    wait_until(lambda: read_model_position(database) == reader.head())
    found: list[bool] = []

    def query_with_psycopg(stop: threading.Event) -> None:
        with psycopg.connect(**database.psycopg_kwargs(), autocommit=True) as conn:
            while not stop.is_set():
                row = conn.execute(
                    "SELECT golongan FROM rm.employees WHERE nip = %s", (nip(7),), prepare=True
                ).fetchone()
                found.append(row == ("III/c",))

    def query_like_the_api(stop: threading.Event) -> None:
        async def loop() -> None:
            pool = await asyncpg.create_pool(**database.asyncpg_kwargs(), min_size=1, max_size=2)
            try:
                while not stop.is_set():
                    row = await employee_by_nip(pool, nip(8))
                    found.append(row is not None and row.golongan == "III/c")
            finally:
                await pool.close()

        asyncio.run(loop())

    readers = [loops(query_with_psycopg, "psycopg-reader"), loops(query_like_the_api, "api-reader")]
    wait_until(lambda: len(found) > 10)

    for _ in range(3):
        rebuild(database, reader, batch_size=100)

    assert [reader_loop.stop() for reader_loop in readers] == [[], []]
    assert found
    assert all(found)


def test_a_rebuild_builds_up_to_the_head_it_started_from_and_leaves_the_rest_to_the_swap(
    database: Database, personnel: PersonnelApplication, caller: Caller, reader: EventReader
) -> None:
    head = record_careers(personnel, caller, employees=40)
    newcomers = iter(range(200))
    batches: list[int] = []

    def a_command_arrives_during_each_batch(done: int, total: int) -> None:
        batches.append(done)
        index = next(newcomers, None)
        if index is not None:
            appoint_newcomer(personnel, caller, index)

    rebuild(database, reader, batch_size=50, progress=a_command_arrives_during_each_batch)

    assert len(batches) <= math.ceil(head / 50) + 1
    assert read_model_position(database) == reader.head()
