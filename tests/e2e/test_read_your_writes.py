"""A query can wait for the read models to reach a position, or say how far they got."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import HR, Api
from tests.e2e.steps import create_unit

pytestmark = pytest.mark.e2e

TREE = "{ unitTree { code } }"


async def test_a_query_at_the_returned_position_sees_the_write(api: Api) -> None:
    await create_unit(api, "DISDIK")
    body = await api.read(TREE)
    assert body["data"]["unitTree"] == [{"code": "DISDIK"}]


async def test_a_position_not_reached_in_time_is_read_model_lag(api: Api) -> None:
    await create_unit(api, "DISDIK")
    ahead = str(api.last_position + 1_000)
    headers = HR | {"x-min-position": ahead, "x-wait-timeout-ms": "200"}
    body = await api.graphql(TREE, headers=headers)
    [error] = body["errors"]
    assert error["extensions"]["code"] == "READ_MODEL_LAG"
    assert error["extensions"]["minPosition"] == api.last_position + 1_000
    assert error["extensions"]["position"] <= api.last_position
