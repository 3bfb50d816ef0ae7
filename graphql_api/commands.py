"""How a mutation runs a command: as the caller, in a worker thread, once.

The `eventsourcing` application is synchronous, so its commands run in a thread and the
event loop keeps serving other requests meanwhile.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from typing import Any

from graphql_api.context import Context
from services.personnel import Outcome


async def run_command(
    context: Context, command: Callable[..., Outcome], **arguments: Any
) -> Outcome:
    """Call `command(caller, **arguments)` in a thread; UNAUTHENTICATED without a caller."""
    caller = context.caller
    return await asyncio.to_thread(functools.partial(command, caller, **arguments))
