"""The embedded PostgreSQL's settings: sized for the machine, not PostgreSQL's 128 MB defaults.

With the stock 128 MB of `shared_buffers`, a rebuild's read models outgrow the buffers at 10k
employees and every insert into an index on random UUID keys reads its page from disk
(docs/benchmarks.md, "Rebuild bound by I/O"). The embedded server therefore gets a quarter of
the machine's memory for its buffers, capped, and room for index builds and for the write-ahead
log between checkpoints. `JEJAK_PG_SETTINGS` (`name=value,name=value`) overrides or adds any
setting. They live in `jejak.conf` in the data folder, included from `postgresql.conf`, and are
written before every start: a server already running (another process's) keeps its own until
it restarts. A server reached through DATABASE_URL is its operator's to size.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import psutil

SETTINGS_FILE = "jejak.conf"
INCLUDE_LINE = f"include_if_exists = '{SETTINGS_FILE}'"
ENVIRONMENT_VARIABLE = "JEJAK_PG_SETTINGS"
MB = 1024 * 1024
SHARED_BUFFERS_SHARE = 4  # a quarter of the memory, as PostgreSQL's documentation suggests
SHARED_BUFFERS_CAP_MB = 4096
SHARED_BUFFERS_FLOOR_MB = 128  # PostgreSQL's own default: never less


def embedded_settings(
    environ: Mapping[str, str] | None = None, memory_bytes: int | None = None
) -> dict[str, str]:
    """The settings the embedded server starts with: the defaults, then the environment's."""
    environ = os.environ if environ is None else environ
    memory = psutil.virtual_memory().total if memory_bytes is None else memory_bytes
    buffers = min(
        max(memory // SHARED_BUFFERS_SHARE // MB, SHARED_BUFFERS_FLOOR_MB), SHARED_BUFFERS_CAP_MB
    )
    settings = {
        "shared_buffers": f"{buffers}MB",
        "maintenance_work_mem": "256MB",  # index builds after a rebuild's load sort in memory
        "max_wal_size": "4GB",  # fewer checkpoints while a rebuild or a data load writes
    }
    settings.update(parse_settings(environ.get(ENVIRONMENT_VARIABLE, "")))
    return settings


def parse_settings(text: str) -> dict[str, str]:
    """`shared_buffers=2GB, work_mem=16MB` → a dict; ValueError names an entry without `=`."""
    settings: dict[str, str] = {}
    for entry in filter(None, (part.strip() for part in text.split(","))):
        name, equals, value = entry.partition("=")
        if not (equals and name.strip() and value.strip()):
            raise ValueError(f"{ENVIRONMENT_VARIABLE} takes name=value pairs, not {entry!r}.")
        settings[name.strip()] = value.strip()
    return settings


def write_settings(data_dir: Path, settings: Mapping[str, str]) -> None:
    """Write `jejak.conf` into an initialised data folder and include it from postgresql.conf."""
    lines = [f"{name} = '{_quoted(value)}'" for name, value in sorted(settings.items())]
    (data_dir / SETTINGS_FILE).write_text(
        "# Written by Jejak before every start (services/server_settings.py).\n"
        + "".join(f"{line}\n" for line in lines)
    )
    main = data_dir / "postgresql.conf"
    if INCLUDE_LINE not in main.read_text().splitlines():
        with main.open("a") as conf:
            conf.write(f"\n{INCLUDE_LINE}\n")


def _quoted(value: str) -> str:
    return value.replace("'", "''")
