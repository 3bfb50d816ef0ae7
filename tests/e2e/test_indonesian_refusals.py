"""Refusals of every layer read wholly in Bahasa Indonesia on `Accept-Language: id`: a career
rule, a leave balance, a NIP, a page size and a ledger proof, each with its values in place and
its code unchanged (issue 18: no English left inside, no code summary in place of the message)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from services.database import Database
from services.ledger.keeper import LedgerKeeper
from services.ledger.settings import LedgerSettings
from tests.e2e.conftest import AUDITOR, HR, Api
from tests.e2e.ledger_region import LEDGER_ENV
from tests.e2e.steps import APPOINT, GRANT_LEAVE, PROMOTE, appointment, create_unit, nip_of

pytestmark = pytest.mark.e2e

INDONESIAN = {"accept-language": "id-ID,id;q=0.9"}
CHECKPOINT = "query($size: Int) { ledgerCheckpoint(size: $size) { size root } }"


async def refused(
    api: Api, document: str, variables: dict[str, Any], headers: dict[str, str] = HR
) -> tuple[str, str]:
    """(code, message) of the one error, asked in Indonesian; the code is the English one's."""
    english = (await api.graphql(document, variables, headers))["errors"]
    [error] = (await api.graphql(document, variables, headers | INDONESIAN))["errors"]
    assert [e["extensions"] for e in english] == [error["extensions"]]
    return error["extensions"]["code"], error["message"]


async def test_a_promotion_too_early_is_refused_in_indonesian(api: Api) -> None:
    # given a PNS promoted reguler to III/b on 1 April 2019
    unit_id = await create_unit(api, "DISDIK")
    await api.command(APPOINT, {"input": appointment(1, unit_id)})
    first = {"nip": nip_of(1), "toGolongan": "III/b", "effectiveOn": "2019-04-01"}
    await api.command(PROMOTE, {"input": first})
    # when the next step is asked for half a year later
    early = first | {"toGolongan": "III/c", "effectiveOn": "2019-10-01"}
    # then
    assert await refused(api, PROMOTE, {"input": early}) == (
        "PROMOTION_TOO_EARLY",
        "Kenaikan pangkat reguler mensyaratkan masa kerja paling singkat 4 tahun dalam pangkat "
        "terakhir (sejak 2019-04-01): paling cepat 2023-04-01, bukan 2019-10-01.",
    )


async def test_cuti_tahunan_over_the_balance_is_refused_in_indonesian(api: Api) -> None:
    # given a PNS of 2015 with the 2024 balance untouched: 12 days and 12 carried
    unit_id = await create_unit(api, "DISDIK")
    await api.command(APPOINT, {"input": appointment(2, unit_id)})
    # when five weeks of cuti tahunan (25 working days, no holiday among them) are asked for
    leave = {"nip": nip_of(2), "leaveType": "CT", "start": "2024-07-01", "end": "2024-08-02"}
    # then
    assert await refused(api, GRANT_LEAVE, {"input": leave}) == (
        "INSUFFICIENT_LEAVE_BALANCE",
        "Cuti tahunan 2024: diajukan 25 hari kerja, sedangkan sisa hak cuti hanya 24 hari kerja.",
    )


async def test_a_nip_of_the_wrong_length_is_refused_in_indonesian(api: Api) -> None:
    unit_id = await create_unit(api, "DISDIK")
    bad = appointment(3, unit_id, nip="1990-01-01")
    assert await refused(api, APPOINT, {"input": bad}) == (
        "INVALID_NIP",
        "NIP harus terdiri atas 18 digit; '1990-01-01' terdiri atas 8 digit.",
    )


async def test_a_page_larger_than_the_list_allows_is_refused_in_indonesian(api: Api) -> None:
    assert await refused(api, "{ unitTree(first: 2001) { code } }", {}) == (
        "PAGE_TOO_LARGE",
        "first paling besar 2000, bukan 2001.",
    )


async def test_a_checkpoint_of_a_size_never_signed_is_refused_in_indonesian(
    api: Api, database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a ledger checkpointed over a log of a few events
    unit_id = await create_unit(api, "DISDIK")
    await api.command(APPOINT, {"input": appointment(4, unit_id)})
    monkeypatch.setenv("JEJAK_LEDGER_KEY_FILE", str(tmp_path / "ledger-signing-key"))
    for name in LEDGER_ENV:
        monkeypatch.delenv(name, raising=False)
    keeper = LedgerKeeper(database, LedgerSettings.from_env(database.dbname))
    try:
        signed = keeper.checkpoint_now()
    finally:
        keeper.close()
    # when the checkpoint of a tree larger than the log, which no keeper can have signed, is
    # asked for (a smaller size may be signed meanwhile by the service's own keeper)
    never = signed + 1_000_000
    asked = {"size": never}
    # then
    assert await refused(api, CHECKPOINT, asked, AUDITOR) == (
        "UNKNOWN_CHECKPOINT",
        f"Tidak ada checkpoint yang diterbitkan untuk pohon berukuran {never} daun.",
    )
