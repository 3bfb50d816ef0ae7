"""The ledger over HTTP on a generated region: evidence bundles the offline verifier accepts,
proofs that verify against the signed checkpoint's root, and who may have them."""

from __future__ import annotations

import asyncio
import base64
import json
import subprocess
import sys
from pathlib import Path
from typing import Any
from uuid import UUID

import psycopg
import pytest

from domain.ledger.bundle import verify_bundle
from domain.ledger.entry import StoredEvent, event_leaf_hash
from domain.ledger.merkle import verify_consistency, verify_inclusion
from domain.ledger.notes import NoteVerifier, open_checkpoint
from services.database import Database
from tests.e2e.conftest import AUDITOR, HR, Api
from tests.e2e.ledger_region import TENANT, LedgerRegion, ledger_region, pick_people
from tests.tokens import bearer

pytestmark = pytest.mark.e2e

JEJAK_VERIFY = Path(sys.executable).with_name("jejak-verify")
BUNDLE = "query($nip: String!, $cycleId: ID) { evidenceBundle(nip: $nip, cycleId: $cycleId) }"
CHECKPOINT = "query($size: Int) { ledgerCheckpoint(size: $size) { size root note witnessed } }"
INCLUSION = """query($position: Int!, $treeSize: Int!) {
  inclusionProof(position: $position, treeSize: $treeSize) { leafIndex treeSize hashes } }"""
CONSISTENCY = """query($from: Int!, $to: Int!) {
  consistencyProof(fromSize: $from, toSize: $to) { hashes } }"""


