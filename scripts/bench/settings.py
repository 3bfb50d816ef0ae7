"""How a run is sized: the options of `jejak bench`, resolved once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    employees: int
    growth: tuple[int, ...]
    seed: int
    repetitions: int
    seconds: float  # one load-generator run
    connections: int  # requests in flight, for queries and mutations alike
    workers: int  # uvicorn workers of each server
    generator: str  # "wrk" or "python"
    prefix: int  # events the per-event runner is measured on
    loads: int  # aggregate loads per block in the snapshot benchmark
    data_dir: Path
    output: Path

    @property
    def logs(self) -> Path:
        return self.data_dir / "logs"
