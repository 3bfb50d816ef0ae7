"""What a benchmark measures, and how repetitions become one figure: medians and ratios."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class LoadResult:
    """One load-generator run against one endpoint."""

    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int = 0

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds > 0 else 0.0


def median(values: Sequence[float]) -> float:
    """The median, 0 for no values (a run that measured nothing shows as 0, not a crash)."""
    return float(statistics.median(values)) if values else 0.0


@dataclass(frozen=True)
class LoadSummary:
    """Medians over the repetitions of one endpoint."""

    rps: float
    p50_ms: float
    p99_ms: float
    runs: int
    errors: int

    @classmethod
    def of(cls, results: Sequence[LoadResult]) -> LoadSummary:
        return cls(
            rps=median([r.rps for r in results]),
            p50_ms=median([r.p50_ms for r in results]),
            p99_ms=median([r.p99_ms for r in results]),
            runs=len(results),
            errors=sum(r.errors for r in results),
        )


def ratio(numerator: float, denominator: float) -> float:
    """numerator / denominator, 0 when there is nothing to divide by."""
    return numerator / denominator if denominator else 0.0


def rate(count: float, seconds: float) -> float:
    """Things per second."""
    return count / seconds if seconds > 0 else 0.0
