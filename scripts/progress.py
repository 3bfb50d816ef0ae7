"""A progress bar for long operator commands (tqdm): done/total, events per second and ETA."""

from __future__ import annotations

import sys
from typing import TextIO

from tqdm import tqdm

BAR_FORMAT = (
    "{desc} [{bar}] {percentage:3.0f}% {n_fmt}/{total_fmt} events {rate_fmt} ETA {remaining}"
)
TERMINAL_REDRAW_SECONDS = 0.1
#: Written to a file or a pipe, a line every few seconds rather than ten a second.
LOG_REDRAW_SECONDS = 5.0


class ProgressBar:
    """The `progress(done, total)` callback of a long command, drawn on stderr."""

    def __init__(
        self, label: str, stream: TextIO | None = None, noun: str = "events", unit: str = " ev"
    ) -> None:
        # Look sys.stderr up now, not at import, so that redirecting it (capsys) works.
        stream = stream or sys.stderr
        tty = stream.isatty()
        self.bar = tqdm(
            desc=label,
            file=stream,
            unit=unit,
            bar_format=BAR_FORMAT.replace(" events ", f" {noun} "),
            mininterval=TERMINAL_REDRAW_SECONDS if tty else LOG_REDRAW_SECONDS,
            dynamic_ncols=tty,
        )

    def __call__(self, done: int, total: int) -> None:
        """`done` of `total` events; the total may grow while the command runs."""
        if self.bar.total != total:
            self.bar.total = total
        self.bar.update(done - self.bar.n)

    def finish(self) -> None:
        """Draw the final state and end the line."""
        self.bar.close()
