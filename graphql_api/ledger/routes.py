"""HTTP beside GraphQL: `GET /ledger/checkpoint` (the latest signed note, as C2SP clients fetch
it: public, it holds only a size and a hash) and `GET /ledger/evidence/<nip>.json` (a person's
evidence bundle as a download, authorised exactly as the `evidenceBundle` query is)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from starlette.datastructures import QueryParams
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.types import ASGIApp, Scope

from access import policy
from access.roles import Role
from domain.aggregates.employee import Employee
from domain.errors import N_, CycleNotFound, DomainError, NotFound
from graphql_api.context import tenant_pool
from graphql_api.errors import ApiError
from graphql_api.exports.endpoint import DownloadEndpoint
from graphql_api.guard import AccessGuard
from graphql_api.identity import Identity
from graphql_api.ids import parse_id
from graphql_api.ledger import reads
from graphql_api.ledger.errors import LedgerNotReady
from graphql_api.ledger.queries import evidence_of
from graphql_api.refusals import refusal
from projections.appraisal_cycles import cycle_by_id
from services.caller import Caller
from services.personnel import normalize_nip
from services.runtime import Runtime

NOTE_TYPE = "text/plain; charset=utf-8"
QUERY = "evidenceBundle"


def checkpoint_endpoint(
    runtime_of: Callable[[], Runtime],
) -> Callable[[Request], Awaitable[Response]]:
    """The latest checkpoint note with every cosignature received, as text/plain."""

    async def checkpoint(_: Request) -> Response:
        try:
            stored = await reads.read(runtime_of().personnel, reads.checkpoint(None))
        except LedgerNotReady as error:
            return refusal(404, str(error), LedgerNotReady.code)
        return PlainTextResponse(
            stored.note, media_type=NOTE_TYPE, headers={"Cache-Control": "no-store"}
        )

    return checkpoint


class EvidenceEndpoint(DownloadEndpoint):
    """Answers `GET /ledger/evidence/<nip>.json[?cycleId=…]` behind the download gates."""

    noun = "Evidence bundles"

    async def download(
        self, scope: Scope, name: str, kind: str, identity: Identity, caller: Caller
    ) -> ASGIApp:
        if kind != "json" or not name:
            return refusal(404, "Evidence bundles are downloaded as <nip>.json.")
        role = Role(caller.actor.role)
        if not policy.may_call("query", QUERY, role):
            return refusal(403, f"The role {role.value} may not use: Query.{QUERY}.", "FORBIDDEN")
        runtime = self.runtime_of()
        pool = tenant_pool(runtime, identity)
        guard = AccessGuard(caller, pool)
        raw_cycle = QueryParams(scope.get("query_string", b"")).get("cycleId")
        try:
            nip = normalize_nip(name)
            cycle = None if raw_cycle is None else parse_id(raw_cycle, "cycleId")
            owner = Employee.id_for(nip)
            if not await guard.may_see(owner, frozenset(), f"Query.{QUERY}", nip):
                return refusal(403, "The evidence of this employee is not yours.", "FORBIDDEN")
            if cycle is not None and await cycle_by_id(pool, caller.tenant, cycle) is None:
                raise CycleNotFound(
                    N_("No appraisal cycle {cycle} in {tenant}."), cycle=cycle, tenant=caller.tenant
                )
            bundle = await evidence_of(runtime, pool, caller.tenant, nip, cycle)
        except NotFound as error:
            return refusal(404, str(error), error.code)
        except LedgerNotReady as error:
            return refusal(503, str(error), error.code)
        except (DomainError, ApiError) as error:
            return refusal(400, str(error), error.code)
        finally:
            await guard.flush()  # the read of someone else's record goes to the access log
        filename = f"evidence-{nip}.json" if cycle is None else f"evidence-{nip}-{cycle}.json"
        return JSONResponse(
            bundle, headers={"Content-Disposition": f'attachment; filename="{filename}"'}
        )
