"""The machine a run was measured on, for the report's header."""

from __future__ import annotations

import os
import platform
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import psycopg

from services.database import Database

LIBRARIES = (
    "eventsourcing",
    "strawberry-graphql",
    "starlette",
    "uvicorn",
    "httptools",
    "uvloop",
    "asyncpg",
    "psycopg",
)


@dataclass(frozen=True)
class Machine:
    cpu_model: str
    cores: int
    ram_gb: float
    os: str
    python: str
    postgres: str
    libraries: str
    load_average: str


def describe(database: Database) -> Machine:
    """Cores, RAM, CPU model, Python and PostgreSQL versions, and the load when measured."""
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        row = conn.execute("SHOW server_version").fetchone()
    versions = ", ".join(f"{name} {_version(name)}" for name in LIBRARIES)
    return Machine(
        cpu_model=_cpu_model(),
        cores=os.cpu_count() or 0,
        ram_gb=_ram_gb(),
        os=f"{platform.system()} {platform.release()}",
        python=sys.version.split()[0],
        postgres=str(row[0]) if row else "?",
        libraries=versions,
        load_average=" ".join(f"{x:.2f}" for x in os.getloadavg()),
    )


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "?"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _ram_gb() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return 0.0
