"""`GET /exports/<name>.<csv|xlsx>?…`: an export as a download, authorised as its query is.

Behind `DownloadGate` (authentication, with no GraphiQL page to let through) and the tenant
gate, like /graphql; every refusal has GraphQL's error shape. Reads go through the caller
tenant's pool (row-level security) and the request's AccessGuard (the access log).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Callable

from cross_web import HTTPException
from starlette.datastructures import Headers, QueryParams
from starlette.responses import StreamingResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from access.roles import Role
from domain.errors import DomainError, NotFound
from graphql_api.authentication import AuthenticationGate, identity_of
from graphql_api.consistency import read_after_from
from graphql_api.context import tenant_pool
from graphql_api.errors import ApiError, ReadModelLag
from graphql_api.exports.catalogue import EXPORTS
from graphql_api.exports.formats import MEDIA_TYPES, csv_chunks, json_chunks, xlsx_chunks
from graphql_api.exports.sheet import Export, Params, Reading, Row, started
from graphql_api.guard import AccessGuard
from graphql_api.identity import Identity
from graphql_api.refusals import refusal
from services.caller import Caller
from services.runtime import Runtime

POSITION_HEADER = "X-Jejak-Position"
LAG = ReadModelLag.code


class DownloadGate(AuthenticationGate):
    """The authentication gate of /graphql without its one exception (the GraphiQL page)."""

    def open_without_token(self, scope: Scope, headers: Headers) -> bool:
        return False


class DownloadEndpoint(ABC):
    """An authenticated download behind `DownloadGate`: GET only, a `<name>.<kind>` file path,
    and a caller; `download` answers for the file."""

    noun = "Downloads"  # as the 405 names them

    def __init__(self, runtime_of: Callable[[], Runtime]) -> None:
        self.runtime_of = runtime_of

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        answer = await self.answer(scope)
        await answer(scope, receive, send)

    async def answer(self, scope: Scope) -> ASGIApp:
        if scope["method"] not in ("GET", "HEAD"):
            return refusal(405, f"{self.noun} are downloaded with GET.", headers={"Allow": "GET"})
        name, _, kind = str(scope.get("path_params", {}).get("file", "")).rpartition(".")
        identity = identity_of(scope)
        if identity is None or identity.caller is None:  # the gate stops these first
            return refusal(401, "Authentication is required.", "UNAUTHENTICATED")
        return await self.download(scope, name, kind, identity, identity.caller)

    @abstractmethod
    async def download(
        self, scope: Scope, name: str, kind: str, identity: Identity, caller: Caller
    ) -> ASGIApp:
        """The answer for the file `name`.`kind` asked by `caller`."""


class ExportEndpoint(DownloadEndpoint):
    """Answers a download: checks, the first row read, then the rest streamed."""

    noun = "Exports"

    async def download(
        self, scope: Scope, name: str, kind: str, identity: Identity, caller: Caller
    ) -> ASGIApp:
        export = EXPORTS.get(name)
        if export is None or kind not in export.formats:
            known = ", ".join(f"{n}.{f}" for n, e in EXPORTS.items() for f in e.formats)
            return refusal(404, f"No export {name}.{kind}; there are: {known}.")
        role = Role(caller.actor.role)
        refused_fields = export.refused(role)
        if refused_fields:
            message = f"The role {role.value} may not use: {', '.join(refused_fields)}."
            return refusal(403, message, "FORBIDDEN")
        runtime = self.runtime_of()
        pool = tenant_pool(runtime, identity)
        reading = Reading(pool, caller, AccessGuard(caller, pool), runtime.training.clock().date())
        params = Params(QueryParams(scope.get("query_string", b"")))
        try:  # X-Min-Position, as /graphql honours it: read after the caller's own writes
            after = read_after_from(Headers(scope=scope))
        except HTTPException as error:
            return refusal(400, error.reason)
        if after is not None and not await runtime.positions.wait_for(
            after.position, after.timeout_ms / 1000
        ):
            return refusal(503, f"The read models have not reached {after.position}.", LAG)
        position = await runtime.positions.current()
        try:
            rows = await started(export.rows(reading, params))
        except NotFound as error:
            return refusal(404, str(error), error.code)
        except (DomainError, ApiError) as error:
            return refusal(400, str(error), error.code)
        return StreamingResponse(
            body(export, kind, rows, position, reading, params),
            media_type=MEDIA_TYPES[kind],
            headers={
                POSITION_HEADER: str(position),
                "Content-Disposition": f'attachment; filename="{name}-{caller.tenant}.{kind}"',
            },
        )


def body(
    export: Export,
    kind: str,
    rows: AsyncIterator[Row],
    position: int,
    reading: Reading,
    params: Params,
) -> AsyncIterator[bytes]:
    """The file's bytes in `kind`; the same for the endpoint and the command line."""
    if kind == "csv":
        return csv_chunks(export.columns, rows, position)
    if kind in ("json", "jsonl"):  # bodies as the receiving API takes them: no extra field
        stamp = position if export.stamped else None
        return json_chunks(export.columns, rows, lines=kind == "jsonl", position=stamp)
    about = [("export", export.name), ("tenant", reading.tenant), ("arguments", params.described())]
    return xlsx_chunks(export.name, export.columns, rows, position, about)
