"""Where the PostgreSQL server is: DATABASE_URL, or a private one from the pgserver wheel."""

from __future__ import annotations

import logging
import os
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlparse

DEFAULT_DATA_DIR = Path(".jejak") / "pgdata"


@dataclass(frozen=True)
class Database:
    """Connection settings for one PostgreSQL database (host may be a socket directory)."""

    host: str
    port: int
    user: str
    password: str
    dbname: str

    @classmethod
    def from_url(cls, url: str) -> Database:
        """Parse postgresql://user:password@host:port/dbname (or ?host=/socket/dir)."""
        parsed = urlparse(url)
        if parsed.scheme not in ("postgres", "postgresql"):
            raise ValueError(f"DATABASE_URL must start with postgresql://, not {parsed.scheme}://")
        query = parse_qs(parsed.query)
        host = query.get("host", [parsed.hostname or "localhost"])[0]
        return cls(
            host=host,
            port=parsed.port or int(query.get("port", ["5432"])[0]),
            user=unquote(parsed.username or "postgres"),
            password=unquote(parsed.password or ""),
            dbname=(parsed.path or "/postgres").lstrip("/") or "postgres",
        )

    def eventsourcing_env(self) -> dict[str, str]:
        """The environment the eventsourcing library reads to reach this database."""
        return {
            "PERSISTENCE_MODULE": "eventsourcing.postgres",
            "POSTGRES_HOST": self.host,
            "POSTGRES_PORT": str(self.port),
            "POSTGRES_USER": self.user,
            "POSTGRES_PASSWORD": self.password,
            "POSTGRES_DBNAME": self.dbname,
            # Without it, saving thousands of events at once hung here (design.md).
            "POSTGRES_ENABLE_DB_FUNCTIONS": "y",
            "APPLICATION_RECORDER_TOPIC": "services.store:OrderedApplicationRecorder",
            "POSTGRES_POOL_SIZE": os.environ.get("JEJAK_WRITE_POOL_SIZE", "5"),
            "POSTGRES_LOCK_TIMEOUT": "10",
            "CREATE_TABLE": "y",
        }

    def psycopg_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for psycopg.connect."""
        return {
            "host": self.host,
            "port": self.port,
            "user": self.user,
            "password": self.password,
            "dbname": self.dbname,
        }

    def asyncpg_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for asyncpg.connect / create_pool."""
        kwargs = self.psycopg_kwargs()
        kwargs["database"] = kwargs.pop("dbname")
        return kwargs


class EmbeddedPostgres:
    """A private PostgreSQL server from the pgserver wheel, in a local data folder."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self._server: Any = None

    def start(self) -> Database:
        """Start (or join) the server and return its settings."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        logging.getLogger("pgserver").setLevel(logging.WARNING)  # its INFO is initdb's chatter
        with warnings.catch_warnings():
            # pgserver's platformdirs warns when XDG_RUNTIME_DIR is unset; it falls back to /tmp.
            warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
            import pgserver  # here: starting a server is an explicit act, not an import

            self._server = pgserver.get_server(  # type: ignore[attr-defined]
                str(self.data_dir), cleanup_mode="stop"
            )
        return Database.from_url(self._server.get_uri())

    def stop(self) -> None:
        """Stop the server if this process started it."""
        if self._server is not None:
            self._server.cleanup()
            self._server = None


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
