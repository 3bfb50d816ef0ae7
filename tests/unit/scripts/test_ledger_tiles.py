"""The tiled layout's costs that docs/ledger.md quotes, computed from the store's proof plans."""

from __future__ import annotations

from scripts.bench.ledger_tiles import HASH, WIDTH, tile_bytes_per_event, tiles_of, tiles_per_proof
from services.ledger import subtrees


def test_a_proof_in_a_tree_of_one_tile_reads_that_one_tile() -> None:
    nodes = subtrees.needed(lambda get: subtrees.inclusion(77, WIDTH, get))
    assert tiles_of(nodes) == {(0, 0)}
    assert tiles_per_proof(WIDTH, samples=20) == (1.0, 1.0)


def test_a_node_above_level_eight_is_read_from_the_tile_level_above() -> None:
    # Level 9, index 3 covers level-8 hashes 6 and 7: tile level 1, its first tile.
    assert tiles_of({(9, 3), (8, 300), (0, 513)}) == {(1, 0), (1, 1), (0, 2)}


def test_proofs_read_a_few_tiles_where_per_level_rows_read_tens() -> None:
    inclusion, consistency = tiles_per_proof(4_900_000, samples=50)
    rows = len(subtrees.needed(lambda get: subtrees.inclusion(1_234_567, 4_900_000, get)))
    assert inclusion <= 6
    assert consistency <= 6
    assert rows > 3 * inclusion


def test_a_batch_writes_each_tile_it_touches_whole() -> None:
    # 256 leaves from empty: one full level-0 tile and the first hash of level 8.
    assert tile_bytes_per_event(0, WIDTH) == (WIDTH + 1) * HASH / WIDTH
    # One leaf completing a tile rewrites all 256 hashes and starts the tile above.
    assert tile_bytes_per_event(WIDTH - 1, 1) == (WIDTH + 1) * HASH
    # One leaf into a partial tile rewrites it with what it holds so far.
    assert tile_bytes_per_event(WIDTH + 9, 1) == 10 * HASH
