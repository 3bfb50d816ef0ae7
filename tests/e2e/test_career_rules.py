"""Career rules over HTTP: promotions refused with their codes, a pilihan with its reason
accepted, and a pensiun BUP before the BUP refused."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from tests.e2e.conftest import Api
from tests.e2e.steps import APPOINT, PROMOTE, appointment, create_unit, nip_of

pytestmark = pytest.mark.e2e

END = """mutation($input: EndEmploymentInput!) {
  endEmployment(input: $input) { employeeId version position } }"""
HISTORY = """query($nip: String!) { employee(nip: $nip) {
  golongan careerHistory { kind golongan effectiveOn } } }"""


async def codes(api: Api, document: str, values: Mapping[str, object]) -> list[str]:
    body = await api.graphql(document, {"input": values})
    return [e["extensions"]["code"] for e in body.get("errors", [])]


async def test_promotions_too_early_out_of_order_or_of_two_steps_are_refused_by_code(
    api: Api,
) -> None:
    # given a PNS appointed in March 2015 (III/a), promoted reguler to III/b on 1 April 2019
    unit_id = await create_unit(api, "DISDIK")
    await api.command(APPOINT, {"input": appointment(1, unit_id)})
    nip = nip_of(1)
    await api.command(
        PROMOTE, {"input": {"nip": nip, "toGolongan": "III/b", "effectiveOn": "2019-04-01"}}
    )
    # when / then: a day later, before it, and two steps at once
    early = {"nip": nip, "toGolongan": "III/c", "effectiveOn": "2019-10-01"}
    assert await codes(api, PROMOTE, early) == ["PROMOTION_TOO_EARLY"]
    backwards = early | {"effectiveOn": "2018-10-01"}
    assert await codes(api, PROMOTE, backwards) == ["PROMOTION_OUT_OF_ORDER"]
    two_steps = early | {"toGolongan": "III/d", "effectiveOn": "2023-04-01"}
    assert await codes(api, PROMOTE, two_steps) == ["PROMOTION_NOT_ONE_STEP"]
    off_period = early | {"effectiveOn": "2023-05-01"}
    assert await codes(api, PROMOTE, off_period) == ["PROMOTION_OUTSIDE_PERIOD"]


async def test_a_pilihan_promotion_needs_its_reason_and_is_recorded_with_it(api: Api) -> None:
    # given
    unit_id = await create_unit(api, "DISDIK")
    await api.command(APPOINT, {"input": appointment(2, unit_id)})
    pilihan = {
        "nip": nip_of(2),
        "toGolongan": "III/b",
        "effectiveOn": "2017-04-01",
        "kind": "PILIHAN_PRESTASI_LUAR_BIASA",
    }
    # when / then: without a reason it is refused, with one it lands
    assert await codes(api, PROMOTE, pilihan) == ["REASON_REQUIRED"]
    reason = "Prestasi kerja luar biasa baiknya: SK Bupati 800/12/2017"
    await api.command(PROMOTE, {"input": pilihan | {"reason": reason}})
    body = await api.read(HISTORY, {"nip": nip_of(2)})
    assert body["data"]["employee"]["golongan"] == "III/b"


async def test_a_pensiun_bup_before_the_bup_is_refused(api: Api) -> None:
    # given a pelaksana born 1 January 1990: BUP 58, TMT pensiun 1 February 2048
    unit_id = await create_unit(api, "DISDIK")
    await api.command(APPOINT, {"input": appointment(3, unit_id)})
    retirement = {
        "nip": nip_of(3),
        "separation": "RETIREMENT",
        "effectiveOn": "2025-06-02",
        "reason": "Pensiun",
    }
    # when / then
    assert await codes(api, END, retirement) == ["RETIREMENT_BEFORE_BUP"]
