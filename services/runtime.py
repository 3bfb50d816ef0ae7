"""Wiring, done once per process: the write application, the projection runner, the read pool."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeVar

import asyncpg
import psycopg

from access import access_log
from projections.health import ProjectionHealth, projection_health
from projections.positions import Hold, PositionWatcher
from projections.reader import EventReader
from projections.runner import RUNNER_LOCK, ProjectionRunner
from projections.security import secure_append_only_log
from projections.shard_follower import AllShards
from services.appraisal import AppraisalApplication
from services.database import Database
from services.leave_requests import LeaveRequestsApplication
from services.ledger.keeper import start_ledger_thread
from services.personnel import PersonnelApplication, utc_now
from services.policy import PolicyApplication
from services.read_pool import open_read_pool
from services.startup_lock import one_start_at_a_time
from services.tenants import TenantsApplication
from services.training import TrainingApplication

AppT = TypeVar("AppT")


@dataclass
class Runtime:
    """What a serve process holds for its lifetime."""

    database: Database
    personnel: PersonnelApplication
    appraisal: AppraisalApplication
    training: TrainingApplication
    tenants: TenantsApplication
    policy: PolicyApplication
    leave_requests: LeaveRequestsApplication
    pool: asyncpg.Pool
    positions: PositionWatcher
    reader: EventReader
    runner_thread: threading.Thread | None = field(default=None)

    async def lag(self) -> int:
        """Events recorded but not yet applied to the read models."""
        head = await asyncio.to_thread(self.reader.head)
        return max(head - await self.positions.current(), 0)

    async def degraded(self) -> list[Hold]:
        """The read models held at an event they cannot apply: stale until an operator retries."""
        return await self.positions.held()

    async def projection_health(self) -> list[ProjectionHealth]:
        """Each read model's position and whether it is DEGRADED, in one cheap read."""
        return await projection_health(self.pool)


def build_application(
    kind: Callable[..., AppT], database: Database, clock: Callable[[], datetime] = utc_now
) -> AppT:
    """A Jejak application on `database`'s one event log (creates the event tables if missing)."""
    return kind(env=database.eventsourcing_env(), clock=clock)


def build_personnel(
    database: Database, clock: Callable[[], datetime] = utc_now
) -> PersonnelApplication:
    """The write-side application of personnel records on `database`."""
    return build_application(PersonnelApplication, database, clock)


def prepare_read_models(database: Database, reader: EventReader) -> None:
    """Create the read-model schema and tables if missing, and the access log."""
    runner = ProjectionRunner(database, reader)
    try:
        runner.ensure_schema()
    finally:
        runner.close()
    with psycopg.connect(**database.psycopg_kwargs(), autocommit=True) as conn:
        for statement in access_log.DDL:
            conn.execute(statement)
        with conn.transaction(), conn.cursor() as cur:  # the API appends as its own role
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (RUNNER_LOCK,))
            secure_append_only_log(cur, access_log.AUDIT_SCHEMA, "access_log")


def catch_up_read_models(database: Database) -> int:
    """Create the read models if missing and apply the whole log; how many events applied."""
    personnel = build_personnel(database)
    reader = EventReader(personnel)
    runner = ProjectionRunner(database, reader)
    try:
        runner.ensure_schema()
        return runner.catch_up()
    finally:
        runner.close()
        personnel.close()


@asynccontextmanager
async def open_runtime(
    database: Database,
    *,
    run_projections: bool = True,
    clock: Callable[[], datetime] = utc_now,
) -> AsyncIterator[Runtime]:
    """Open everything a serve process needs; with `run_projections`, follow the log too."""
    started = await asyncio.to_thread(_start_applications, database, clock)
    personnel, appraisal, training, tenants, policy, leave_requests, reader = started
    stop = threading.Event()
    thread = ledger_thread = None
    if run_projections:
        thread = threading.Thread(
            target=_follow, args=(database, reader, stop), name="projection-runner", daemon=True
        )
        thread.start()
        ledger_thread = start_ledger_thread(database, stop, reader.channel)
    pool = await open_read_pool(database)  # as the API role: tenant tables under RLS
    positions = PositionWatcher(pool)
    await positions.start()
    try:
        yield Runtime(
            database=database,
            personnel=personnel,
            appraisal=appraisal,
            training=training,
            tenants=tenants,
            policy=policy,
            leave_requests=leave_requests,
            pool=pool,
            positions=positions,
            reader=reader,
            runner_thread=thread,
        )
    finally:
        stop.set()
        await positions.stop()
        await pool.close()
        if thread is not None:
            await asyncio.to_thread(thread.join, 5)
        if ledger_thread is not None:
            await asyncio.to_thread(ledger_thread.join, 5)
        for application in (leave_requests, policy, tenants, training, appraisal, personnel):
            application.close()


def _start_applications(
    database: Database, clock: Callable[[], datetime]
) -> tuple[
    PersonnelApplication,
    AppraisalApplication,
    TrainingApplication,
    TenantsApplication,
    PolicyApplication,
    LeaveRequestsApplication,
    EventReader,
]:
    """The write applications and the read models' tables, one starting process at a time."""
    with one_start_at_a_time(database):
        personnel = build_personnel(database, clock)
        reader = EventReader(personnel)
        started = (
            personnel,
            build_application(AppraisalApplication, database, clock),
            build_application(TrainingApplication, database, clock),
            build_application(TenantsApplication, database, clock),
            build_application(PolicyApplication, database, clock),
            build_application(LeaveRequestsApplication, database, clock),
            reader,
        )
        prepare_read_models(database, reader)
    return started


def _follow(database: Database, reader: EventReader, stop: threading.Event) -> None:
    runner = AllShards(database, reader)  # unsplit read models, or every shard's share
    try:
        runner.run_forever(stop)
    finally:
        runner.close()
