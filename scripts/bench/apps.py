"""ASGI factories for `uvicorn --factory`, each in its own server process, both on the
database in DATABASE_URL and both logging a JSON line per request, as `jejak serve` does."""

from __future__ import annotations

import os

from starlette.applications import Starlette

from graphql_api.app import create_app
from graphql_api.logging import configure_logging
from scripts.bench.plain import build_plain_app
from services.database import Database
from services.runtime import open_runtime


def _database() -> Database:
    return Database.from_url(os.environ["DATABASE_URL"])


def graphql_app() -> Starlette:
    """The Jejak API, without a projection runner: the benchmark keeps read models still."""
    configure_logging()
    database = _database()
    return create_app(lambda: open_runtime(database, run_projections=False))


def plain_app() -> Starlette:
    """The plain starlette JSON reference endpoints."""
    configure_logging()
    return build_plain_app(_database())
