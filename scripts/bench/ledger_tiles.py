"""What the C2SP `tlog-tiles` layout would cost for the same tree, computed (not built) from
the same proof plans the store uses, to set beside the measured hashes-per-level layout.

A tile holds up to 256 consecutive hashes of one tree level 8·T (tile level T); the levels in
between are recomputed from them. A node (level L, index i) is therefore read from tile level
L // 8, tile (i << L % 8) >> 8; a tile that is not full yet (the right edge) is rewritten, whole,
each time a batch adds to it.
"""

from __future__ import annotations

import random
import statistics
import sys
from collections.abc import Callable

from services.ledger import subtrees

HEIGHT = 8
WIDTH = 1 << HEIGHT
HASH = 32


def tiles_of(nodes: set[subtrees.Node]) -> set[tuple[int, int]]:
    """The (tile level, tile index) rows a tiled store reads for these stored nodes."""
    found = set()
    for level, index in nodes:
        tile_level, below = divmod(level, HEIGHT)
        found.add((tile_level, (index << below) >> HEIGHT))
    return found


def tiles_per_proof(size: int, samples: int = 200, seed: int = 2025) -> tuple[float, float]:
    """Mean tile rows an inclusion and a consistency proof would read in a tree of `size`."""
    draw = random.Random(seed)  # noqa: S311 - sampling, not secrets

    def mean(plan: Callable[[int], set[subtrees.Node]], pick: Callable[[], int]) -> float:
        return statistics.mean(len(tiles_of(plan(pick()))) for _ in range(samples))

    inclusion = mean(
        lambda i: subtrees.needed(lambda get: subtrees.inclusion(i, size, get)),
        lambda: draw.randrange(size),
    )
    consistency = mean(
        lambda m: subtrees.needed(lambda get: subtrees.consistency(m, size, get)),
        lambda: draw.randint(1, size),
    )
    return inclusion, consistency


def tile_bytes_per_event(size: int, batch: int) -> float:
    """Hash bytes a tiled store writes per event when `batch` events are appended to a tree of
    `size` leaves: every tile the batch touches is written whole (a partial one again)."""
    written = 0
    start, end = size, size + batch
    tile_level = 0
    while True:
        shift = HEIGHT * tile_level
        first, last = start >> shift, end >> shift  # hashes at level 8T: [first, last)
        if last == first:
            break
        for tile in range(first >> HEIGHT, ((last - 1) >> HEIGHT) + 1):
            width = min(WIDTH, last - tile * WIDTH)
            written += width * HASH
        tile_level += 1
    return written / batch


def mean_tile_bytes(size: int, batch: int) -> float:
    """`tile_bytes_per_event` averaged over the 65,536 tree sizes from `size` on (a batch's
    cost depends on where in its tiles it starts)."""
    return statistics.mean(tile_bytes_per_event(size + k, batch) for k in range(0, 65_536, 97))


def main(sizes: list[int]) -> None:
    """`python -m scripts.bench.ledger_tiles 50441 487314`: tiles per proof and bytes written
    per event, by batch size, at each tree size."""
    print("| leaves | tiles per inclusion / consistency proof | hash bytes written per event, "
          "batches of 1 / 10 / 100 / 1,000 (tiles) |")  # fmt: skip
    print("| --- | --- | --- |")
    for size in sizes:
        inclusion, consistency = tiles_per_proof(size)
        written = " / ".join(f"{mean_tile_bytes(size, b):,.0f}" for b in (1, 10, 100, 1000))
        print(f"| {size:,} | {inclusion:.1f} / {consistency:.1f} | {written} |")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [50_441])
