"""The tree in PostgreSQL: every root and proof read from storage equals the RFC reference."""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain.ledger.merkle import consistency_path, inclusion_path, root_of
from services.database import Database
from services.ledger.integrator import Integrator
from services.ledger.store import LedgerStore, LedgerUnavailable
from tests.integration.ledger.synthetic import reference_leaves, write_synthetic_log

pytestmark = pytest.mark.integration
COUNT = 300
FIXTURE_OK = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def integrated(database: Database) -> Iterator[tuple[LedgerStore, list[tuple[int, bytes]]]]:
    """A synthetic log of 300 events with gaps, integrated in batches of 37."""
    write_synthetic_log(database, COUNT)
    integrator = Integrator(database, batch_size=37)
    integrator.ensure_schema()
    integrator.catch_up()
    integrator.close()
    with psycopg.connect(**database.psycopg_kwargs(), autocommit=True) as conn:
        yield LedgerStore(conn), reference_leaves(database)


def test_each_leaf_keeps_its_log_position_across_the_gaps(integrated) -> None:  # type: ignore[no-untyped-def]
    store, reference = integrated
    assert store.size() == COUNT
    assert store.position() == reference[-1][0]
    assert reference[-1][0] > COUNT  # the gaps are there
    for index in (0, 6, 7, 150, COUNT - 1):
        assert store.leaf(index) == reference[index]
        assert store.index_of(reference[index][0]) == index
    assert store.index_of(7) is None  # a sequence value no event has


@FIXTURE_OK
@given(st.data())
def test_roots_and_proofs_from_storage_equal_the_reference(integrated, data) -> None:  # type: ignore[no-untyped-def]
    store, reference = integrated
    leaves = [digest for _, digest in reference]
    size = data.draw(st.integers(min_value=1, max_value=COUNT))
    index = data.draw(st.integers(min_value=0, max_value=size - 1))
    old = data.draw(st.integers(min_value=1, max_value=size))
    assert store.root(size) == root_of(leaves[:size])
    assert store.inclusion_proof(index, size) == inclusion_path(leaves[:size], index)
    assert store.consistency_proof(old, size) == consistency_path(leaves[:size], old)


def test_a_size_past_the_integrated_tree_is_refused(integrated) -> None:  # type: ignore[no-untyped-def]
    store, _ = integrated
    with pytest.raises(LedgerUnavailable):
        store.root(COUNT + 1)
    with pytest.raises(LedgerUnavailable):
        store.inclusion_proof(COUNT, COUNT)
