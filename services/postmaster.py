"""The processes of an embedded PostgreSQL server: find them, stop them, clear what a dead one left.

A server is recognised by its processes, not by postmaster.pid alone: after a kill -9 that file
may name a process id the kernel has since given to another program, and pgserver would then
"join" that program. Every PostgreSQL process runs in its data folder, so the `postgres`
processes whose working directory is the folder are its server; the postmaster is the one
started with `-D`, the others are its children (or, once it died, its orphans).
"""

from __future__ import annotations

import contextlib
import logging
import signal
import time
from collections.abc import Sequence
from pathlib import Path

import psutil

log = logging.getLogger(__name__)

#: PostgreSQL's fast shutdown: roll back open transactions, checkpoint, exit.
FAST_SHUTDOWN = signal.SIGINT
#: PostgreSQL's immediate shutdown: exit at once; the next start runs crash recovery.
IMMEDIATE_SHUTDOWN = signal.SIGQUIT
#: How long the immediate shutdown, and then SIGKILL, may take.
LAST_RESORT_SECONDS = 5.0


def server_processes(data_dir: Path) -> list[psutil.Process]:
    """Every live `postgres` process of the server on `data_dir` (postmaster and children)."""
    folder = str(data_dir)
    return [
        process
        for process in psutil.process_iter(["name", "cwd"])
        if process.info["name"] == "postgres" and process.info["cwd"] == folder
    ]


def postmaster_among(processes: Sequence[psutil.Process]) -> psutil.Process | None:
    """The postmaster of a server's processes, if it is still alive."""
    for process in processes:
        with contextlib.suppress(psutil.Error):
            if "-D" in process.cmdline()[1:] and is_alive(process):
                return process
    return None


def recorded_pid(data_dir: Path) -> int | None:
    """The pid postmaster.pid names, if the file is there and readable."""
    lines = _lines(data_dir / "postmaster.pid")
    return int(lines[0]) if lines and lines[0].strip().isdigit() else None


def is_alive(process: psutil.Process) -> bool:
    """Running, and not a zombie waiting for its parent to collect it."""
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def stop_server(data_dir: Path, timeout: float) -> None:
    """Stop the server on `data_dir`: fast shutdown, then immediate, then SIGKILL, each bounded."""
    processes = server_processes(data_dir)
    postmaster = postmaster_among(processes)
    if postmaster is not None:
        shutdowns = ((FAST_SHUTDOWN, timeout), (IMMEDIATE_SHUTDOWN, LAST_RESORT_SECONDS))
        for shutdown, seconds in shutdowns:
            with contextlib.suppress(psutil.NoSuchProcess):
                postmaster.send_signal(shutdown)
            if _all_gone(processes, seconds):
                break
            log.warning("PostgreSQL on %s did not stop after %s", data_dir, shutdown.name)
    elif processes:
        # The postmaster died: its children notice and exit on their own within moments.
        _all_gone(processes, LAST_RESORT_SECONDS)
    leftovers = [process for process in processes if is_alive(process)]
    for process in leftovers:
        with contextlib.suppress(psutil.NoSuchProcess):
            process.kill()
    if not _all_gone(leftovers, LAST_RESORT_SECONDS):
        raise RuntimeError(f"PostgreSQL processes on {data_dir} survived SIGKILL: {leftovers}")
    remove_stale_files(data_dir)


def remove_stale_files(data_dir: Path) -> None:
    """Remove the lock files of a dead server, which PostgreSQL trusts if their pid lives again.

    Call only when `server_processes(data_dir)` is empty.
    """
    pid_file = data_dir / "postmaster.pid"
    socket_dirs = {data_dir}
    recorded = _lines(pid_file)
    if len(recorded) > 4 and recorded[4].strip():  # line 5 of postmaster.pid: the socket folder
        socket_dirs.add(Path(recorded[4].strip()))
    pid_file.unlink(missing_ok=True)
    for folder in socket_dirs:
        for lock in folder.glob(".s.PGSQL.*.lock"):
            owner = _lines(lock)
            if len(owner) > 1 and Path(owner[1].strip()) == data_dir:  # line 2: its data folder
                lock.unlink(missing_ok=True)
                lock.with_suffix("").unlink(missing_ok=True)  # the socket itself


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text(errors="replace").splitlines()
    except OSError:
        return []


def _all_gone(processes: Sequence[psutil.Process], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while any(is_alive(process) for process in processes):
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.05)
    return True
