"""Roots and proofs from stored complete subtrees equal the RFC reference for every size."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from domain.ledger.merkle import (
    consistency_path,
    inclusion_path,
    leaf_hash,
    node_hash,
    root_of,
    verify_inclusion,
)
from services.ledger import subtrees
from services.ledger.integrator import append_leaf

LEAVES = [leaf_hash(i.to_bytes(4, "big")) for i in range(700)]


def _complete_nodes(leaves: list[bytes]) -> dict[subtrees.Node, bytes]:
    """Every complete subtree, built by appending one leaf at a time as the integrator does."""
    nodes: dict[subtrees.Node, bytes] = {}
    peaks: list[tuple[int, bytes]] = []
    for index, digest in enumerate(leaves):
        nodes[0, index] = digest
        for level, at, value in append_leaf(index, digest, peaks):
            nodes[level, at] = value
    return nodes


NODES = _complete_nodes(LEAVES)


@given(st.integers(min_value=0, max_value=len(LEAVES)))
def test_the_root_of_any_size_equals_the_reference_root(size: int) -> None:
    assert subtrees.compute(lambda get: subtrees.root(size, get), NODES) == root_of(LEAVES[:size])


@given(st.data())
def test_every_inclusion_proof_equals_the_reference_path(data: st.DataObject) -> None:
    size = data.draw(st.integers(min_value=1, max_value=len(LEAVES)))
    index = data.draw(st.integers(min_value=0, max_value=size - 1))
    path = subtrees.compute(lambda get: subtrees.inclusion(index, size, get), NODES)
    assert path == inclusion_path(LEAVES[:size], index)
    assert verify_inclusion(LEAVES[index], index, size, path, root_of(LEAVES[:size]))


@given(st.data())
def test_every_consistency_proof_equals_the_reference_path(data: st.DataObject) -> None:
    new = data.draw(st.integers(min_value=1, max_value=len(LEAVES)))
    old = data.draw(st.integers(min_value=1, max_value=new))
    proof = subtrees.compute(lambda get: subtrees.consistency(old, new, get), NODES)
    assert proof == consistency_path(LEAVES[:new], old)


@given(st.data())
def test_a_proof_reads_a_logarithmic_number_of_stored_nodes(data: st.DataObject) -> None:
    size = data.draw(st.integers(min_value=2, max_value=10**12))
    index = data.draw(st.integers(min_value=0, max_value=size - 1))
    old = data.draw(st.integers(min_value=1, max_value=size))
    bound = 2 * math.ceil(math.log2(size)) + 2
    assert len(subtrees.needed(lambda get: subtrees.inclusion(index, size, get))) <= bound
    assert len(subtrees.needed(lambda get: subtrees.consistency(old, size, get))) <= bound
    assert len(subtrees.needed(lambda get: subtrees.root(size, get))) == bin(size).count("1")


def test_the_right_edge_folds_to_the_root() -> None:
    for size in (1, 2, 3, 5, 8, 13, 64, 100, 699):
        edge = [NODES[node] for node in subtrees.peaks(size)]
        assert subtrees.fold_peaks(edge) == root_of(LEAVES[:size])


def test_appending_finishes_each_subtree_exactly_when_its_last_leaf_arrives() -> None:
    a, b, c, d = LEAVES[:4]
    assert NODES[1, 0] == node_hash(a, b)
    assert NODES[2, 0] == node_hash(node_hash(a, b), node_hash(c, d))
    assert (1, 350) not in NODES
    assert (0, 699) in NODES
