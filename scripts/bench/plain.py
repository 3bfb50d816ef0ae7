"""The reference: plain starlette JSON endpoints, the same SQL, the same JSON as GraphQL.

Each endpoint calls the projection query functions the GraphQL resolvers call, checks the
caller's tenant the same way and returns `{"data": ...}` shaped like the GraphQL response,
behind the same request-log middleware, so the ratio isolates what the GraphQL layer costs.
`/plain/award` does the same for a command: it runs `record_award` in a worker thread as the
GraphQL mutation does, so the mutation figures can tell HTTP's share from GraphQL's.
`/plain/portal/<document>` answers each portal document (scripts/bench/plain_*.py).
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date
from typing import Any
from uuid import UUID

import asyncpg
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from access.dev_issuer import dev_issuer_url
from access.settings import IdentitySettings
from domain.employment import EmploymentType
from domain.ranks import parse_golongan
from graphql_api.identity import Authenticator
from graphql_api.ids import nip_cursor, to_id
from graphql_api.logging import RequestLogMiddleware
from projections.career import career_histories
from projections.employees import EmployeeFilter, EmployeeRow, employee_by_nip, list_employees
from projections.units import units_by_ids
from scripts.bench import plain_appraisal, plain_ledger, plain_people, plain_training
from scripts.bench.plain_portal import Resources
from scripts.bench.targets import PAGE_SIZE
from services.database import Database
from services.personnel import PersonnelApplication
from services.read_pool import open_read_pool
from services.runtime import build_personnel


def _pangkat(row: EmployeeRow) -> str | None:
    return parse_golongan(row.golongan, EmploymentType(row.employment_type)).pangkat


def employee_json(row: EmployeeRow) -> dict[str, Any]:
    return {
        "id": str(row.id),
        "nip": row.nip,
        "name": row.name,
        "employmentType": row.employment_type,
        "sex": row.sex,
        "golongan": row.golongan,
        "pangkat": _pangkat(row),
        "jabatan": {
            "kind": row.jabatan_kind,
            "title": row.jabatan_title,
            "jenjang": row.jabatan_jenjang,
        },
        "status": row.status,
        "appointedOn": row.appointed_on.isoformat(),
        "serviceStart": row.service_start.isoformat(),
        "version": row.version,
    }


def portal_routes(resources: Resources) -> list[Route]:
    """One endpoint per portal document (scripts/bench/portal_documents.py)."""
    modules = (plain_people, plain_appraisal, plain_training, plain_ledger)
    return [route for module in modules for route in module.routes(resources)]


def build_plain_app(database: Database) -> Starlette:
    """The reference endpoints over one asyncpg pool, sized like the API's, and the
    personnel application for the command."""
    pools: dict[str, asyncpg.Pool] = {}
    applications: dict[str, PersonnelApplication] = {}
    # The same verification as the API's: a token costs both sides alike.
    authenticator = Authenticator.from_settings(IdentitySettings.from_env(), dev_issuer_url())

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        pools["read"] = await asyncpg.create_pool(
            **database.asyncpg_kwargs(), min_size=2, max_size=10
        )
        # The portal endpoints read as the API does: the API role, the caller's tenant.
        pools["api"] = await open_read_pool(database)
        applications["personnel"] = build_personnel(database)
        try:
            yield
        finally:
            applications.pop("personnel").close()
            await pools.pop("api").close()
            await pools.pop("read").close()

    async def tenant_and_body(request: Request) -> tuple[str, dict[str, Any]]:
        caller = (await authenticator.identify(request.headers, "bench")).require()
        return caller.tenant, await request.json()

    async def one_employee(tenant: str, nip: str) -> EmployeeRow | None:
        row = await employee_by_nip(pools["read"], nip)
        return row if row and row.tenant == tenant else None

    async def employee(request: Request) -> JSONResponse:
        tenant, body = await tenant_and_body(request)
        row = await one_employee(tenant, body["nip"])
        return JSONResponse({"data": {"employee": employee_json(row) if row else None}})

    async def page(request: Request) -> JSONResponse:
        tenant, body = await tenant_and_body(request)
        pool = pools["read"]
        found = await list_employees(
            pool,
            tenant=tenant,
            unit_id=UUID(body["unitId"]),
            include_subunits=True,
            filter=EmployeeFilter(),
            first=PAGE_SIZE,
            after_nip=None,
        )
        unit_ids = list(dict.fromkeys(row.unit_id for row in found.rows))
        units = {u.id: u for u in await units_by_ids(pool, unit_ids) if u is not None}
        edges = []
        for row in found.rows:
            unit = units[row.unit_id]
            node = {
                "id": str(row.id),
                "nip": row.nip,
                "name": row.name,
                "golongan": row.golongan,
                "pangkat": _pangkat(row),
                "unit": {"id": str(unit.id), "code": unit.code, "name": unit.name},
            }
            edges.append({"cursor": nip_cursor(row.nip), "node": node})
        connection = {
            "totalCount": found.total_count,
            "pageInfo": {
                "hasNextPage": found.has_next,
                "endCursor": edges[-1]["cursor"] if edges else None,
            },
            "edges": edges,
        }
        return JSONResponse({"data": {"employees": connection}})

    async def career(request: Request) -> JSONResponse:
        tenant, body = await tenant_and_body(request)
        row = await one_employee(tenant, body["nip"])
        if row is None:
            return JSONResponse({"data": {"employee": None}})
        (entries,) = await career_histories(pools["read"], [row.id])
        history = [
            {
                "position": e.position,
                "kind": e.kind,
                "effectiveOn": e.effective_on.isoformat(),
                "golongan": e.golongan,
                "jabatanTitle": e.jabatan_title,
                "unitId": str(e.unit_id),
                "detail": e.detail,
            }
            for e in entries
        ]
        return JSONResponse({"data": {"employee": {"nip": row.nip, "careerHistory": history}}})

    async def award(request: Request) -> JSONResponse:
        caller = (await authenticator.identify(request.headers, "bench")).require()
        given = (await request.json())["input"]
        command = functools.partial(
            applications["personnel"].record_award,
            caller,
            nip=given["nip"],
            kind=given["kind"],
            title=given["title"],
            awarded_on=date.fromisoformat(given["awardedOn"]),
        )
        outcome = await asyncio.to_thread(command)
        recorded = {
            "employeeId": to_id(outcome.aggregate_id),
            "version": outcome.version,
            "position": outcome.position,
        }
        return JSONResponse({"data": {"recordAward": recorded}})

    async def healthz(_: Request) -> JSONResponse:
        return JSONResponse({"status": "ok"})

    return Starlette(
        routes=[
            Route("/plain/employee", employee, methods=["POST"]),
            Route("/plain/page", page, methods=["POST"]),
            Route("/plain/career", career, methods=["POST"]),
            Route("/plain/award", award, methods=["POST"]),
            Route("/healthz", healthz, methods=["GET"]),
            *portal_routes(Resources(authenticator, pools, applications)),
        ],
        middleware=[Middleware(RequestLogMiddleware)],
        lifespan=lifespan,
    )
