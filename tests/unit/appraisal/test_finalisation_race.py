"""Finalisation against a concurrent rating: the lock is recorded on every appraisal at once.

The Seksi's three appraisals (KASI, STAFF, PEER) are rated BAIK and the unit ISTIMEWA, so the
cycle may be finalised; a "concurrent" writer is simulated by running a command at the moment
the other one has loaded what it read, before it saves.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

import pytest

from domain.aggregates.appraisal_cycle import AppraisalCycle
from domain.errors import CycleLocked
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
)  # fmt: skip

WHY = "Target tahunan tercapai sesuai rencana."


@pytest.fixture
def ready(app: AppraisalApplication, clock: Clock) -> UUID:
    """A Seksi cycle with everyone rated and the unit rated: ready to finalise."""
    cycle_id = app.open_cycle(
        HR_CALLER, year=YEAR, period="QUARTERLY", unit_ids=[SEKSI]
    ).aggregate_id
    app.enrol(HR_CALLER, cycle_id=cycle_id, candidates=CANDIDATES, units=UNITS)
    clock.set(1, 10)
    for nip, appraiser in ((KASI, KABID), (STAFF, KASI), (PEER, KASI)):
        who: dict[str, Any] = {"cycle_id": cycle_id, "employee_id": employee_id(nip)}
        app.draft_skp(asn(nip), **who, hasil_kerja=HASIL_KERJA, perilaku=PERILAKU)
        app.approve_skp(asn(appraiser), **who)
        app.rate(
            asn(appraiser),
            **who,
            checkpoint="ANNUAL",
            hasil_kerja="SESUAI",
            perilaku_kerja="SESUAI",
            justification=WHY,
        )
    app.rate_organisation(HR_CALLER, cycle_id=cycle_id, unit_id=SEKSI, rating="ISTIMEWA")
    clock.set(12, 28)
    return cycle_id


def rerate_staff(app: AppraisalApplication, cycle_id: UUID) -> None:
    app.rate(
        asn(KASI), cycle_id=cycle_id, employee_id=employee_id(STAFF), checkpoint="ANNUAL",
        hasil_kerja="DI_ATAS", perilaku_kerja="DI_ATAS", justification=WHY, reason="Bukti baru",
    )  # fmt: skip


def test_a_rating_saved_while_finalisation_reads_makes_it_retry_and_count_the_new_predikat(
    app: AppraisalApplication, ready: UUID, monkeypatch: pytest.MonkeyPatch
) -> None:
    load = app._appraisal
    raced: list[UUID] = []

    def load_then_race(cycle: Any, employee: UUID) -> Any:
        loaded = load(cycle, employee)
        if employee == employee_id(STAFF) and not raced:  # rated anew once finalise read it
            raced.append(employee)
            rerate_staff(app, ready)
        return loaded

    monkeypatch.setattr(app, "_appraisal", load_then_race)
    app.finalise(HR_CALLER, cycle_id=ready)
    [finalised] = [e for e in app.events.get(ready) if isinstance(e, AppraisalCycle.Finalised)]
    assert finalised.distribution[0]["counts"]["SANGAT_BAIK"] == 1
    assert raced == [employee_id(STAFF)]


def test_a_rating_that_loaded_before_finalisation_is_refused_as_locked(
    app: AppraisalApplication, ready: UUID, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    finalised: list[bool] = []

    def finalise_meanwhile() -> Any:
        if not finalised:  # HR finalises after the rating loaded the cycle and appraisal
            finalised.append(True)
            app.finalise(HR_CALLER, cycle_id=ready)
        return clock.now

    monkeypatch.setattr(app, "clock", finalise_meanwhile)
    with pytest.raises(CycleLocked):
        rerate_staff(app, ready)
    assert (
        app.get_appraisal(HR_CALLER, ready, employee_id(STAFF)).ratings["ANNUAL"]["hasil_kerja"]
        == "SESUAI"
    )


def test_finalisation_records_the_lock_on_every_appraisal(
    app: AppraisalApplication, ready: UUID
) -> None:
    app.finalise(HR_CALLER, cycle_id=ready)
    locked = [
        app.get_appraisal(HR_CALLER, ready, employee_id(n)).locked_on for n in (KASI, STAFF, PEER)
    ]
    assert locked == [app.get_cycle(HR_CALLER, ready).finalised_on] * 3
