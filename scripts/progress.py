"""A progress bar for long operator commands: done/total, events per second and ETA."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class ProgressBar:
    """Redraws at most ten times a second on a terminal; prints every 10% otherwise."""

    def __init__(self, label: str, stream: TextIO | None = None, width: int = 30) -> None:
        # Look sys.stderr up now, not at import, so that redirecting it (capsys) works.
        self.label, self.stream, self.width = label, stream or sys.stderr, width
        self.started = time.perf_counter()
        self.last_draw = 0.0
        self.last_decile = -1
        self.tty = self.stream.isatty()

    def __call__(self, done: int, total: int) -> None:
        now = time.perf_counter()
        fraction = done / total if total else 1.0
        decile = int(fraction * 10)
        if self.tty and now - self.last_draw < 0.1 and done < total:
            return
        if not self.tty and decile == self.last_decile and done < total:
            return
        self.last_draw, self.last_decile = now, decile
        elapsed = max(now - self.started, 1e-9)
        rate = done / elapsed
        eta = (total - done) / rate if rate > 0 else 0.0
        filled = int(fraction * self.width)
        bar = "#" * filled + "-" * (self.width - filled)
        line = (
            f"{self.label} [{bar}] {fraction:4.0%} {done:,}/{total:,} events "
            f"{rate:,.0f} ev/s ETA {eta:,.0f}s"
        )
        self.stream.write(("\r" + line) if self.tty else (line + "\n"))
        self.stream.flush()

    def finish(self) -> None:
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()
