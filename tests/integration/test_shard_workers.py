"""Projection workers split by tenant: each applies its shard's tenants, the sum is one runner.

Two tenants (Mulyorejo on shard 1 of 2, Palangkaraya on shard 2), a generated log, and real
`jejak projections run --shard i/n` processes: what they build together must be row for row
what one unsplit runner builds from the same log.
"""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest

from domain.aggregates.org_unit import OrgUnit
from domain.meta import EventMeta
from projections.base import Envelope, Projection
from projections.reader import EventReader
from projections.rebuild import rebuild
from projections.registry import all_projections
from projections.retry import retry_dead_letters, retry_held
from projections.runner import ProjectionRunner
from projections.shard_runner import ShardRunner
from projections.shards import Shard, shard_index, tenant_of
from projections.status import DEGRADED, OK, projection_status
from projections.units import UnitsProjection
from scripts.bench.shard_workers import catch_up
from services.database import Database
from services.personnel import PersonnelApplication
from services.runtime import build_personnel, prepare_read_models
from tests.integration.poison import renamed
from tests.integration.scenarios import read_model_position, wait_until
from tests.integration.shard_fixtures import (
    SINGLE_SCHEMA,
    TENANTS,
    contents,
    copy_of,
    generated_template,
    head,
    positions,
    run_workers,
    start_worker,
    stored_events,
)

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def template(postgres_server: Database) -> Iterator[Database]:
    with generated_template(postgres_server) as database:
        yield database


@pytest.fixture
def log(template: Database) -> Iterator[Database]:
    """A fresh database holding the two tenants' log, not yet projected."""
    with copy_of(template) as database:
        yield database


@pytest.fixture
def personnel(log: Database) -> Iterator[PersonnelApplication]:
    application = build_personnel(log)
    yield application
    application.close()


def single_runner_contents(database: Database) -> dict[str, list[str]]:
    """The read models one unsplit runner builds from the whole log, beside the live ones."""
    personnel = build_personnel(database)
    runner = ProjectionRunner(database, EventReader(personnel), schema=SINGLE_SCHEMA)
    try:
        runner.ensure_schema()
        runner.catch_up()
    finally:
        runner.close()
        personnel.close()
    return contents(database, SINGLE_SCHEMA)


class SanitisingUnits(UnitsProjection):
    """The fix a developer would ship: the units projection drops NULs from names."""

    def on_OrgUnit_Created(self, envelope: Envelope) -> None:
        event = renamed(envelope.event, envelope.event.name.replace("\x00", ""))
        super().on_OrgUnit_Created(Envelope(envelope.position, event))


def with_units_fixed() -> list[Projection]:
    return [SanitisingUnits() if isinstance(p, UnitsProjection) else p for p in all_projections()]


def save_unit(personnel: PersonnelApplication, tenant: str, code: str, name: str) -> int:
    """A DINAS unit of `tenant` saved as its Created event, `name` as given (NUL and all)."""
    meta = EventMeta("hr-shards", "hr_officer", tenant, "shard-test", None)
    unit = OrgUnit.create(code=code, name="Dinas", kind="DINAS", parent_id=None,
                          at=personnel.clock(), meta=meta)  # fmt: skip
    [created] = unit.collect_events()
    personnel.save(renamed(created, name))
    return personnel.recorder.max_notification_id() or 0


def test_the_two_tenants_fall_to_different_shards_of_two() -> None:
    assert [shard_index(tenant, 2) for tenant in TENANTS] == [1, 2]


def test_two_shard_workers_build_every_read_model_as_one_runner_does(log: Database) -> None:
    run_workers(log, "1/2", "2/2")

    end, rows = head(log), positions(log)
    assert set(rows.values()) == {(end, None)}, "every shard caught up, none held"
    assert {name.rpartition("@")[2] for name in rows} == {"1/2", "2/2"}
    assert "tenants@1/2" in rows, "the cross-tenant read models live on shard 1"
    assert "tenants@2/2" not in rows
    assert contents(log) == single_runner_contents(log)


def test_the_read_models_position_waits_for_every_shard(log: Database) -> None:
    run_workers(log, "1/2")
    assert read_model_position(log) == 0, "shard 2 has applied nothing yet"
    run_workers(log, "2/2")
    assert read_model_position(log) == head(log)


