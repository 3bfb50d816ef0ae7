"""Read-your-writes: a query can ask to be answered only once the read models caught up.

A mutation returns the log position of its last event; a client that sends it back in
`X-Min-Position` sees its own write. The server waits at most `X-Wait-Timeout-Ms`
(default 5000, at most 30000), then answers READ_MODEL_LAG with the position reached. When a
projection is held short of the position at an event it cannot apply, no wait would help: the
answer is READ_MODEL_DEGRADED at once, naming the held projections, until an operator fixes
the cause and runs `jejak projections retry`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from graphql import ExecutionResult as GraphQLExecutionResult
from graphql import GraphQLError
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from domain.errors import N_
from graphql_api.errors import ApiError, ReadModelLag
from graphql_api.refusals import INVALID_ARGUMENT, RequestRefused

if TYPE_CHECKING:
    from graphql_api.context import Context

MIN_POSITION_HEADER = "X-Min-Position"
WAIT_TIMEOUT_HEADER = "X-Wait-Timeout-Ms"
DEFAULT_WAIT_MS = 5_000
MAX_WAIT_MS = 30_000


class ReadModelDegraded(ApiError):
    """A read model the query may need is held before the position: waiting will not help."""

    code = "READ_MODEL_DEGRADED"


@dataclass(frozen=True)
class ReadAfter:
    """The log position a query must see, and how long it may wait for it."""

    position: int
    timeout_ms: int = DEFAULT_WAIT_MS


def read_after_from(headers: Mapping[str, str]) -> ReadAfter | None:
    """Parse the read-your-writes headers; a malformed one is a 400 INVALID_ARGUMENT answer."""
    raw_position = headers.get(MIN_POSITION_HEADER.lower())
    if raw_position is None:
        return None
    position = _non_negative_int(MIN_POSITION_HEADER, raw_position)
    raw_timeout = headers.get(WAIT_TIMEOUT_HEADER.lower())
    timeout = (
        DEFAULT_WAIT_MS
        if raw_timeout is None
        else _non_negative_int(WAIT_TIMEOUT_HEADER, raw_timeout)
    )
    if timeout > MAX_WAIT_MS:
        raise RequestRefused(
            400, f"{WAIT_TIMEOUT_HEADER} may be at most {MAX_WAIT_MS}.", INVALID_ARGUMENT
        )
    return ReadAfter(position, timeout)


def _non_negative_int(header: str, raw: str) -> int:
    value = raw.strip()
    if not (value.isascii() and value.isdigit() and len(value) <= 18):
        raise RequestRefused(
            400, f"{header} must be a non-negative integer, not {raw!r}.", INVALID_ARGUMENT
        )
    return int(value)


class WaitForReadModels(SchemaExtension):
    """Holds a query until the read models reach the caller's `X-Min-Position`."""

    async def on_execute(self) -> AsyncIterator[None]:
        execution = self.execution_context
        context: Context = execution.context
        wanted = context.read_after
        if wanted is not None and execution.operation_type is OperationType.QUERY:
            positions = context.runtime.positions
            if not await positions.wait_for(wanted.position, wanted.timeout_ms / 1000):
                error = await _not_reached(context, wanted)
                # A result set here is returned instead of executing the operation.
                execution.result = GraphQLExecutionResult(
                    data=None, errors=[GraphQLError(error.message, original_error=error)]
                )
        yield


async def _not_reached(context: Context, wanted: ReadAfter) -> ApiError:
    """Why the read models are not at the wanted position: held projections, or just lag."""
    positions = context.runtime.positions
    reached = await positions.current()
    blocking = [h for h in await positions.held() if h.position <= wanted.position]
    if blocking:
        names = ", ".join(f"{h.projection} (at #{h.position})" for h in blocking)
        return ReadModelDegraded(
            N_(
                "The read models cannot reach position {wanted}: {names} cannot apply an "
                "event and are held until an operator retries them."
            ),
            params={"wanted": wanted.position, "names": names},
            position=reached,
            minPosition=wanted.position,
            degraded=[{"projection": h.projection, "heldAt": h.position} for h in blocking],
        )
    return ReadModelLag(
        N_(
            "The read models reached position {reached}, not {wanted}, within {timeout_ms} ms; "
            "retry shortly."
        ),
        params={"reached": reached, "wanted": wanted.position, "timeout_ms": wanted.timeout_ms},
        position=reached,
        minPosition=wanted.position,
    )
