"""What every plain portal endpoint does around its read, as `/graphql` does around its resolver.

The caller comes from the same verified bearer token (graphql_api/identity.py), the root must
be one the caller's role may call (access.policy.may_call), reads go through the API's read
pool as the caller's tenant (row-level security, services/read_pool.py), a private record is
checked with the same `AccessGuard.may_see`, and the reads it allowed are written to the
access log when the request ends (`AccessGuard.flush`), so both sides do the same work.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any
from uuid import UUID

from starlette.requests import Request
from starlette.responses import JSONResponse

from access import policy
from access.roles import Role
from domain.aggregates.employee import Employee
from domain.errors import N_
from graphql_api.guard import AccessDenied, AccessGuard
from graphql_api.identity import Authenticator
from graphql_api.logging import correlation_id_from
from projections.employees import EmployeeRow, employee_by_nip
from services.caller import Caller
from services.personnel import PersonnelApplication, normalize_nip
from services.read_pool import TenantPool


@dataclass(frozen=True)
class Resources:
    """What the plain app opened in its lifespan: the API-role pool and the application."""

    authenticator: Authenticator
    pools: dict[str, Any]
    applications: dict[str, PersonnelApplication]

    @property
    def personnel(self) -> PersonnelApplication:
        return self.applications["personnel"]


@dataclass(frozen=True)
class Read:
    """One request: who calls, the read models as their tenant sees them, the guard, the body."""

    caller: Caller
    pool: TenantPool
    guard: AccessGuard
    body: dict[str, Any]

    @property
    def tenant(self) -> str:
        return self.caller.tenant

    async def require_private(self, root: str, nip: str) -> None:
        """A private root (access.policy.PRIVATE_ROOTS): the guard's check, as PrivateField."""
        normalized = normalize_nip(nip)
        if not await self.guard.may_see(
            Employee.id_for(normalized), frozenset(), f"Query.{root}", normalized
        ):
            raise AccessDenied(
                N_("{field} of this employee is not yours to see."), field=f"Query.{root}"
            )

    async def employee(self, nip: str) -> EmployeeRow | None:
        """The caller's tenant's employee by NIP (None for another tenant's), as the API asks."""
        row = await employee_by_nip(self.pool, normalize_nip(nip))
        return row if row and row.tenant == self.tenant else None


Handler = Callable[[Read], Awaitable[Any]]


def endpoint(
    resources: Resources, root: str, handler: Handler
) -> Callable[[Request], Awaitable[JSONResponse]]:
    """A starlette endpoint answering `{"data": {root: handler(read)}}` for a caller whose
    role may call `root`; the access log is written whatever happened, as PolicyCheck does."""

    async def answer(request: Request) -> JSONResponse:
        # The request-log middleware's id, as graphql_api/view.py takes it.
        correlation = request.scope.get("state", {}).get("correlation_id")
        identity = await resources.authenticator.identify(
            request.headers, correlation or correlation_id_from(request.headers)
        )
        if identity.caller is None:
            return JSONResponse({"data": None, "errors": [{"message": identity.problem}]}, 401)
        caller = identity.caller
        if not policy.may_call("query", root, Role(caller.actor.role)):
            return JSONResponse({"data": None, "errors": [{"message": "FORBIDDEN"}]}, 403)
        pool = TenantPool(resources.pools["api"], caller.tenant)
        read = Read(caller, pool, AccessGuard(caller, pool), await request.json())
        try:
            found = await handler(read)
        except AccessDenied:
            return JSONResponse({"data": {root: None}, "errors": [{"message": "FORBIDDEN"}]})
        finally:
            await read.guard.flush()
        return JSONResponse({"data": {root: found}})

    return answer


def name(value: str | Enum | None, kind: type[Enum]) -> str | None:
    """An enum as GraphQL writes it: the member's name."""
    if value is None:
        return None
    return (value if isinstance(value, kind) else kind(value)).name


def iso(value: date | datetime | None) -> str | None:
    """A date or datetime as strawberry's scalars write it."""
    return None if value is None else value.isoformat()


def ident(value: UUID | None) -> str | None:
    """A UUID as a GraphQL ID."""
    return None if value is None else str(value)