def test_a_shard_worker_killed_mid_log_resumes_without_loss_or_duplicates(log: Database) -> None:
    def reached() -> int:
        try:
            return positions(log).get("event_log@1/2", (0, None))[0]
        except psycopg.errors.UndefinedTable:
            return 0

    worker = start_worker(log, "--shard", "1/2", "--batch-size", "5")
    try:
        wait_until(lambda: reached() > 0, seconds=60)
    finally:
        worker.kill()
        worker.communicate()
    stopped = reached()
    assert 0 < stopped < head(log), "the worker should die part-way through the log"
    # Exactly the owned events up to its position are in the audit log: no partial batch.
    shard = Shard(1, 2)
    owned = [p for p, state in stored_events(log) if p <= stopped and shard.owns(tenant_of(state))]
    with psycopg.connect(**log.psycopg_kwargs()) as conn:
        logged = [row[0] for row in conn.execute("SELECT position FROM rm.event_log ORDER BY 1")]
    assert logged == owned

    run_workers(log, "1/2", "2/2", batch_size=7)
    assert contents(log) == single_runner_contents(log)


def test_a_poison_event_holds_only_its_tenants_shard(
    log: Database, personnel: PersonnelApplication
) -> None:
    poison = save_unit(personnel, TENANTS[0], "POISON", "Dinas\x00Racun")
    after = save_unit(personnel, TENANTS[1], "BARU", "Dinas Baru")
    reader = EventReader(personnel)
    prepare_read_models(log, reader)
    for index in (1, 2):
        runner = ShardRunner(log, reader, Shard(index, 2), batch_size=200)
        try:
            runner.ensure_schema()
            runner.catch_up()
        finally:
            runner.close()

    rows = positions(log)
    assert rows["units@1/2"] == (poison - 1, poison), "held at the poison event"
    assert rows["employees@1/2"][0] == poison - 1, "reads units: stops where they are held"
    assert rows["event_log@1/2"] == (after, None), "the shard's other read models go on"
    assert {at for name, at in rows.items() if name.endswith("@2/2")} == {(after, None)}
    with psycopg.connect(**log.psycopg_kwargs()) as conn:
        codes = {row[0] for row in conn.execute("SELECT code FROM rm.units")}
    assert "BARU" in codes
    assert "POISON" not in codes

    states = {row.name: (row.state, row.behind) for row in projection_status(log, reader)}
    assert states["units@1/2"] == (DEGRADED, None)
    assert states["employees@1/2"] == (DEGRADED, "units@1/2")
    assert states["units@2/2"] == states["employees@2/2"] == (OK, None)

    # `jejak projections retry` finds the shard's dead letter; unfixed, it fails again.
    report = retry_dead_letters(log, reader)
    assert [(d.projection, d.position) for d in report.failing] == [("units@1/2", poison)]
    # With the fix, the shard's worker gets past the event and catches up.
    fixed = ShardRunner(log, reader, Shard(1, 2), projections=with_units_fixed())
    try:
        assert [d.projection for d in retry_held(fixed).resolved] == ["units@1/2"]
        fixed.catch_up()
    finally:
        fixed.close()
    assert set(positions(log).values()) == {(after, None)}


def test_a_rebuild_swaps_in_unsplit_read_models_and_the_workers_split_them_again(
    log: Database, personnel: PersonnelApplication
) -> None:
    run_workers(log, "1/2", "2/2")
    split = contents(log)

    report = rebuild(log, EventReader(personnel))
    assert report.position == head(log)
    assert not any("@" in name for name in positions(log)), "a rebuild builds unsplit"
    assert contents(log) == split

    end = save_unit(personnel, TENANTS[1], "SESUDAH", "Dinas Sesudah")
    run_workers(log, "1/2", "2/2")
    rows = positions(log)
    assert all("@" in name for name in rows)
    assert set(rows.values()) == {(end, None)}
    assert contents(log) == single_runner_contents(log)


def test_the_default_worker_applies_every_shard_of_split_read_models(log: Database) -> None:
    run_workers(log, "2/2")  # split, shard 1 not started
    worker = start_worker(log, "--once")  # what `jejak serve` runs in-process
    _, err = worker.communicate(timeout=240)
    assert worker.returncode == 0, err.decode()
    assert set(positions(log).values()) == {(head(log), None)}
    assert contents(log) == single_runner_contents(log)


def test_a_worker_for_another_split_is_refused(log: Database) -> None:
    run_workers(log, "1/2")
    worker = start_worker(log, "--shard", "1/3", "--once")
    _, err = worker.communicate(timeout=120)
    assert worker.returncode == 2
    assert "split into 2 shards, not 3" in err.decode()


def test_the_catch_up_benchmark_runs_one_and_two_workers_to_the_head(log: Database) -> None:
    end = head(log)
    for workers in (1, 2):
        run = catch_up(log, workers, seconds=120)
        assert (run.workers, run.reached, len(run.usage)) == (workers, end, workers)
