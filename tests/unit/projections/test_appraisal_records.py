"""The appraisal read model folded from a real cycle's events, in memory.

A Seksi's cycle (KASI, STAFF, PEER) runs on the in-memory AppraisalApplication: plans,
feedback from the appraiser, a peer and the public, ratings, a calibration, finalisation and
an upheld objection. The projection folds the logged events without a database.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

import pytest

from domain.aggregates.employee_appraisal import EmployeeAppraisal
from projections.appraisal_records import AppraisalRecordsProjection
from projections.base import Envelope
from projections.reader import EventReader
from services.appraisal import AppraisalApplication
from tests.unit.appraisal.conftest import (
    CANDIDATES,
    HASIL_KERJA,
    HR_CALLER,
    KABID,
    KASI,
    PEER,
    PERILAKU,
    SEKSI,
    STAFF,
    UNITS,
    YEAR,
    Clock,
    asn,
    employee_id,
    given_the_tenant,
)  # fmt: skip

FINGERPRINT = "ab" * 16
WHY = "Capaian tahunan dibandingkan ekspektasi pimpinan."


@pytest.fixture
def logged() -> tuple[UUID, list[Envelope]]:
    """The cycle id and every event of the scenario, with its log position."""
    clock = Clock()
    app = AppraisalApplication(env={"PERSISTENCE_MODULE": "eventsourcing.popo"}, clock=clock)
    given_the_tenant(app)
    cycle_id = app.open_cycle(
        HR_CALLER, year=YEAR, period="QUARTERLY", unit_ids=[SEKSI]
    ).aggregate_id
    app.enrol(HR_CALLER, cycle_id=cycle_id, candidates=CANDIDATES, units=UNITS)
    clock.set(1, 10)
    for nip, appraiser in ((KASI, KABID), (STAFF, KASI), (PEER, KASI)):
        who: dict[str, Any] = {"cycle_id": cycle_id, "employee_id": employee_id(nip)}
        app.draft_skp(asn(nip), **who, hasil_kerja=HASIL_KERJA, perilaku=PERILAKU)
        app.approve_skp(asn(appraiser), **who)
    staff: dict[str, Any] = {"cycle_id": cycle_id, "employee_id": employee_id(STAFF)}
    clock.set(5, 2)
    app.give_colleague_feedback(
        asn(PEER), **staff, text="Selalu membantu.", behaviour="KOLABORATIF"
    )
    app.receive_masyarakat_rating(HR_CALLER, **staff, fingerprint=FINGERPRINT, score=3)
    clock.set(12, 20)
    for nip, appraiser, hasil in (
        (KASI, KABID, "SESUAI"),
        (STAFF, KASI, "DI_ATAS"),
        (PEER, KASI, "SESUAI"),
    ):
        who = {"cycle_id": cycle_id, "employee_id": employee_id(nip)}
        app.rate(
            asn(appraiser),
            **who,
            checkpoint="ANNUAL",
            hasil_kerja=hasil,
            perilaku_kerja=hasil,
            justification=WHY,
        )
    peer: dict[str, Any] = {"cycle_id": cycle_id, "employee_id": employee_id(PEER)}
    app.calibrate(
        HR_CALLER, **peer, hasil_kerja="DI_BAWAH", perilaku_kerja="SESUAI", reason="Kalibrasi unit"
    )
    app.rate_organisation(HR_CALLER, cycle_id=cycle_id, unit_id=SEKSI, rating="ISTIMEWA")
    app.finalise(HR_CALLER, cycle_id=cycle_id)
    clock.set(12, 24)
    app.file_objection(asn(STAFF), **staff, reasons="Perilaku kerja tidak dinilai lengkap.")
    app.decide_objection(
        asn(KABID),
        **staff,
        upheld=True,
        reason="Dinilai ulang",
        hasil_kerja="SESUAI",
        perilaku_kerja="DI_ATAS",
    )
    return cycle_id, EventReader(app).read(0, 1000)


def row_of(logged: tuple[UUID, list[Envelope]], nip: str) -> dict[str, Any]:
    cycle_id, envelopes = logged
    rows = AppraisalRecordsProjection().fold({}, envelopes)
    return rows[EmployeeAppraisal.id_for(cycle_id, employee_id(nip))]


def test_a_predikat_names_the_log_positions_of_the_ratings_it_was_computed_from(
    logged: tuple[UUID, list[Envelope]],
) -> None:
    cycle_id, envelopes = logged
    appraisal_id = EmployeeAppraisal.id_for(cycle_id, employee_id(KASI))
    [rated] = [
        e.position
        for e in envelopes
        if e.event_type == "Rated" and e.event.originator_id == appraisal_id
    ]
    predikat = row_of(logged, KASI)["doc"]["predikat"]["ANNUAL"]
    assert (predikat["predikat"], predikat["source_positions"]) == ("BAIK", [rated])
    assert predikat["position"] == rated + 1


def test_feedback_keeps_a_peers_nip_for_audit_and_never_a_public_fingerprint(
    logged: tuple[UUID, list[Envelope]],
) -> None:
    feedback = row_of(logged, STAFF)["doc"]["feedback"]
    assert [(f["source"], f["giver"]) for f in feedback] == [("PEER", PEER), ("MASYARAKAT", None)]
    assert FINGERPRINT not in str(feedback)


def test_a_calibration_keeps_before_after_actor_and_reason_and_changes_the_predikat(
    logged: tuple[UUID, list[Envelope]],
) -> None:
    row = row_of(logged, PEER)
    [change] = row["doc"]["calibrations"]
    assert (change["hasil_kerja_before"], change["hasil_kerja"]) == ("SESUAI", "DI_BAWAH")
    assert (change["actor"], change["reason"]) == (HR_CALLER.actor.user_id, "Kalibrasi unit")
    assert row["doc"]["ratings"]["ANNUAL"]["calibrated"] is True
    assert row["annual_predikat"] == "BUTUH_PERBAIKAN"


def test_an_upheld_objection_sets_the_rating_and_predikat_in_force(
    logged: tuple[UUID, list[Envelope]],
) -> None:
    row = row_of(logged, STAFF)
    assert row["objection"] == "UPHELD"
    assert row["doc"]["objection"]["decision"]["actor"] == KABID
    annual = row["doc"]["ratings"]["ANNUAL"]
    assert (annual["hasil_kerja"], annual["perilaku_kerja"]) == ("SESUAI", "DI_ATAS")
    assert row["annual_predikat"] == "BAIK"


def test_an_approved_skp_records_who_approved_it_and_where(
    logged: tuple[UUID, list[Envelope]],
) -> None:
    skp = row_of(logged, STAFF)["doc"]["skp"]
    assert (skp["approved"]["actor"], skp["approved"]["late"]) == (KASI, False)
    assert skp["drafted"]["position"] < skp["approved"]["position"]
