"""Trusted documents over HTTP: a portal sends `documentId`, and only registered documents run
where the deployment says so (GraphiQL excepted in development)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from graphql_api.app import create_app
from graphql_api.identity import Authenticator
from graphql_api.limits import Limits
from graphql_api.trusted_documents import (
    ManifestError,
    TrustedSettings,
    document_id,
    manifest_entries,
)
from services.database import Database
from services.runtime import Runtime, open_runtime
from tests.e2e.conftest import (
    AUDITOR,
    HR,
    REGISTER_TENANT,
    Api,
    CountingPool,
    register_test_tenants,
)
from tests.e2e.steps import create_unit
from tests.tokens import authenticator

pytestmark = pytest.mark.e2e

TENANTS = "query Tenants { tenants { code } }"
UNITS = "query Units($first: Int!) { unitTree(first: $first) { code } }"
EVENTS = "query Events($nip: String!) { employeeEvents(nip: $nip) { position } }"
DEEP = "query Deep { unitTree(first: 1) { children { children { children { code } } } } }"
CREATE = "mutation Create($input: CreateUnitInput!) { createUnit(input: $input) { position } }"
REGISTERED = {
    "tenants": TENANTS, "units": UNITS, "events": EVENTS, "deep": DEEP, "create": CREATE,
    # what the fixture sends to register the test tenants, also with only registered documents
    "register": REGISTER_TENANT, "known": "{ tenants { code } }",
}  # fmt: skip
GRAPHIQL = {"sec-fetch-site": "same-origin", "sec-fetch-mode": "cors"}
NIP = "199001012015031001"

Opened = Callable[..., AbstractAsyncContextManager[Api]]


@pytest.fixture
def manifest(tmp_path: Path) -> Path:
    path = tmp_path / "portal-documents.json"
    path.write_text(json.dumps(manifest_entries(REGISTERED)))
    return path


@pytest.fixture
def open_api(database: Database, manifest: Path) -> Opened:
    """Opens the app with the manifest (only registered documents if `only`), `limits`, and
    the test issuer as the development issuer unless `production`."""

    @asynccontextmanager
    async def opened(
        only: bool = False, limits: Limits | None = None, production: bool = False
    ) -> AsyncIterator[Api]:
        pools: list[CountingPool] = []

        @asynccontextmanager
        async def counted_runtime() -> AsyncIterator[Runtime]:
            async with open_runtime(database) as runtime:
                pools.append(CountingPool(runtime.pool))
                yield dataclasses.replace(runtime, pool=pools[-1])

        identity = authenticator()
        if production:  # the same tokens, but no development issuer is on
            identity = Authenticator(identity.settings, identity.verifier)
        trusted = TrustedSettings(manifest, only)
        app = create_app(counted_runtime, authenticator=identity, limits=limits, trusted=trusted)
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://jejak") as client:
                api = Api(client, pools[0])
                await register_test_tenants(api)
                yield api

    return opened


async def post(api: Api, body: dict[str, Any], headers: dict[str, str] = HR) -> httpx.Response:
    return await api.client.post("/graphql", json=body, headers=headers)


def error_of(response: httpx.Response) -> dict[str, Any]:
    body = response.json()
    assert body["data"] is None
    [error] = body["errors"]
    return dict(error)


async def test_a_registered_document_runs_by_its_id_and_answers_as_its_text_does(
    open_api: Opened,
) -> None:
    async with open_api() as api:
        await create_unit(api, "DISDIK")
        variables, after = {"first": 5}, HR | {"x-min-position": str(api.last_position)}
        by_id = await post(api, {"documentId": document_id(UNITS), "variables": variables}, after)
        sent = await post(api, {"query": UNITS, "variables": variables}, after)
    assert by_id.status_code == 200, by_id.text
    assert by_id.json() == sent.json()
    assert by_id.json()["data"]["unitTree"] == [{"code": "DISDIK"}]


async def test_a_get_with_document_id_and_json_variables_runs_the_document(
    open_api: Opened,
) -> None:
    async with open_api() as api:
        params = {"documentId": document_id(UNITS), "variables": '{"first":1}'}
        response = await api.client.get("/graphql", params=params, headers=HR)
    assert response.status_code == 200, response.text
    assert response.json() == {"data": {"unitTree": []}}


async def test_a_get_with_document_id_asking_for_html_is_no_graphiql_page_and_needs_a_token(
    open_api: Opened,
) -> None:
    async with open_api() as api:
        params = {"documentId": document_id(TENANTS)}
        response = await api.client.get("/graphql", params=params, headers={"accept": "*/*"})
    assert response.status_code == 401
    assert error_of(response)["extensions"]["code"] == "UNAUTHENTICATED"


async def test_query_and_document_id_together_are_refused(open_api: Opened) -> None:
    async with open_api() as api:
        response = await post(api, {"query": TENANTS, "documentId": document_id(TENANTS)})
    assert response.status_code == 400
    assert error_of(response)["extensions"] == {"code": "BAD_REQUEST"}


async def test_an_unknown_document_id_is_one_coded_error_with_404(open_api: Opened) -> None:
    unknown = document_id("{ tenants { name } }")
    async with open_api() as api:
        response = await post(api, {"documentId": unknown})
        not_a_string = await post(api, {"documentId": 7})
    assert response.status_code == 404
    error = error_of(response)
    assert error["extensions"] == {"code": "PERSISTED_DOCUMENT_NOT_FOUND"}
    assert unknown in error["message"]
    assert not_a_string.status_code == 400


async def test_a_registered_mutation_by_get_is_405_as_the_appendix_says(open_api: Opened) -> None:
    async with open_api() as api:
        params = {"documentId": document_id(CREATE), "variables": "{}"}
        response = await api.client.get("/graphql", params=params, headers=HR)
    assert response.status_code == 405
    assert error_of(response)["extensions"]["code"] == "METHOD_NOT_ALLOWED"


async def test_a_registered_document_over_a_limit_is_refused_on_every_request(
    open_api: Opened,
) -> None:
    async with open_api(limits=Limits(max_depth=3)) as api:
        before = len(api.pool.statements)
        answers = [await post(api, {"documentId": document_id(DEEP)}) for _ in range(2)]
        statements = len(api.pool.statements) - before
        within = await post(api, {"documentId": document_id(UNITS), "variables": {"first": 1}})
    for answer in answers:
        assert answer.status_code == 400
        assert error_of(answer)["extensions"]["limit"] == "depth"
    assert statements == 0
    assert within.status_code == 200, within.text


async def test_the_policy_refuses_a_registered_document_per_role(open_api: Opened) -> None:
    body = {"documentId": document_id(EVENTS), "variables": {"nip": NIP}}
    async with open_api() as api:
        as_hr = await post(api, body)
        as_auditor = await post(api, body, AUDITOR)
    assert [e["extensions"]["code"] for e in as_hr.json()["errors"]] == ["FORBIDDEN"]
    assert as_hr.json()["data"] is None
    # the auditor passes the policy: the query runs and finds nobody of that NIP
    assert [e["extensions"]["code"] for e in as_auditor.json()["errors"]] == ["EMPLOYEE_NOT_FOUND"]


async def test_with_only_registered_documents_a_sent_one_is_refused(open_api: Opened) -> None:
    async with open_api(only=True) as api:
        sent = await post(api, {"query": "{ tenants { code name } }"})
        got = await api.client.get("/graphql", params={"query": "{tenants{code}}"}, headers=HR)
        registered_text = await post(api, {"query": TENANTS})
        by_id = await post(api, {"documentId": document_id(TENANTS)})
    for refused in (sent, got):
        assert refused.status_code == 400
        assert error_of(refused)["extensions"] == {"code": "PERSISTED_DOCUMENT_REQUIRED"}
    assert registered_text.status_code == 200, registered_text.text
    assert registered_text.json() == by_id.json()


async def test_graphiql_stays_open_in_development_only(open_api: Opened) -> None:
    introspection = {"query": "{ __schema { queryType { name } } }"}
    async with open_api(only=True) as api:
        development = await post(api, introspection, HR | GRAPHIQL)
        elsewhere = await post(api, introspection, HR | {"sec-fetch-site": "cross-site"})
    async with open_api(only=True, production=True) as api:
        production = await post(api, introspection, HR | GRAPHIQL)
    assert development.status_code == 200, development.text
    assert development.json()["data"]["__schema"]["queryType"]["name"] == "Query"
    assert elsewhere.status_code == 400
    assert production.status_code == 400
    assert error_of(production)["extensions"]["code"] == "PERSISTED_DOCUMENT_REQUIRED"


async def test_a_manifest_with_an_id_not_its_text_s_stops_the_app_being_made(
    tmp_path: Path,
) -> None:
    path = tmp_path / "tampered.json"
    path.write_text(json.dumps({document_id(TENANTS): "{ tenants { code name } }"}))

    @asynccontextmanager
    async def no_runtime() -> AsyncIterator[Runtime]:
        raise AssertionError("not opened")
        yield  # pragma: no cover

    with pytest.raises(ManifestError, match=document_id(TENANTS)):
        create_app(no_runtime, authenticator=authenticator(), trusted=TrustedSettings(path))


async def test_the_refusal_is_in_the_request_s_language(open_api: Opened) -> None:
    async with open_api() as api:
        response = await post(
            api, {"documentId": document_id("{ x }")}, HR | {"accept-language": "id"}
        )
    assert error_of(response)["message"].startswith("Tidak ada dokumen yang terdaftar")
