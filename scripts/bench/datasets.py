"""Generated data sets, one PostgreSQL data folder per size and seed, generated once.

`<data dir>/e<employees>-s<seed>/pgdata` holds the database; `generated.json` beside it is
written only after a load completed, so an interrupted load is started again from scratch.
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from scripts.datagen.loader import generate
from services.database import Database, EmbeddedPostgres

MARKER = "generated.json"


@dataclass(frozen=True)
class Dataset:
    employees: int
    seed: int
    generated_events: int
    database: Database


def folder(data_dir: Path, employees: int, seed: int) -> Path:
    return data_dir / f"e{employees}-s{seed}"


@contextmanager
def open_dataset(
    data_dir: Path, employees: int, seed: int, settings: Mapping[str, str] | None = None
) -> Iterator[Dataset]:
    """Start the data set's own PostgreSQL, generating the data first if it is not there
    (`settings`: the server's, instead of services/server_settings.py's for this machine)."""
    home = folder(data_dir, employees, seed)
    marker = home / MARKER
    if not marker.exists() and home.exists():
        shutil.rmtree(home)  # an interrupted load: its log is not the seed's
    embedded = EmbeddedPostgres(home / "pgdata", settings=settings)
    database = embedded.start()
    try:
        if not marker.exists():
            print(f"bench: generating {employees:,} employees (seed {seed})…", file=sys.stderr)
            started = time.perf_counter()
            report = generate(database, employees, seed)
            marker.write_text(
                json.dumps(
                    {
                        "employees": employees,
                        "seed": seed,
                        "events": report.events,
                        "seconds": round(time.perf_counter() - started, 1),
                    }
                )
            )
        found = json.loads(marker.read_text())
        yield Dataset(employees, seed, int(found["events"]), database)
    finally:
        embedded.stop()
