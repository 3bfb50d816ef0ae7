"""No poison input through AppraisalApplication: SKP rows, feedback, justifications, objections.

Each refusal is INVALID_INPUT and records nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any
from uuid import UUID

import pytest

from domain.appraisal import MAX_SKP_ROWS
from domain.errors import InvalidInput
from services.appraisal import AppraisalApplication
from tests.unit.appraisal.conftest import (
    HASIL_KERJA,
    HR_CALLER,
    KASI,
    PEER,
    PERILAKU,
    STAFF,
    YEAR,
    Clock,
    approved_appraisal,
    as_,
    asn,
    at,
    employee_id,
    hr,
    rated_appraisal,
)

STAFF_ID = employee_id(STAFF)
POISON = {
    "a NUL": "before\x00after",
    "an over-long value": "x" * 4001,
    "a lone surrogate": "x\ud800y",
}


def refused(
    app: AppraisalApplication, command: Callable[[], Any], code: str = "INVALID_INPUT"
) -> str:
    """Run a command expected to be refused; check its code and that it recorded nothing."""
    head = app.recorder.max_notification_id()
    with pytest.raises(InvalidInput) as raised:
        command()
    assert raised.value.code == code
    assert app.recorder.max_notification_id() == head
    return raised.value.message


def draft(app: AppraisalApplication, cycle_id: UUID, **row: str) -> None:
    rows = [replace(HASIL_KERJA[0], **row), *HASIL_KERJA[1:]]
    app.draft_skp(
        asn(STAFF), cycle_id=cycle_id, employee_id=STAFF_ID, hasil_kerja=rows, perilaku=PERILAKU
    )


@pytest.mark.parametrize("value", POISON.values(), ids=POISON.keys())
@pytest.mark.parametrize("field", ["rencana_hasil_kerja", "indikator", "target", "rhk_pimpinan"])
def test_an_skp_row_with_poisoned_text_is_refused(
    app: AppraisalApplication, clock: Clock, cycle_id: UUID, field: str, value: str
) -> None:
    clock.set(1, 10)
    message = refused(app, lambda: draft(app, cycle_id, **{field: value}))
    assert value not in message


@pytest.mark.parametrize("value", POISON.values(), ids=POISON.keys())
def test_a_perilaku_expectation_with_poisoned_text_is_refused(
    app: AppraisalApplication, clock: Clock, cycle_id: UUID, value: str
) -> None:
    clock.set(1, 10)
    perilaku = PERILAKU | {"AKUNTABEL": value}
    refused(
        app,
        lambda: app.draft_skp(
            asn(STAFF),
            cycle_id=cycle_id,
            employee_id=STAFF_ID,
            hasil_kerja=HASIL_KERJA,
            perilaku=perilaku,
        ),
    )


def test_an_skp_keeps_a_row_on_several_lines(
    app: AppraisalApplication, clock: Clock, cycle_id: UUID
) -> None:
    clock.set(1, 10)
    draft(app, cycle_id, rencana_hasil_kerja="Layanan KP:\r\n- tepat waktu\n- lengkap ")
    row = app.get_appraisal(HR_CALLER, cycle_id, STAFF_ID).hasil_kerja[0]
    assert row["rencana_hasil_kerja"] == "Layanan KP:\n- tepat waktu\n- lengkap"


def test_an_skp_has_at_most_fifty_rows(
    app: AppraisalApplication, clock: Clock, cycle_id: UUID
) -> None:
    clock.set(1, 10)
    rows = HASIL_KERJA * (MAX_SKP_ROWS // 2 + 1)
    message = refused(
        app,
        lambda: app.draft_skp(
            asn(STAFF),
            cycle_id=cycle_id,
            employee_id=STAFF_ID,
            hasil_kerja=rows,
            perilaku=PERILAKU,
        ),
        code="INVALID_SKP",
    )
    assert message == f"An SKP has at most {MAX_SKP_ROWS} hasil kerja rows, not {len(rows)}."


@pytest.mark.parametrize("value", POISON.values(), ids=POISON.keys())
def test_appraiser_feedback_with_poisoned_text_is_refused(
    app: AppraisalApplication, clock: Clock, approved: UUID, value: str
) -> None:
    clock.set(3, 14)
    refused(
        app,
        lambda: app.give_row_feedback(
            asn(KASI), cycle_id=approved, employee_id=STAFF_ID, row=1, text=value
        ),
    )


@pytest.mark.parametrize("value", POISON.values(), ids=POISON.keys())
def test_colleague_feedback_with_poisoned_text_is_refused(
    app: AppraisalApplication, clock: Clock, approved: UUID, value: str
) -> None:
    clock.set(3, 14)
    refused(
        app,
        lambda: app.give_colleague_feedback(
            asn(PEER), cycle_id=approved, employee_id=STAFF_ID, text=value
        ),
    )


@pytest.mark.parametrize("value", POISON.values(), ids=POISON.keys())
@pytest.mark.parametrize("field", ["realisation", "note", "evidence_document", "evidence_link"])
def test_a_realisation_with_poisoned_text_is_refused(
    app: AppraisalApplication, clock: Clock, approved: UUID, field: str, value: str
) -> None:
    clock.set(3, 14)
    fields = {"realisation": "40 usul KP", "note": "Rekap", "evidence_document": "ND/1"}
    refused(
        app,
        lambda: app.record_realisation(
            asn(STAFF), cycle_id=approved, employee_id=STAFF_ID, row=1, **(fields | {field: value})
        ),
    )


@pytest.mark.parametrize("value", POISON.values(), ids=POISON.keys())
def test_a_rating_with_a_poisoned_justification_is_refused(
    app: AppraisalApplication, clock: Clock, approved: UUID, value: str
) -> None:
    clock.set(4, 2)
    refused(
        app,
        lambda: app.rate(
            asn(KASI),
            cycle_id=approved,
            employee_id=STAFF_ID,
            checkpoint="Q1",
            hasil_kerja="SESUAI",
            perilaku_kerja="SESUAI",
            justification=value,
        ),
    )


@pytest.mark.parametrize("value", POISON.values(), ids=POISON.keys())
def test_a_hand_set_appraiser_that_no_person_can_be_is_refused(
    app: AppraisalApplication, cycle_id: UUID, value: str
) -> None:
    refused(
        app,
        lambda: app.override_appraiser(
            HR_CALLER,
            cycle_id=cycle_id,
            employee_id=STAFF_ID,
            appraiser=value,
            superior=None,
            reason="Kepala seksi cuti besar",
        ),
    )


@pytest.mark.parametrize("value", POISON.values(), ids=POISON.keys())
def test_an_objection_with_poisoned_reasons_is_refused(value: str) -> None:
    appraisal = rated_appraisal()
    with pytest.raises(InvalidInput) as raised:
        appraisal.file_objection(value, date(YEAR, 12, 1), at(12, 5), as_(STAFF))
    assert raised.value.code == "INVALID_INPUT"
    assert appraisal.collect_events() == []


@pytest.mark.parametrize(
    "value", [POISON["a NUL"], "x" * 1001, POISON["a lone surrogate"]], ids=POISON.keys()
)
def test_a_masyarakat_comment_with_poisoned_text_is_refused(value: str) -> None:
    appraisal = approved_appraisal()
    with pytest.raises(InvalidInput) as raised:
        appraisal.receive_masyarakat_rating("ab" * 16, 4, value, at(3, 14), hr())
    assert raised.value.code == "INVALID_INPUT"
    assert appraisal.collect_events() == []
