"""Bearer-token authentication over HTTP: what the API answers without a usable token."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from access.dev_issuer import DevIssuer
from access.settings import IdentitySettings
from graphql_api.app import create_app
from graphql_api.identity import Authenticator
from scripts.cli import main
from scripts.token_cli import print_demo_tokens, serve_authenticator
from services.database import Database
from services.runtime import open_runtime
from tests.e2e.conftest import HR, TENANT, Api
from tests.tenants import register_tenants
from tests.tokens import ISSUER_URL, authenticator, bearer
from tests.unit.access.issuer_server import ec_key, running_issuer

pytestmark = pytest.mark.e2e

TREE = {"query": "{ unitTree { code } }"}
INTROSPECTION = {"query": "{ __schema { queryType { name } } }"}


def refusal(response: httpx.Response) -> dict[str, Any]:
    """The one error of a GraphQL-shaped refusal, checked for shape."""
    body = response.json()
    assert body["data"] is None
    [error] = body["errors"]
    return dict(error["extensions"])


async def test_a_request_without_a_token_is_401_with_a_graphql_shaped_body(api: Api) -> None:
    response = await api.client.post("/graphql", json=TREE)
    assert response.status_code == 401
    assert refusal(response) == {"code": "UNAUTHENTICATED", "reason": "TOKEN_MISSING"}
    assert response.headers["www-authenticate"] == 'Bearer realm="jejak"'


async def test_an_expired_token_is_401_token_expired(api: Api) -> None:
    expired = int(time.time()) - 3600
    headers = bearer("hr-budi", "hr_officer", TENANT, iat=expired - 60, exp=expired)
    response = await api.client.post("/graphql", json=TREE, headers=headers)
    assert response.status_code == 401
    assert refusal(response) == {"code": "UNAUTHENTICATED", "reason": "TOKEN_EXPIRED"}
    assert 'error="invalid_token"' in response.headers["www-authenticate"]


async def test_two_authorization_headers_are_401(api: Api) -> None:
    [(name, value)] = HR.items()
    headers = httpx.Headers([(name, value), (name, value)])
    response = await api.client.post("/graphql", json=TREE, headers=headers)
    assert response.status_code == 401
    assert refusal(response)["reason"] == "MALFORMED_TOKEN"


@pytest.mark.parametrize("method", ["POST", "GET"])
async def test_introspection_without_a_token_is_401(api: Api, method: str) -> None:
    if method == "POST":
        response = await api.client.post("/graphql", json=INTROSPECTION)
    else:
        response = await api.client.get("/graphql", params=INTROSPECTION)
    assert response.status_code == 401
    assert refusal(response)["code"] == "UNAUTHENTICATED"


async def test_introspection_with_a_token_answers(database: Database) -> None:
    async with client_of(database, authenticator()) as client:
        response = await client.post("/graphql", json=INTROSPECTION, headers=HR)
    assert response.status_code == 200
    assert response.json()["data"]["__schema"]["queryType"]["name"] == "Query"


async def test_gateway_headers_are_ignored_by_default(api: Api) -> None:
    headers = {"x-jejak-user": "root", "x-jejak-role": "admin", "x-jejak-tenant": TENANT}
    response = await api.client.post("/graphql", json=TREE, headers=headers)
    assert response.status_code == 401
    assert refusal(response)["reason"] == "TOKEN_MISSING"


async def test_acting_in_a_role_the_token_does_not_grant_is_403(api: Api) -> None:
    headers = bearer("hr-budi", "hr_officer", TENANT) | {"x-jejak-act-as": "auditor"}
    response = await api.client.post("/graphql", json=TREE, headers=headers)
    assert response.status_code == 403
    assert refusal(response) == {"code": "FORBIDDEN", "reason": "ROLE_NOT_GRANTED"}


async def test_a_token_signed_by_a_key_the_issuer_does_not_publish_is_401(api: Api) -> None:
    forged = DevIssuer.generate(ISSUER_URL).mint("hr-budi", ["hr_officer"], TENANT)
    headers = {"authorization": f"Bearer {forged}"}
    response = await api.client.post("/graphql", json=TREE, headers=headers)
    assert response.status_code == 401
    assert refusal(response)["reason"] == "UNKNOWN_KEY"


async def test_the_development_issuer_publishes_its_discovery_document_and_keys(
    api: Api,
) -> None:
    discovery = (await api.client.get("/dev-issuer/.well-known/openid-configuration")).json()
    keys = (await api.client.get("/dev-issuer/jwks")).json()["keys"]
    assert discovery["jwks_uri"] == f"{discovery['issuer']}/jwks"
    assert [key["alg"] for key in keys] == ["ES256"]
    assert all("d" not in key for key in keys)  # the public half only


@asynccontextmanager
async def client_of(
    database: Database, authenticator: Authenticator
) -> AsyncIterator[httpx.AsyncClient]:
    """A client of the app `authenticator` guards, its tenant registered and read."""
    consistent = {"x-min-position": str(register_tenants(database, TENANT))}
    app = create_app(lambda: open_runtime(database), authenticator=authenticator)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(
            transport=transport, base_url="http://jejak", headers=consistent
        ) as client:
            yield client


async def test_the_output_of_jejak_token_is_accepted_by_the_app_jejak_serve_builds(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.delenv("JEJAK_OIDC_ISSUER", raising=False)
    monkeypatch.setenv("JEJAK_DEV_ISSUER_KEY", str(tmp_path / "dev-issuer" / "signing-key.pem"))
    argv = ["token", "--user", "hr-budi", "--role", "hr_officer", "--tenant", TENANT, "--ttl", "5m"]
    assert main(argv) == 0
    printed = capsys.readouterr().out.strip()
    async with client_of(database, serve_authenticator("127.0.0.1", 8000)) as client:
        headers = {"authorization": f"Bearer {printed}"}
        response = await client.post("/graphql", json=TREE, headers=headers)
    assert response.status_code == 200, response.text
    assert "errors" not in response.json()


async def test_the_tokens_serve_demo_prints_are_accepted_for_each_role(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.delenv("JEJAK_OIDC_ISSUER", raising=False)
    monkeypatch.setenv("JEJAK_DEV_ISSUER_KEY", str(tmp_path / "signing-key.pem"))
    authenticator = serve_authenticator("127.0.0.1", 8000)
    print_demo_tokens(authenticator)
    printed = capsys.readouterr().err
    assert "development token issuer at http://127.0.0.1:8000/dev-issuer" in printed
    rows = [
        line.split() for line in printed.splitlines() if line.startswith("  ") and "{" not in line
    ]
    assert [row[0] for row in rows] == [
        "hr_officer", "auditor", "supervisor", "employee", "training_institution",
    ]  # fmt: skip
    assert '{"Authorization": "Bearer ' in printed
    async with client_of(database, authenticator) as client:
        for _, _, signed in rows:
            headers = {"authorization": f"Bearer {signed}"}
            response = await client.post("/graphql", json=TREE, headers=headers)
            assert response.status_code == 200, response.text


def test_jejak_token_refuses_when_an_external_issuer_is_configured(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("JEJAK_OIDC_ISSUER", "https://sso.example.go.id/realms/asn")
    argv = ["token", "--user", "hr-budi", "--role", "hr_officer", "--tenant", TENANT]
    assert main(argv) == 2
    assert "development issuer is off" in capsys.readouterr().err


async def test_an_external_issuers_token_is_verified_through_discovery(
    database: Database,
) -> None:
    with running_issuer() as issuer:
        key = ec_key("kc-1")
        issuer.keys.append(key)
        settings = IdentitySettings(issuer=issuer.url)
        authenticator = Authenticator.from_settings(settings, "http://unused/dev-issuer")
        async with client_of(database, authenticator) as client:
            headers = {"authorization": f"Bearer {issuer.sign(key)}"}
            response = await client.post("/graphql", json=TREE, headers=headers)
            dev_jwks = await client.get("/dev-issuer/jwks")
    assert response.status_code == 200, response.text
    assert dev_jwks.status_code == 404  # the development issuer is off
