"""The access benchmark's data: one generated region, and the people it reads as and about.

Its own PostgreSQL (embedded, in `--data-dir` or a temporary folder) unless DATABASE_URL names
one; the region is generated once per folder (a marker file is written only after the load
completed) and the read models are caught up before anything is measured.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg

from projections.base import READ_SCHEMA
from scripts.datagen.loader import LogNotEmpty, generate
from scripts.datagen.regions import PALANGKARAYA
from services.database import Database, EmbeddedPostgres
from services.runtime import catch_up_read_models

REGION = PALANGKARAYA
MARKER = "generated.json"
READ_NIPS = 200  # different employees HR cycles through
MIN_TEAM = 10  # appraisees an appraiser needs to be chosen (fewer only if nobody has more)
APPRAISEES = 20  # whose records the appraiser cycles through


@dataclass(frozen=True)
class DataSet:
    """The database and what its event log holds."""

    database: Database
    employees: int
    events: int


@dataclass(frozen=True)
class People:
    """One tenant's readers and read: NIPs HR reads, and a pejabat penilai with appraisees."""

    tenant: str
    nips: list[str]  # active employees spread over the NIP order
    appraiser: str  # an active employee who appraises others (reads their own record too)
    appraisees: list[str]  # whose appraisals name `appraiser`, nearest the appraiser's size


@contextmanager
def open_data(data_dir: Path | None, employees: int, seed: int) -> Iterator[DataSet]:
    """The data set, generated if its database is empty, with its read models caught up."""
    url = os.environ.get("DATABASE_URL")
    with ExitStack() as stack:
        if url:
            database = Database.from_url(url)
        else:
            if data_dir is None:
                temporary = tempfile.TemporaryDirectory(prefix="jejak-access-")
                data_dir = Path(stack.enter_context(temporary))
            home = data_dir / f"access-e{employees}-s{seed}"
            if home.exists() and not (home / MARKER).exists():
                shutil.rmtree(home)  # an interrupted load: start it again
            embedded = EmbeddedPostgres(home / "pgdata")
            database = embedded.start()
            stack.callback(embedded.stop)
        yield _filled(database, employees, seed, None if url else home / MARKER)


def _filled(database: Database, employees: int, seed: int, marker: Path | None) -> DataSet:
    try:
        print(f"access: generating {employees:,} employees of {REGION.tenant}…", file=sys.stderr)
        started = time.perf_counter()
        report = generate(database, employees, seed, (REGION,))
        print(f"access: {report.events:,} events in {time.perf_counter() - started:.0f} s",
              file=sys.stderr)  # fmt: skip
        if marker is not None:
            marker.write_text(json.dumps({"employees": employees, "seed": seed}))
    except LogNotEmpty:
        print("access: the event log is not empty: measuring the data it holds", file=sys.stderr)
    catch_up_read_models(database)
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        row = conn.execute(
            f"SELECT (SELECT count(*) FROM {READ_SCHEMA}.employees), "
            f"(SELECT coalesce(max(position), 0) FROM {READ_SCHEMA}.event_log)"
        ).fetchone()
    counted, events = row if row else (0, 0)
    return DataSet(database, int(counted), int(events))


def pick_people(database: Database, nips: int = READ_NIPS) -> People:
    """The biggest tenant's active employees spread over the NIP order; the active pejabat
    penilai whose own record is nearest the typical size (leave and career rows, what the
    private document lists), and their appraisees nearest the appraiser's own size, so the
    logged and the unlogged reads answer alike."""
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        row = conn.execute(
            f"SELECT tenant FROM {READ_SCHEMA}.employees GROUP BY tenant "
            "ORDER BY count(*) DESC, tenant LIMIT 1"
        ).fetchone()
        if row is None:
            raise LookupError("The read models hold no employees.")
        tenant = str(row[0])
        sizes = {str(nip): int(size) for nip, size in conn.execute(_SIZES, (tenant,))}
        active = [str(r[0]) for r in conn.execute(_ACTIVE, (tenant,))]
        teams = {str(a): [str(n) for n in team] for a, team in conn.execute(_TEAMS, (tenant,))}
    step = max(1, len(active) // nips)
    read = active[::step][:nips]
    if not read or not teams:
        raise LookupError(f"{tenant} has no active pejabat penilai with appraisees.")
    typical = sum(sizes[n] for n in read) / len(read)
    biggest = max(len(team) for team in teams.values())
    candidates = [a for a, team in teams.items() if len(team) >= min(MIN_TEAM, biggest)]
    appraiser = min(candidates, key=lambda a: (abs(sizes[a] - typical), -len(teams[a]), a))
    nearest = sorted(teams[appraiser], key=lambda n: (abs(sizes[n] - sizes[appraiser]), n))
    return People(tenant, read, appraiser, nearest[:APPRAISEES])


# Leave and career rows per employee of a tenant: the items the private document answers.
_SIZES = f"""SELECT e.nip,
    (SELECT count(*) FROM {READ_SCHEMA}.career_entries c WHERE c.employee_id = e.id)
    + (SELECT count(*) FROM {READ_SCHEMA}.leave_entries l WHERE l.employee_id = e.id)
    FROM {READ_SCHEMA}.employees e WHERE e.tenant = %s"""
_ACTIVE = (
    f"SELECT nip FROM {READ_SCHEMA}.employees WHERE tenant = %s AND status = 'ACTIVE' ORDER BY nip"
)
# Active appraisers and the others their appraisals name (any year).
_TEAMS = f"""SELECT a.appraiser, array_agg(DISTINCT a.nip ORDER BY a.nip)
    FROM {READ_SCHEMA}.appraisals a
    JOIN {READ_SCHEMA}.employees e
      ON e.tenant = a.tenant AND e.nip = a.appraiser AND e.status = 'ACTIVE'
    WHERE a.tenant = %s AND a.nip <> a.appraiser GROUP BY a.appraiser"""
