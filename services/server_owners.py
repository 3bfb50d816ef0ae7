"""Who uses an embedded PostgreSQL server, so that the last one to leave stops it.

pgserver counts its users by pid alone and never forgets one killed with -9, so its server then
outlives everybody. Here an owner is one handle in a process known by its pid and start time (a
reused pid is another process), and an owner whose process is gone is forgotten the next time
anyone looks.
"""

from __future__ import annotations

import json
import logging
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

import psutil

log = logging.getLogger(__name__)

#: Two readings of one process's start time differ by rounding only.
SAME_START_SECONDS = 0.5


@dataclass(frozen=True)
class Owner:
    """One handle on the server, held by one process."""

    pid: int
    started: float
    handle: str

    @classmethod
    def new(cls) -> Owner:
        """A new handle of this process (two in one process leave separately)."""
        return cls(os.getpid(), psutil.Process().create_time(), uuid.uuid4().hex)

    def is_alive(self) -> bool:
        """Still running: the same pid with the same start time, and not a zombie."""
        try:
            process = psutil.Process(self.pid)
            same = abs(process.create_time() - self.started) < SAME_START_SECONDS
            return same and process.status() != psutil.STATUS_ZOMBIE
        except psutil.NoSuchProcess:
            return False
        except psutil.AccessDenied:
            return True  # it exists; someone else's process cannot be proven dead


class OwnerRegistry:
    """The owners of one server, in a JSON file; callers hold the data folder's lock."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def live(self) -> list[Owner]:
        """The owners still running; the dead ones are forgotten."""
        recorded = self._read()
        alive = [owner for owner in recorded if owner.is_alive()]
        if alive != recorded:
            self._write(alive)
        return alive

    def add(self, owner: Owner) -> None:
        owners = self.live()
        if owner not in owners:
            self._write([*owners, owner])

    def remove(self, owner: Owner) -> list[Owner]:
        """Forget `owner`; the owners still running after it."""
        others = [other for other in self.live() if other != owner]
        self._write(others)
        return others

    def _read(self) -> list[Owner]:
        try:
            rows = json.loads(self.path.read_text())
            return [
                Owner(int(row["pid"]), float(row["started"]), str(row["handle"])) for row in rows
            ]
        except FileNotFoundError:
            return []
        except (OSError, ValueError, TypeError, KeyError) as error:
            log.warning("Ignoring the unreadable owner list %s: %s", self.path, error)
            return []

    def _write(self, owners: list[Owner]) -> None:
        if not self.path.parent.exists():
            return  # no data folder, no server to own
        rows = [
            {"pid": owner.pid, "started": owner.started, "handle": owner.handle} for owner in owners
        ]
        partial = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        partial.write_text(json.dumps(rows))
        partial.replace(self.path)  # atomic: a reader never sees half a list
