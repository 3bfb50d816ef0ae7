"""The development issuer's public endpoints: its discovery document and key set."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from access.dev_issuer import PATH, DevIssuer

CACHE = {"Cache-Control": "public, max-age=300"}  # as long as a JWKS client keeps the set


def dev_issuer_routes(issuer: DevIssuer) -> list[Route]:
    """GET /dev-issuer/.well-known/openid-configuration and GET /dev-issuer/jwks."""

    async def discovery(_: Request) -> JSONResponse:
        return JSONResponse(issuer.discovery(), headers=CACHE)

    async def jwks(_: Request) -> JSONResponse:
        return JSONResponse(issuer.jwks(), headers=CACHE)

    return [
        Route(f"{PATH}/.well-known/openid-configuration", discovery, methods=["GET"]),
        Route(f"{PATH}/jwks", jwks, methods=["GET"]),
    ]
