"""Which worker owns which tenant, and reading an event's tenant without decoding it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from domain.aggregates.org_unit import OrgUnit
from domain.meta import EventMeta
from projections.base import Envelope
from projections.shards import GLOBAL_PROJECTIONS, Shard, all_shards, base_name, tenant_of
from projections.standings import Standings
from services.personnel import PersonnelApplication

TENANTS = ("pemkab-mulyorejo", "pemkot-palangkaraya", "pemkab-kemuning", "pemkot-kertapati")


def stored_state(tenant: str, name: str = "Dinas Pendidikan") -> bytes:
    """A unit's Created event as the event store keeps it (the application's own mapper)."""
    meta = EventMeta('hr "officer"', "hr_officer", tenant, "corr-1", None)
    unit = OrgUnit.create(code="DISDIK", name=name, kind="DINAS", parent_id=None,
                          at=datetime(2025, 1, 2, tzinfo=UTC), meta=meta)  # fmt: skip
    [created] = unit.collect_events()
    application = PersonnelApplication(env={"PERSISTENCE_MODULE": "eventsourcing.popo"})
    try:
        return application.mapper.to_stored_event(created).state
    finally:
        application.close()


def test_a_shard_is_written_as_index_over_count() -> None:
    assert Shard.parse("2/4") == Shard(2, 4)
    assert str(Shard(2, 4)) == "2/4"


@pytest.mark.parametrize("text", ["0/2", "3/2", "1", "a/b", "1/0", "-1/2"])
def test_a_shard_outside_one_to_n_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="shard"):
        Shard.parse(text)


@pytest.mark.parametrize("count", [1, 2, 3, 4, 7])
def test_every_tenant_is_owned_by_exactly_one_shard(count: int) -> None:
    for tenant in TENANTS:
        assert sum(shard.owns(tenant) for shard in all_shards(count)) == 1


def test_an_event_without_a_tenant_belongs_to_the_designated_shard_only() -> None:
    assert [shard.owns(None) for shard in all_shards(3)] == [True, False, False]


def test_the_cross_tenant_read_models_live_on_shard_one_alone() -> None:
    for projection in GLOBAL_PROJECTIONS:
        assert [shard.carries(projection) for shard in all_shards(2)] == [True, False]
    assert all(shard.carries("employees") for shard in all_shards(2))


def test_a_position_row_names_its_projection_and_shard() -> None:
    assert Shard(1, 2).row("employees") == "employees@1/2"
    assert base_name("employees@1/2") == base_name("employees") == "employees"


def test_the_tenant_is_read_from_the_stored_json_of_an_event() -> None:
    assert tenant_of(stored_state("pemkot-palangkaraya")) == "pemkot-palangkaraya"


def test_the_tenant_is_read_past_quotes_in_the_actor_and_in_other_fields() -> None:
    state = stored_state('pemkab-"x"', name='Dinas "meta" ["a","b","c"]')
    assert tenant_of(state) == 'pemkab-"x"'


def test_a_state_without_metadata_has_no_tenant() -> None:
    assert tenant_of(b'{"name":"x"}') is None


def test_a_shards_share_of_a_batch_reaches_the_last_position_read() -> None:
    standing = Standings("rm", {"units@1/2": 4}, {}, {}, {})
    events = [Envelope(6, object())]
    assert standing.due("units@1/2", events, last=9) == (events, 9)
    assert standing.due("units@1/2", [], last=9) == ([], 9)
