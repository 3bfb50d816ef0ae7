"""The PostgreSQL processes of a data folder, seen from outside, for tests that start servers.

Independent of services/postmaster.py on purpose: it checks what that module does. A process
belongs to the folder if it is a `postgres` running in it or naming it on its command line.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import psutil


@contextlib.contextmanager
def data_folder() -> Iterator[Path]:
    """A data folder path whose PostgreSQL is killed and whose files are removed afterwards.

    Not under pytest's tmp_path: as root, pgserver runs PostgreSQL as the `pgserver` user, and
    every pytest session that starts (anybody's) makes /tmp/pytest-of-root private again, so
    an initdb there at that moment fails with "Permission denied".
    """
    home = Path(tempfile.mkdtemp(prefix="jejak-pg-"))
    try:
        yield home / "pgdata"
    finally:
        kill_leftovers(home / "pgdata")
        shutil.rmtree(home, ignore_errors=True)


def postgres_of(data_dir: Path) -> list[psutil.Process]:
    """The live PostgreSQL processes of `data_dir`."""
    folder = str(data_dir.resolve())
    found = []
    for process in psutil.process_iter(["name", "cwd", "cmdline", "status"]):
        info = process.info
        if info["name"] != "postgres" or info["status"] == psutil.STATUS_ZOMBIE:
            continue
        if info["cwd"] == folder or folder in (info["cmdline"] or []):
            found.append(process)
    return found


def postmaster_pid(data_dir: Path) -> int:
    """The pid postmaster.pid names."""
    return int((data_dir / "postmaster.pid").read_text().splitlines()[0])


def is_running(pid: int) -> bool:
    """The process exists and is not a zombie."""
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def wait_until_gone(pid: int, seconds: float) -> bool:
    """True once `pid` has exited; False if it still runs after `seconds`."""
    deadline = time.monotonic() + seconds
    while is_running(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def kill_leftovers(data_dir: Path) -> None:
    """SIGKILL whatever PostgreSQL a failed test left running on `data_dir`."""
    for process in postgres_of(data_dir):
        with contextlib.suppress(psutil.NoSuchProcess):
            process.kill()
