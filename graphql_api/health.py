"""Liveness and readiness for the orchestrator: /healthz and /readyz.

/healthz says the process answers. /readyz says it can serve: the read-model database answers
and the projection runner is alive and at most `max_lag` events behind the log.

A read model held at an event it cannot apply (see `projections.runner`) makes /readyz answer
503 with status `degraded`, naming the projections and where they are held (not the error,
which may quote personal data; `jejak projections status` shows it). 503 because a system of
record must not be served as if current while a read model silently falls behind; `degraded`
rather than `not_ready` because waiting or restarting will not cure it — an operator must fix
the cause and run `jejak projections retry`. /healthz stays 200: the process is fine, and an
orchestrator that restarted it would change nothing.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import JSONResponse

from projections.positions import Hold
from services.runtime import Runtime

DEFAULT_MAX_LAG = 1_000
CHECK_TIMEOUT_SECONDS = 2.0


async def healthz(_: Request) -> JSONResponse:
    """The process is alive."""
    return JSONResponse({"status": "alive"})


def readiness_endpoint(
    runtime_of: Callable[[], Runtime | None], max_lag: int = DEFAULT_MAX_LAG
) -> Callable[[Request], Awaitable[JSONResponse]]:
    """The /readyz endpoint for the runtime `runtime_of` returns (None while starting)."""

    async def readyz(_: Request) -> JSONResponse:
        runtime = runtime_of()
        if runtime is None:
            return _not_ready("The service is starting or stopping.")
        try:
            await asyncio.wait_for(runtime.pool.fetchval("SELECT 1"), CHECK_TIMEOUT_SECONDS)
        except Exception as error:
            return _not_ready(f"The database does not answer: {type(error).__name__}.")
        runner = runtime.runner_thread
        if runner is not None and not runner.is_alive():
            return _not_ready("The projection runner has stopped.")
        try:
            held = await asyncio.wait_for(runtime.degraded(), CHECK_TIMEOUT_SECONDS)
        except Exception as error:
            return _not_ready(f"The read models' state is unknown: {type(error).__name__}.")
        if held:
            return _degraded(held)
        try:
            lag = await asyncio.wait_for(runtime.lag(), CHECK_TIMEOUT_SECONDS)
        except Exception as error:
            return _not_ready(f"The projection lag is unknown: {type(error).__name__}.")
        if lag > max_lag:
            return _not_ready(f"The read models are {lag} events behind (at most {max_lag}).", lag)
        return JSONResponse({"status": "ready", "lag": lag, "max_lag": max_lag})

    return readyz


def _degraded(held: list[Hold]) -> JSONResponse:
    names = ", ".join(f"{h.projection} at #{h.position}" for h in held)
    reason = f"Read models held at an event they cannot apply: {names}. Fix, then retry them."
    degraded = [{"projection": h.projection, "heldAt": h.position} for h in held]
    body = {"status": "degraded", "reason": reason, "degraded": degraded}
    return JSONResponse(body, status_code=503)


def _not_ready(reason: str, lag: int | None = None) -> JSONResponse:
    return JSONResponse({"status": "not_ready", "reason": reason, "lag": lag}, status_code=503)
