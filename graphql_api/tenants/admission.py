"""Admitting a request: the tenant its caller names must be a registered instansi.

A verified token can still name a tenant nobody registered (a typo in the identity provider, an
instansi not yet on the platform): such a caller is refused before any resolver runs, so no
query answers for it and no command records into it. The platform admin is the exception: it
registers tenants, so its token may name none, or one not registered yet.

`TenantGate` runs right after the authentication gate (graphql_api/authentication.py), on the
identity it stored, and refuses the same way: an HTTP status and a GraphQL-shaped body, before
strawberry builds a context or parses the document.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from cross_web import HTTPException
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from access.roles import PLATFORM
from domain.errors import N_
from graphql_api.authentication import identity_of
from graphql_api.consistency import ReadAfter, read_after_from
from graphql_api.errors import ApiError
from graphql_api.refusals import refusal
from graphql_api.tenants.registry import TenantRegistry
from projections.tenants import registered_tenants
from services.caller import Caller
from services.runtime import Runtime

UNKNOWN_TENANT = "UNKNOWN_TENANT"
HTTP_STATUS = 403  # the caller is authenticated; the tenant it names is not one Jejak serves

WaitFor = Callable[[int, float], Awaitable[bool]]  # PositionWatcher.wait_for


class TenantNotRegistered(ApiError):
    """The caller's token names a tenant that is not registered."""

    code = "UNAUTHENTICATED"
    status = HTTP_STATUS


async def check_tenant_registered(
    registry: TenantRegistry,
    caller: Caller | None,
    read_after: ReadAfter | None = None,
    wait_for: WaitFor | None = None,
) -> None:
    """Raise TenantNotRegistered (reason UNKNOWN_TENANT) unless the caller's tenant is registered.

    No caller (nothing authenticated) is left to the identity check; the platform admin passes.
    A registration reaches the read models a moment after it is recorded: a request sending the
    registration's position as X-Min-Position is judged once the read models have it.
    """
    if caller is None or caller.actor.role in PLATFORM:
        return
    if await registry.is_registered(caller.tenant):
        return
    if await _registered_once_read_after(registry, caller.tenant, read_after, wait_for):
        return
    raise TenantNotRegistered(
        N_("Instansi {tenant!r} is not registered in Jejak."),
        params={"tenant": caller.tenant},
        reason=UNKNOWN_TENANT,
    )


async def _registered_once_read_after(
    registry: TenantRegistry, code: str, read_after: ReadAfter | None, wait_for: WaitFor | None
) -> bool:
    """Whether `code` is registered once the read models reach the asked-for position."""
    if read_after is None or wait_for is None:
        return False
    if not await wait_for(read_after.position, read_after.timeout_ms / 1000):
        return False
    await registry.refresh()
    return await registry.is_registered(code)


class TenantGate:
    """ASGI wrapper of the GraphQL endpoint refusing callers of unregistered tenants (403)."""

    def __init__(self, app: ASGIApp, runtime_of: Callable[[], Runtime]) -> None:
        self.app = app
        self.runtime_of = runtime_of
        self.registry = TenantRegistry(self._registered_codes)  # one per app, so per process

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        identity = identity_of(scope) if scope["type"] == "http" else None
        if identity is not None and identity.caller is not None:
            runtime = self.runtime_of()
            try:
                await check_tenant_registered(
                    self.registry,
                    identity.caller,
                    _read_after(Headers(scope=scope)),
                    runtime.positions.wait_for,
                )
            except TenantNotRegistered as refused:
                answer = refusal(
                    refused.status, refused.message, refused.code, reason=UNKNOWN_TENANT
                )
                await answer(scope, receive, send)
                return
        await self.app(scope, receive, send)

    async def _registered_codes(self) -> list[str]:
        return [row.code for row in await registered_tenants(self.runtime_of().pool)]


def _read_after(headers: Headers) -> ReadAfter | None:
    """X-Min-Position, if well formed (a malformed one is the view's 400 to answer)."""
    try:
        return read_after_from(headers)
    except HTTPException:
        return None