@pytest.fixture
def ledgered(database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> LedgerRegion:
    return ledger_region(database, tmp_path, monkeypatch)


@pytest.fixture
async def region(ledgered: LedgerRegion, api: Api) -> LedgerRegion:
    api.last_position = ledgered.head
    await api.read("{ tenants { code } }")  # the read models have the whole generated log
    return pick_people(ledgered)


def as_person(nip: str) -> dict[str, str]:
    return bearer(nip, "employee", TENANT, nip)


def log_key(region: LedgerRegion) -> NoteVerifier:
    return NoteVerifier.from_vkey(region.vkey)


def _unpacked(body: dict[str, Any]) -> Any:
    assert "errors" not in body, body["errors"]
    [value] = body["data"].values()
    return value


def _codes(body: dict[str, Any]) -> set[str]:
    return {e["extensions"]["code"] for e in body.get("errors") or []}


async def test_a_person_s_evidence_bundle_is_accepted_by_the_offline_verifier(
    region: LedgerRegion, api: Api, tmp_path: Path
) -> None:
    bundle = _unpacked(await api.read(BUNDLE, {"nip": region.subject}, as_person(region.subject)))
    result = verify_bundle(bundle, log_key(region))
    assert result.ok, result.failure
    assert result.checkpoint is not None
    assert result.checkpoint.size >= region.size  # the server's own keeper may have added one
    assert result.predikats, "their finalised appraisal's predikat is recomputed from the bundle"
    assert bundle["pending"] == {"count": 0, "positions": []}
    # The same document, checked by the command a person runs on their own machine.
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(bundle), encoding="utf-8")
    command = [str(JEJAK_VERIFY), str(path), "--log-key", region.vkey]
    run = await asyncio.to_thread(
        subprocess.run, command, capture_output=True, text=True, timeout=60, check=False
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "VERIFIED" in run.stdout


async def test_a_cycle_s_bundle_holds_the_appraisal_and_recomputes_its_predikat(
    region: LedgerRegion, api: Api
) -> None:
    variables = {"nip": region.subject, "cycleId": region.cycle_id}
    bundle = _unpacked(await api.read(BUNDLE, variables, AUDITOR))
    result = verify_bundle(bundle, log_key(region))
    assert result.ok, result.failure
    assert result.predikats
    assert all(p["recomputed"] == p["recorded"] for p in result.predikats)
    streams = {e["originator_id"] for e in bundle["events"]}
    assert len(streams) == 2  # the cycle and the one appraisal
    assert region.cycle_id in streams
    assert not any(e["topic"].endswith(".EmployeesEnrolled") for e in bundle["events"])


async def test_a_colleague_without_the_right_gets_forbidden_and_no_bundle(
    region: LedgerRegion, api: Api
) -> None:
    body = await api.read(BUNDLE, {"nip": region.subject}, as_person(region.colleague))
    assert _codes(body) == {"FORBIDDEN"}
    assert body["data"] is None


async def test_the_appraiser_hr_and_auditors_get_it_and_another_tenant_does_not(
    region: LedgerRegion, api: Api
) -> None:
    variables = {"nip": region.subject}
    appraiser = bearer(region.appraiser, "supervisor", TENANT, region.appraiser)
    for allowed in (appraiser, HR, AUDITOR):
        bundle = _unpacked(await api.read(BUNDLE, variables, allowed))
        assert bundle["subject"]["nip"] == region.subject
    away = bearer("hr-kemuning", "hr_officer", "pemkab-kemuning")
    assert _codes(await api.read(BUNDLE, variables, away)) == {"EMPLOYEE_NOT_FOUND"}


async def test_inclusion_and_consistency_proofs_verify_against_the_signed_roots(
    region: LedgerRegion, api: Api
) -> None:
    person = as_person(region.colleague)  # hashes only: any role of the tenant
    latest = _unpacked(await api.read(CHECKPOINT, {}, person))
    signed = open_checkpoint(latest["note"], log_key(region))
    assert (signed.size, base64.b64encode(signed.root).decode()) == (latest["size"], latest["root"])
    with psycopg.connect(**region.database.psycopg_kwargs()) as conn:
        rows = conn.execute(
            "SELECT notification_id, originator_id, originator_version, topic, state "
            "FROM public.jejak_events WHERE notification_id IN (1, %s, %s) ORDER BY 1",
            (region.size // 2, region.size),
        ).fetchall()
        (first_size,) = conn.execute("SELECT min(size) FROM ledger.checkpoints").fetchone() or (0,)
    assert len(rows) == 3
    for position, originator, version, topic, state in rows:
        event = StoredEvent(position, UUID(str(originator)), version, topic, bytes(state))
        variables = {"position": position, "treeSize": signed.size}
        proof = _unpacked(await api.read(INCLUSION, variables, person))
        path = [base64.b64decode(h) for h in proof["hashes"]]
        leaf = event_leaf_hash(event)
        assert verify_inclusion(leaf, proof["leafIndex"], signed.size, path, signed.root)
    older = _unpacked(await api.read(CHECKPOINT, {"size": first_size}, person))
    old = open_checkpoint(older["note"], log_key(region))
    assert 0 < old.size < signed.size
    proof = _unpacked(await api.read(CONSISTENCY, {"from": old.size, "to": signed.size}, person))
    path = [base64.b64decode(h) for h in proof["hashes"]]
    assert verify_consistency(old.size, signed.size, old.root, signed.root, path)


async def test_what_the_ledger_does_not_hold_is_refused_with_its_own_code(
    region: LedgerRegion, api: Api
) -> None:
    beyond = {"position": region.size, "treeSize": region.size + 10_000}
    assert _codes(await api.read(INCLUSION, beyond, AUDITOR)) == {"LEDGER_NOT_READY"}
    unknown = {"position": region.head + 10_000, "treeSize": region.size}
    assert _codes(await api.read(INCLUSION, unknown, AUDITOR)) == {"NOT_IN_LEDGER"}
    assert _codes(await api.read(CHECKPOINT, {"size": 3}, AUDITOR)) == {"UNKNOWN_CHECKPOINT"}


async def test_the_checkpoint_note_is_served_as_text_without_a_token(
    region: LedgerRegion, api: Api
) -> None:
    response = await api.client.get("/ledger/checkpoint")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    assert open_checkpoint(response.text, log_key(region)).size >= region.size


async def test_the_bundle_download_is_the_person_s_and_refused_to_a_colleague(
    region: LedgerRegion, api: Api
) -> None:
    url = f"/ledger/evidence/{region.subject}.json"
    own = await api.client.get(url, headers=as_person(region.subject))
    assert own.status_code == 200, own.text
    assert verify_bundle(own.json(), log_key(region)).ok
    assert "attachment" in own.headers["content-disposition"]
    cycle = await api.client.get(
        url, params={"cycleId": region.cycle_id}, headers=as_person(region.subject)
    )
    assert cycle.status_code == 200, cycle.text
    assert verify_bundle(cycle.json(), log_key(region)).predikats
    other = await api.client.get(url, headers=as_person(region.colleague))
    assert other.status_code == 403
    assert other.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert (await api.client.get(url)).status_code == 401
