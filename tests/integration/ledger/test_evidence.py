"""A person's evidence bundle built from storage is accepted by the offline verifier, and only
what a signed checkpoint covers is proven."""

from __future__ import annotations

from datetime import date

import pytest

from domain.aggregates.employee import Employee
from domain.ledger.bundle import verify_bundle
from domain.ledger.notes import NoteVerifier
from services.caller import Caller
from services.database import Database
from services.ledger.evidence import LedgerNotReady, NothingToProve, evidence_bundle
from services.personnel import PersonnelApplication
from tests.integration.ledger.conftest import Ledger
from tests.integration.scenarios import nip

pytestmark = pytest.mark.integration


def test_an_employee_s_bundle_proves_their_events_against_the_signed_checkpoint(
    ledger: Ledger, personnel: PersonnelApplication
) -> None:
    bundle = evidence_bundle(personnel, Employee.id_for(nip(0)), about={"nip": nip(0)})
    result = verify_bundle(bundle, NoteVerifier.from_vkey(ledger.vkey))
    assert result.ok, result.failure
    assert result.events == len(bundle["events"]) >= 1
    assert {e["originator_id"] for e in bundle["events"]} == {str(Employee.id_for(nip(0)))}
    assert bundle["subject"]["nip"] == nip(0)


def test_events_written_after_the_checkpoint_are_listed_as_pending_not_proven(
    ledger: Ledger, personnel: PersonnelApplication, caller: Caller
) -> None:
    personnel.record_award(
        caller,
        nip=nip(1),
        kind="SATYALANCANA_KARYA_SATYA_10",
        title="Satyalancana Karya Satya X Tahun",
        awarded_on=date(2025, 8, 17),
    )
    bundle = evidence_bundle(personnel, Employee.id_for(nip(1)))
    assert bundle["pending"]["count"] == 1
    assert bundle["pending"]["positions"][0] > max(e["position"] for e in bundle["events"])
    assert verify_bundle(bundle, NoteVerifier.from_vkey(ledger.vkey)).ok


def test_a_bundle_with_an_event_edited_after_the_checkpoint_is_rejected_offline(
    ledger: Ledger, personnel: PersonnelApplication
) -> None:
    own = str(Employee.id_for(nip(2)))
    ledger.sql(
        "UPDATE public.jejak_events SET state = convert_to(replace(convert_from(state, 'UTF8'), "
        f"'Pegawai 3', 'Pegawai X'), 'UTF8') WHERE originator_id = '{own}'"
    )
    bundle = evidence_bundle(personnel, Employee.id_for(nip(2)))
    result = verify_bundle(bundle, NoteVerifier.from_vkey(ledger.vkey))
    assert not result.ok
    assert "not included in the signed tree" in (result.failure or "")


def test_asking_for_witnessed_evidence_when_nothing_was_witnessed_is_not_ready(
    ledger: Ledger, personnel: PersonnelApplication
) -> None:
    with pytest.raises(LedgerNotReady):
        evidence_bundle(personnel, Employee.id_for(nip(0)), witnessed_only=True)


def test_a_person_the_log_does_not_hold_has_nothing_to_prove(
    ledger: Ledger, personnel: PersonnelApplication
) -> None:
    with pytest.raises(NothingToProve):
        evidence_bundle(personnel, Employee.id_for("199001012020011999"))


def test_before_the_ledger_exists_no_bundle_is_ready(
    database: Database, personnel: PersonnelApplication
) -> None:
    with pytest.raises(LedgerNotReady):
        evidence_bundle(personnel, Employee.id_for(nip(0)))
