"""DATABASE_URL read by libpq's own parser, and what each client library can take of it.

libpq (through `psycopg.conninfo.conninfo_to_dict`) accepts a `postgresql://` URI or
`key=value` pairs and refuses keywords it does not know, so every option an operator may give
psql (`sslmode`, `sslrootcert`, `application_name`, `connect_timeout`, `options`, …) is kept:
psycopg takes them all as they are. asyncpg has its own names for some and none for others;
`asyncpg_arguments` maps what it supports and names what it has to leave out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import psycopg
from psycopg.conninfo import conninfo_to_dict

DEFAULT_HOST = "localhost"
DEFAULT_PORT = 5432
DEFAULT_USER = "postgres"  # what pgserver and the usual images create; libpq says the OS user

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
# Keywords that would make the host, port, user or database come from elsewhere than the URL.
_REFUSED = {
    "service": "name the host, port, user and dbname in DATABASE_URL instead of a service",
    "servicefile": "name the host, port, user and dbname in DATABASE_URL instead of a service",
}
# asyncpg reads these from a DSN's query only (no keyword arguments of their own).
_ASYNCPG_DSN_ONLY = (
    "sslrootcert",
    "sslcert",
    "sslkey",
    "sslcrl",
    "sslpassword",
    "ssl_min_protocol_version",
    "ssl_max_protocol_version",
    "sslnegotiation",
)
# asyncpg keyword arguments with libpq's name and meaning.
_ASYNCPG_SAME = ("target_session_attrs", "krbsrvname", "gsslib", "passfile")
# Sent in the startup packet as they are: the server reads `options` as libpq's does.
_ASYNCPG_STARTUP = ("application_name", "options")


@dataclass(frozen=True)
class ConnInfo:
    """One server and database, and every other libpq keyword the URL gave."""

    host: str
    port: int
    user: str
    password: str
    dbname: str
    options: tuple[tuple[str, str], ...]


def parse_database_url(url: str) -> ConnInfo:
    """DATABASE_URL as libpq reads it; ValueError if libpq would not, or if it names several
    hosts (Jejak connects to one) or a service file."""
    scheme = _SCHEME.match(url)
    if scheme and scheme[1] not in ("postgres", "postgresql"):
        raise ValueError(f"DATABASE_URL must start with postgresql://, not {scheme[1]}://")
    try:
        params = conninfo_to_dict(url)
    except psycopg.ProgrammingError as error:
        raise ValueError(f"DATABASE_URL is not a libpq connection string: {error}") from None
    for keyword, advice in _REFUSED.items():
        if keyword in params:
            raise ValueError(f"DATABASE_URL gives {keyword}=: {advice}")
    host = str(params.pop("host", "") or DEFAULT_HOST)
    port = str(params.pop("port", "") or DEFAULT_PORT)
    if "," in host or "," in port:
        raise ValueError("DATABASE_URL names several hosts; Jejak connects to one")
    if not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"DATABASE_URL has an invalid port: {port!r}")
    if not re.fullmatch(r"-?\d+", str(params.get("connect_timeout", "0")).strip()):
        raise ValueError("DATABASE_URL's connect_timeout must be a number of seconds")
    user = str(params.pop("user", "") or DEFAULT_USER)
    return ConnInfo(
        host=host,
        port=int(port),
        user=user,
        password=str(params.pop("password", "") or ""),
        dbname=str(params.pop("dbname", "") or user),  # libpq's default: the user's name
        options=tuple(sorted((key, str(value)) for key, value in params.items())),
    )


def asyncpg_arguments(options: dict[str, str]) -> tuple[dict[str, Any], list[str]]:
    """asyncpg.connect's arguments for libpq `options`, and the keywords it cannot take."""
    arguments: dict[str, Any] = {}
    remaining = dict(options)
    if "sslmode" in remaining:  # asyncpg takes libpq's mode names, verify-full included
        arguments["ssl"] = remaining.pop("sslmode")
    dsn_only = {key: remaining.pop(key) for key in _ASYNCPG_DSN_ONLY if key in remaining}
    if dsn_only:  # a DSN with no host: the keyword arguments still name the server
        arguments["dsn"] = "postgresql://?" + urlencode(dsn_only)
    for key in _ASYNCPG_SAME:
        if key in remaining:
            arguments[key] = remaining.pop(key)
    fallback = remaining.pop("fallback_application_name", None)
    startup = {key: remaining.pop(key) for key in _ASYNCPG_STARTUP if key in remaining}
    if fallback is not None:
        startup.setdefault("application_name", fallback)
    if startup:
        arguments["server_settings"] = startup
    if "connect_timeout" in remaining:
        # libpq: seconds, 0 or less waits for ever, 1 counts as 2; asyncpg's default is 60 s.
        seconds = int(remaining.pop("connect_timeout").strip())
        if seconds > 0:
            arguments["timeout"] = float(max(seconds, 2))
    return arguments, sorted(remaining)
