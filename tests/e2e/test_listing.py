"""Lists of employees with their units run a bounded number of SQL statements."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from tests.e2e.conftest import Api
from tests.e2e.steps import APPOINT, appointment, create_unit

pytestmark = pytest.mark.e2e

PAGE = """query($unit: ID!, $first: Int!) { employees(unitId: $unit, first: $first) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { cursor node { nip golongan unit { id code name } } }
} }"""


async def statements_to_list(api: Api, unit_id: str, first: int) -> tuple[int, dict[str, Any]]:
    before = len(api.pool.statements)
    body = await api.read(PAGE, {"unit": unit_id, "first": first})
    assert "errors" not in body, body["errors"]
    return len(api.pool.statements) - before, body["data"]["employees"]


async def test_fifty_employees_with_their_units_take_as_few_statements_as_five(api: Api) -> None:
    root = await create_unit(api, "DISDIK")
    bidangs = [await create_unit(api, f"BIDANG-{i}", root) for i in range(5)]
    for start in range(1, 51, 10):
        await asyncio.gather(*(
            api.command(APPOINT, {"input": appointment(serial, bidangs[serial % 5])})
            for serial in range(start, start + 10)
        ))  # fmt: skip
    few, page_of_five = await statements_to_list(api, root, 5)
    many, page_of_fifty = await statements_to_list(api, root, 50)
    assert len(page_of_fifty["edges"]) == 50
    assert page_of_fifty["totalCount"] == 50
    assert page_of_five["pageInfo"] == {
        "hasNextPage": True, "endCursor": page_of_five["edges"][4]["cursor"],
    }  # fmt: skip
    assert many == few
    assert many <= 5  # the page (unit path, count, rows) and one batch of units
