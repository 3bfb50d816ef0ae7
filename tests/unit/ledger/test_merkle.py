"""RFC 9162 hashing and proofs: every proof of small trees verifies, and no tampered one does."""

from __future__ import annotations

import hashlib

import pytest

from domain.ledger.merkle import (
    EMPTY_ROOT,
    consistency_path,
    inclusion_path,
    leaf_hash,
    node_hash,
    root_of,
    verify_consistency,
    verify_inclusion,
)

LEAVES = [leaf_hash(str(i).encode()) for i in range(33)]


def test_hashes_carry_the_rfc_domain_separation_prefixes() -> None:
    assert leaf_hash(b"x") == hashlib.sha256(b"\x00x").digest()
    assert (
        node_hash(b"a" * 32, b"b" * 32) == hashlib.sha256(b"\x01" + b"a" * 32 + b"b" * 32).digest()
    )
    assert root_of([]) == EMPTY_ROOT == hashlib.sha256(b"").digest()


def test_the_root_follows_the_rfc_split_at_the_largest_power_of_two() -> None:
    a, b, c, d, e = LEAVES[:5]
    assert root_of([a, b, c]) == node_hash(node_hash(a, b), c)
    assert root_of([a, b, c, d, e]) == node_hash(node_hash(node_hash(a, b), node_hash(c, d)), e)


def test_every_inclusion_proof_of_every_small_tree_verifies() -> None:
    for size in range(1, len(LEAVES) + 1):
        root = root_of(LEAVES[:size])
        for index in range(size):
            path = inclusion_path(LEAVES[:size], index)
            assert verify_inclusion(LEAVES[index], index, size, path, root), (size, index)


def test_every_consistency_proof_of_every_small_tree_verifies() -> None:
    for new in range(1, len(LEAVES) + 1):
        for old in range(1, new + 1):
            path = consistency_path(LEAVES[:new], old)
            assert verify_consistency(
                old, new, root_of(LEAVES[:old]), root_of(LEAVES[:new]), path
            ), (old, new)


@pytest.mark.parametrize(("size", "index"), [(7, 3), (16, 0), (33, 32), (12, 9)])
def test_an_inclusion_proof_fails_with_any_one_thing_changed(size: int, index: int) -> None:
    leaves = LEAVES[:size]
    root, path = root_of(leaves), inclusion_path(leaves, index)
    assert not verify_inclusion(LEAVES[index], index ^ 1, size, path, root)
    bigger = root_of(LEAVES[: size + 1])  # a wrong size is checked against that size's root
    assert not verify_inclusion(LEAVES[index], index, size + 1, path, bigger)
    assert not verify_inclusion(LEAVES[index], index, size, path[:-1], root)
    assert not verify_inclusion(LEAVES[index], index, size, [*path, root], root)
    assert not verify_inclusion(LEAVES[index], size, size, path, root)
    assert not verify_inclusion(LEAVES[index], index, size, path, root_of(LEAVES[: size - 1]))
    for i in range(len(path)):
        forged = [*path[:i], bytes(32), *path[i + 1 :]]
        assert not verify_inclusion(LEAVES[index], index, size, forged, root)


def test_a_consistency_proof_fails_for_a_rewritten_prefix_or_a_wrong_size() -> None:
    old, new = 6, 13
    path = consistency_path(LEAVES[:new], old)
    old_root, new_root = root_of(LEAVES[:old]), root_of(LEAVES[:new])
    rewritten = root_of([LEAVES[0], LEAVES[9], *LEAVES[2:old]])
    assert not verify_consistency(old, new, rewritten, new_root, path)
    assert not verify_consistency(old + 1, new, old_root, new_root, path)
    assert not verify_consistency(old, new - 1, old_root, root_of(LEAVES[: new - 1]), path)
    assert not verify_consistency(new, old, new_root, old_root, path)
    assert not verify_consistency(old, new, old_root, new_root, [*path[:-1], b"short"])
