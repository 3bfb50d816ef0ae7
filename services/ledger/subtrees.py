"""RFC 9162 roots and proofs computed from stored complete subtrees, never from all leaves.

A node `(level, index)` is the complete subtree over leaves `[index·2^level, (index+1)·2^level)`;
level 0 is a leaf. Every range the RFC's recursion visits is a complete node or splits at its
largest power of two into a complete left node and a smaller right range, so the hash of any
such range, and hence any root or proof, needs O(log n) stored nodes. Each algorithm is written
once against a `Lookup`; `needed` runs it with a recording lookup to learn which nodes to fetch
in one query, and `compute` runs it again over the fetched ones.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar

from domain.ledger.merkle import EMPTY_ROOT, node_hash, split_point

Node = tuple[int, int]  # (level, index)
Lookup = Callable[[int, int], bytes]
T = TypeVar("T")
_PLACEHOLDER = bytes(32)


def range_hash(start: int, end: int, get: Lookup) -> bytes:
    """MTH(D[start:end]) for a range of the RFC's recursion (start aligned to the split)."""
    size = end - start
    if size & (size - 1) == 0 and start % size == 0:
        level = size.bit_length() - 1
        return get(level, start >> level)
    k = split_point(size)
    return node_hash(range_hash(start, start + k, get), range_hash(start + k, end, get))


def root(size: int, get: Lookup) -> bytes:
    """MTH of the first `size` leaves."""
    return EMPTY_ROOT if size == 0 else range_hash(0, size, get)


def inclusion(index: int, size: int, get: Lookup) -> list[bytes]:
    """PATH(index, D[0:size]), RFC 9162 §2.1.3.1."""
    if not 0 <= index < size:
        raise ValueError("leaf index outside the tree")
    return _path(index, 0, size, get)


def _path(m: int, start: int, end: int, get: Lookup) -> list[bytes]:
    if end - start == 1:
        return []
    mid = start + split_point(end - start)
    if m < mid:
        return [*_path(m, start, mid, get), range_hash(mid, end, get)]
    return [*_path(m, mid, end, get), range_hash(start, mid, get)]


def consistency(old_size: int, new_size: int, get: Lookup) -> list[bytes]:
    """PROOF(old_size, D[0:new_size]), RFC 9162 §2.1.4.1 (empty when old is 0 or equal)."""
    if not 0 <= old_size <= new_size:
        raise ValueError("old size outside the tree")
    if old_size in (0, new_size):
        return []
    return _subproof(old_size, 0, new_size, True, get)


def _subproof(m: int, start: int, end: int, complete: bool, get: Lookup) -> list[bytes]:
    if m == end - start:
        return [] if complete else [range_hash(start, end, get)]
    k = split_point(end - start)
    if m <= k:
        return [*_subproof(m, start, start + k, complete, get), range_hash(start + k, end, get)]
    return [*_subproof(m - k, start + k, end, False, get), range_hash(start, start + k, get)]


def peaks(size: int) -> list[Node]:
    """The complete subtrees a tree of `size` leaves ends in, largest first (its right edge)."""
    nodes, offset = [], 0
    for level in range(size.bit_length() - 1, -1, -1):
        if size >> level & 1:
            nodes.append((level, offset >> level))
            offset += 1 << level
    return nodes


def needed(algorithm: Callable[[Lookup], T]) -> set[Node]:
    """The nodes `algorithm` reads."""
    seen: set[Node] = set()

    def record(level: int, index: int) -> bytes:
        seen.add((level, index))
        return _PLACEHOLDER

    algorithm(record)
    return seen


def compute(algorithm: Callable[[Lookup], T], nodes: Mapping[Node, bytes]) -> T:
    """`algorithm` over fetched nodes; KeyError names a node the storage did not have."""
    return algorithm(lambda level, index: nodes[level, index])


def fold_peaks(hashes: Iterable[bytes]) -> bytes:
    """The root from the right edge's hashes, largest subtree first."""
    result: bytes | None = None
    for peak in reversed(list(hashes)):
        result = peak if result is None else node_hash(peak, result)
    return EMPTY_ROOT if result is None else result
