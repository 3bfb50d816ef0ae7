"""The plain portal endpoints check the caller as `/graphql` does: a verified token, and a role
the policy lets call the document's root; otherwise the benchmark would compare unequal work."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from access.roles import Role
from scripts.bench.identity import server_environment
from scripts.bench.plain import build_plain_app
from scripts.bench.portal_documents import role_headers
from services.database import Database
from services.runtime import catch_up_read_models

pytestmark = pytest.mark.integration

TENANT = "pemkot-palangkaraya"
NIP = "198001012006041001"


async def _post(
    database: Database, path: str, body: dict[str, Any], headers: dict[str, str]
) -> httpx.Response:
    """One request to the plain app on `database`, its lifespan entered."""
    app = build_plain_app(database)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://plain") as client:
            return await client.post(path, json=body, headers=headers)


@pytest.fixture
def plain_database(database: Database, monkeypatch: pytest.MonkeyPatch) -> Database:
    """A database with the read models and the API role, and the benchmark's token issuer."""
    for name, value in server_environment().items():
        monkeypatch.setenv(name, value)
    catch_up_read_models(database)
    return database


async def test_a_request_without_a_token_is_refused_as_unauthenticated(
    plain_database: Database,
) -> None:
    answer = await _post(plain_database, "/plain/portal/unit_tree", {"first": 250}, {})
    assert answer.status_code == 401
    assert answer.json()["data"] is None


async def test_a_role_the_policy_does_not_let_call_the_root_is_refused(
    plain_database: Database,
) -> None:
    # employeeEvents is the auditors' only
    hr = role_headers(TENANT, Role.HR_OFFICER)
    answer = await _post(plain_database, "/plain/portal/employee_events", {"nip": NIP}, hr)
    assert answer.status_code == 403


async def test_an_allowed_role_reads_its_own_tenant_only(plain_database: Database) -> None:
    # An auditor asking about a NIP their tenant does not hold gets no record
    auditor = role_headers(TENANT, Role.AUDITOR)
    answer = await _post(plain_database, "/plain/portal/employee_events", {"nip": NIP}, auditor)
    assert answer.status_code == 200
    assert answer.json() == {"data": {"employeeEvents": None}}
