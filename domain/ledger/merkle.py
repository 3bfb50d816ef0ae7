"""RFC 9162 Merkle trees: hashes, reference proofs, and proof verification (§2.1).

The verifiers follow the RFC's algorithms step by step (§2.1.3.2, §2.1.4.2) and trust nothing
the proof says about itself: a path of the wrong length, an index past the tree, or a root that
does not come out exactly is a failure, never an exception.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

HASH_SIZE = 32
EMPTY_ROOT = hashlib.sha256(b"").digest()


def leaf_hash(entry: bytes) -> bytes:
    """MTH of one entry: SHA-256(0x00 ‖ entry), RFC 9162 §2.1.1."""
    return hashlib.sha256(b"\x00" + entry).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """An interior node: SHA-256(0x01 ‖ left ‖ right), RFC 9162 §2.1.1."""
    return hashlib.sha256(b"\x01" + left + right).digest()


def split_point(n: int) -> int:
    """k, the largest power of two smaller than n (n > 1), RFC 9162 §2.1.1."""
    return 1 << ((n - 1).bit_length() - 1)


def root_of(leaves: Sequence[bytes]) -> bytes:
    """MTH of a list of leaf hashes (the reference definition, O(n))."""
    if not leaves:
        return EMPTY_ROOT
    level = list(leaves)
    while len(level) > 1:  # pairing left to right and carrying an odd last node up equals MTH
        paired = [node_hash(level[i], level[i + 1]) for i in range(0, len(level) - 1, 2)]
        if len(level) % 2:
            paired.append(level[-1])
        level = paired
    return level[0]


def inclusion_path(leaves: Sequence[bytes], index: int) -> list[bytes]:
    """PATH(m, D[n]) from RFC 9162 §2.1.3.1, computed from all leaves (reference, O(n))."""
    if not 0 <= index < len(leaves):
        raise ValueError("index outside the tree")
    if len(leaves) == 1:
        return []
    k = split_point(len(leaves))
    if index < k:
        return [*inclusion_path(leaves[:k], index), root_of(leaves[k:])]
    return [*inclusion_path(leaves[k:], index - k), root_of(leaves[:k])]


def consistency_path(leaves: Sequence[bytes], old_size: int) -> list[bytes]:
    """PROOF(m, D[n]) from RFC 9162 §2.1.4.1, computed from all leaves (reference, O(n))."""
    if not 0 < old_size <= len(leaves):
        raise ValueError("old size outside the tree")
    return _subproof(leaves, old_size, True)


def _subproof(leaves: Sequence[bytes], m: int, complete: bool) -> list[bytes]:
    n = len(leaves)
    if m == n:
        return [] if complete else [root_of(leaves)]
    k = split_point(n)
    if m <= k:
        return [*_subproof(leaves[:k], m, complete), root_of(leaves[k:])]
    return [*_subproof(leaves[k:], m - k, False), root_of(leaves[:k])]


def root_from_inclusion(leaf: bytes, index: int, tree_size: int, path: Sequence[bytes]) -> bytes:
    """The root a proof leads to (RFC 9162 §2.1.3.2); ValueError if the proof cannot hold."""
    if not 0 <= index < tree_size:
        raise ValueError("leaf index outside the tree")
    fn, sn, r = index, tree_size - 1, leaf
    for p in path:
        _check_hash(p)
        if sn == 0:
            raise ValueError("inclusion proof too long")
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while fn and not fn & 1:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise ValueError("inclusion proof too short")
    return r


def verify_inclusion(
    leaf: bytes, index: int, tree_size: int, path: Sequence[bytes], root: bytes
) -> bool:
    """Whether `path` proves the leaf hash `leaf` at `index` in the tree of `root`."""
    try:
        return root_from_inclusion(leaf, index, tree_size, path) == root
    except ValueError:
        return False


def verify_consistency(
    old_size: int, new_size: int, old_root: bytes, new_root: bytes, path: Sequence[bytes]
) -> bool:
    """Whether `path` proves the tree of `old_root` is a prefix of the tree of `new_root`."""
    try:
        return _consistent(old_size, new_size, old_root, new_root, path)
    except ValueError:
        return False


def _consistent(
    old_size: int, new_size: int, old_root: bytes, new_root: bytes, path: Sequence[bytes]
) -> bool:
    for p in path:
        _check_hash(p)
    if not 0 <= old_size <= new_size:
        return False
    if old_size == new_size:
        return not path and old_root == new_root
    if old_size == 0:
        return not path  # the empty tree is a prefix of every tree; RFC: nothing to prove
    if not path:
        return False
    nodes = list(path)
    if old_size & (old_size - 1) == 0:  # a power of two: the old root starts the path
        nodes.insert(0, old_root)
    fn, sn = old_size - 1, new_size - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = nodes[0]
    for c in nodes[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            if not fn & 1:
                while fn and not fn & 1:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    return fr == old_root and sr == new_root and sn == 0


def _check_hash(node: bytes) -> None:
    if not isinstance(node, bytes) or len(node) != HASH_SIZE:
        raise ValueError("a proof node is not a SHA-256 hash")
