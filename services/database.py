"""Where the PostgreSQL server is: DATABASE_URL, or a private one from the pgserver wheel."""

from __future__ import annotations

import logging
import os
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from filelock import FileLock
from psycopg.conninfo import make_conninfo

from services.conninfo import asyncpg_arguments, parse_database_url
from services.postmaster import (
    postmaster_among,
    recorded_pid,
    remove_stale_files,
    server_processes,
    stop_server,
)
from services.server_owners import Owner, OwnerRegistry
from services.server_settings import embedded_settings, write_settings

DEFAULT_DATA_DIR = Path(".jejak") / "pgdata"
OWNERS_FILE = ".jejak_owners.json"
#: How long a start or stop waits for another process's start or stop of the same server.
LOCK_TIMEOUT_SECONDS = 120.0
logger = logging.getLogger("jejak.database")


@dataclass(frozen=True)
class Database:
    """Connection settings for one PostgreSQL database (host may be a socket directory).

    `options` holds every other libpq keyword DATABASE_URL gave (sslmode, sslrootcert,
    application_name, connect_timeout, options, …), sorted: psycopg and the event store's
    connections take them all; the asyncpg read pool takes what asyncpg supports
    (services/conninfo.py) and the rest is logged as ignored there.
    """

    host: str
    port: int
    user: str
    password: str
    dbname: str
    options: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_url(cls, url: str) -> Database:
        """Parse DATABASE_URL with libpq's parser: postgresql://… (host may be `?host=/dir`)
        or `key=value` pairs; ValueError names what is wrong."""
        info = parse_database_url(url)
        return cls(info.host, info.port, info.user, info.password, info.dbname, info.options)

    def eventsourcing_env(self) -> dict[str, str]:
        """The environment the eventsourcing library reads to reach this database.

        Its POSTGRES_* variables name only host, port, user, password and dbname of libpq's
        keywords (POSTGRES_CONNECT_TIMEOUT is its pool's wait for a free connection, not
        libpq's connect_timeout); the other options reach its connections through
        JEJAK_POSTGRES_OPTIONS and the factory in services/store.py.
        """
        return {
            "PERSISTENCE_MODULE": "services.store:PostgresFactoryWithOptions",
            "POSTGRES_HOST": self.host,
            "POSTGRES_PORT": str(self.port),
            "POSTGRES_USER": self.user,
            "POSTGRES_PASSWORD": self.password,
            "POSTGRES_DBNAME": self.dbname,
            "JEJAK_POSTGRES_OPTIONS": make_conninfo("", **dict(self.options)),
            # Without it, saving thousands of events at once hung here (design.md).
            "POSTGRES_ENABLE_DB_FUNCTIONS": "y",
            "APPLICATION_RECORDER_TOPIC": "services.store:OrderedApplicationRecorder",
            "POSTGRES_POOL_SIZE": os.environ.get("JEJAK_WRITE_POOL_SIZE", "5"),
            "POSTGRES_LOCK_TIMEOUT": "10",
            "CREATE_TABLE": "y",
        }

    def psycopg_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for psycopg.connect: libpq takes every option as given."""
        return {
            "host": self.host,
            "port": self.port,
            "user": self.user,
            "password": self.password,
            "dbname": self.dbname,
            **dict(self.options),
        }

    def asyncpg_kwargs(self, server_settings: dict[str, str] | None = None) -> dict[str, Any]:
        """Keyword arguments for asyncpg.connect / create_pool, with these `server_settings`
        added to those the options give (application_name, options)."""
        arguments, ignored = asyncpg_arguments(dict(self.options))
        if ignored:
            logger.warning("asyncpg cannot take DATABASE_URL's %s; ignored there", ignored)
        if server_settings:
            arguments["server_settings"] = {
                **arguments.get("server_settings", {}),
                **server_settings,
            }
        return {
            "host": self.host,
            "port": self.port,
            "user": self.user,
            "password": self.password,
            "database": self.dbname,
            **arguments,
        }

    def conninfo(self) -> str:
        """The whole of it as a libpq connection string, which `from_url` reads back."""
        return make_conninfo("", **self.psycopg_kwargs())


class EmbeddedPostgres:
    """A private PostgreSQL server from the pgserver wheel, in a local data folder.

    Every process using the folder's server registers as an owner (`.jejak_owners.json` in the
    folder) and the last one to leave stops the server. A server found running with no live owner
    was left by a process killed with -9: it is stopped and started afresh, not reused, because
    nobody vouches for its state (it may be shutting down, listen on a socket since deleted, or
    come from an older wheel), and a restart costs a second or two. What a dead server left (its
    postmaster.pid, socket lock files, orphaned children) is cleared first, since PostgreSQL and
    pgserver trust those files when their pid has been reused. Start and stop hold a file lock
    beside the folder, so two processes never start or stop the same server at once. Only this
    class registers owners: a server used only by other programs (pgserver called directly, a
    Jejak from before the owner list) counts as orphaned.
    """

    def __init__(
        self,
        data_dir: Path,
        *,
        stop_timeout: float = 30.0,
        settings: Mapping[str, str] | None = None,
    ) -> None:
        self.data_dir = data_dir
        self.stop_timeout = stop_timeout
        # The server's settings (services/server_settings.py): None takes the machine's.
        self.settings = embedded_settings() if settings is None else dict(settings)
        self._owner: Owner | None = None
        self._folder = data_dir

    def start(self) -> Database:
        """Start (or join) the server and return its settings."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self._folder = folder = self.data_dir.resolve()
        with self._lock(folder):
            owners = OwnerRegistry(folder / OWNERS_FILE)
            processes = server_processes(folder)
            postmaster = postmaster_among(processes)
            of_record = postmaster is not None and postmaster.pid == recorded_pid(folder)
            if processes and not (of_record and owners.live()):
                # An orphan (its owners were killed), what a dead postmaster left running, or
                # a postmaster whose postmaster.pid is gone (a second one would share its data).
                stop_server(folder, self.stop_timeout)
            elif not processes:
                remove_stale_files(folder)
            server = self._start_pgserver(folder, self.settings)
            self._owner = Owner.new()
            owners.add(self._owner)
        return Database.from_url(server.get_uri())

    def stop(self) -> None:
        """Leave the server; stop it if no other live process uses it."""
        if self._owner is None:
            return
        folder = self._folder  # as resolved at start, whatever the working directory is now
        with self._lock(folder):
            if not OwnerRegistry(folder / OWNERS_FILE).remove(self._owner):
                stop_server(folder, self.stop_timeout)
        self._owner = None

    @staticmethod
    def _lock(folder: Path) -> FileLock:
        return FileLock(folder.with_name(f".{folder.name}.lock"), timeout=LOCK_TIMEOUT_SECONDS)

    @staticmethod
    def _start_pgserver(folder: Path, settings: Mapping[str, str]) -> Any:
        logging.getLogger("pgserver").setLevel(logging.WARNING)  # its INFO is initdb's chatter
        with warnings.catch_warnings():
            # pgserver's platformdirs warns when XDG_RUNTIME_DIR is unset; it falls back to /tmp.
            warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
            # Imported here: starting a server is an explicit act, not an import.
            from pgserver.postgres_server import PostgresServer

            class ConfiguredServer(PostgresServer):
                """pgserver's server, its settings written between initdb and the start."""

                def ensure_pgdata_inited(self) -> None:
                    super().ensure_pgdata_inited()
                    write_settings(folder, settings)

            # Not get_server(): it hands back a cached handle even after its server stopped.
            # cleanup_mode=None: the owner list above decides when the server stops.
            return ConfiguredServer(folder, cleanup_mode=None)


def resolve_database(
    environ: dict[str, str] | None = None,
) -> tuple[Database, EmbeddedPostgres | None]:
    """DATABASE_URL if set; otherwise start the embedded server in JEJAK_DATA_DIR."""
    environ = dict(os.environ) if environ is None else environ
    url = environ.get("DATABASE_URL")
    if url:
        return Database.from_url(url), None
    embedded = EmbeddedPostgres(Path(environ.get("JEJAK_DATA_DIR", str(DEFAULT_DATA_DIR))))
    return embedded.start(), embedded
