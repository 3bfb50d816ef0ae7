"""What the schema fuzzer (test_fuzz.py) found, each kept as a focused regression test."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import HR, Api

pytestmark = pytest.mark.e2e

DEPTH = 100_000  # 200 kB of brackets: under the body limit, far past the decoder's recursion
DEEP = b"[" * DEPTH + b"]" * DEPTH


@pytest.mark.parametrize(
    "body",
    [DEEP, b'{"query": "{ __typename }", "variables": {"v": ' + DEEP + b"}}"],
    ids=["the whole body", "a variable"],
)
async def test_json_nested_too_deeply_for_the_decoder_is_a_typed_bad_request(
    api: Api, body: bytes
) -> None:
    # Found: json.loads raised RecursionError, which the ASGI wrapper answered 500.
    headers = HR | {"content-type": "application/json"}
    response = await api.client.post("/graphql", content=body, headers=headers)
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["extensions"] == {"code": "BAD_REQUEST"}
    assert "nested too deeply" in error["message"]
