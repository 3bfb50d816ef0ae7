"""Structured logs: one JSON object per line (python-json-logger), one line per HTTP request.

Every record carries the request's correlation id (from `X-Correlation-Id`, or a new uuid4
hex), so a request's log lines and the events it recorded can be joined. The request line
names the caller (user, role, tenant, as the authentication gate verified them), the
operation its parsed document ran, the error codes of its answer, its status and duration.
`JEJAK_LOG_LEVEL` (default INFO) sets the level.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import time
import uuid
from collections.abc import Mapping
from contextvars import ContextVar
from typing import Protocol

from pythonjsonlogger.json import JsonFormatter
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graphql_api.identity import Identity
from graphql_api.observation import Observation, observing

CORRELATION_HEADER = "X-Correlation-Id"
LOG_LEVEL_VARIABLE = "JEJAK_LOG_LEVEL"
LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
# Probes and scrapes come every few seconds: their lines are DEBUG unless they fail.
QUIET_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})
_CORRELATION_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")

correlation_id_var: ContextVar[str | None] = ContextVar("correlation_id", default=None)
request_logger = logging.getLogger("jejak.request")


class RequestObserver(Protocol):
    """Told about every finished request (the metrics)."""

    def observe(self, scope: Scope, status: int, seconds: float, seen: Observation) -> None: ...


def correlation_id_from(headers: Mapping[str, str]) -> str:
    """The client's correlation id if it is a sane token, else a fresh uuid4 hex."""
    given = headers.get(CORRELATION_HEADER.lower(), "").strip()
    return given if _CORRELATION_ID.match(given) else uuid.uuid4().hex


class CorrelationIdFilter(logging.Filter):
    """Stamps each record with the current request's correlation id, unless it has one."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "correlation_id", None) is None:
            correlation_id = correlation_id_var.get()
            if correlation_id is not None:
                record.correlation_id = correlation_id
        return True


def json_formatter() -> JsonFormatter:
    """time, level, logger, message, then the record's `extra` fields, as one JSON line."""
    return JsonFormatter(
        "{levelname}{name}{message}",
        style="{",
        rename_fields={"levelname": "level", "name": "logger", "exc_info": "exception"},
        timestamp="time",
        json_ensure_ascii=False,
    )


def log_level(environ: Mapping[str, str] = os.environ) -> int:
    """The level `JEJAK_LOG_LEVEL` names (default INFO); a ValueError for anything else."""
    name = environ.get(LOG_LEVEL_VARIABLE, "INFO").strip().upper() or "INFO"
    if name not in LEVELS:
        choices = ", ".join(LEVELS)
        raise ValueError(f"{LOG_LEVEL_VARIABLE} must be one of {choices}, not {name!r}.")
    return logging.getLevelNamesMapping()[name]


def configure_logging(level: int | None = None) -> None:
    """Send every log record to stdout as JSON (for the serve entry point, once), at `level`
    or the one JEJAK_LOG_LEVEL names."""
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(json_formatter())
    handler.addFilter(CorrelationIdFilter())
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(log_level() if level is None else level)


class RequestLogMiddleware:
    """Logs one line per HTTP request and puts its correlation id in scope and response;
    tells `observer` (the metrics), if any, how each request went."""

    def __init__(self, app: ASGIApp, observer: RequestObserver | None = None) -> None:
        self.app = app
        self.observer = observer

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        correlation_id = correlation_id_from(Headers(scope=scope))
        scope.setdefault("state", {})["correlation_id"] = correlation_id
        token = correlation_id_var.set(correlation_id)
        status, started = 500, time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)[CORRELATION_HEADER] = correlation_id
            await send(message)

        with observing() as seen:
            try:
                await self.app(scope, receive, send_with_id)
            finally:
                seconds = time.perf_counter() - started
                log_request(scope, status, seconds, correlation_id, seen)
                if self.observer is not None:
                    self.observer.observe(scope, status, seconds, seen)
                correlation_id_var.reset(token)


def log_request(
    scope: Scope, status: int, seconds: float, correlation_id: str, seen: Observation
) -> None:
    """The request's line: who, which operation, how it ended, how long it took."""
    quiet = scope["path"] in QUIET_PATHS and status < 400
    level = logging.DEBUG if quiet else logging.INFO
    if not request_logger.isEnabledFor(level):
        return
    identity = scope.get("state", {}).get("identity")
    caller = identity.caller if isinstance(identity, Identity) else None
    request_logger.log(
        level,
        "%s %s %s",
        scope["method"],
        scope["path"],
        status,
        extra={
            "method": scope["method"],
            "path": scope["path"],
            "status": status,
            "duration_ms": round(seconds * 1000, 2),
            "correlation_id": correlation_id,
            "user": caller.actor.user_id if caller else None,
            "role": caller.actor.role if caller else None,
            "tenant": caller.tenant if caller else None,
            "operation": seen.operation,
            "operation_type": seen.operation_type,
            "codes": sorted(set(seen.codes)),
        },
    )
