"""No poison input through PersonnelApplication: text and dates are checked where they enter.

Each refusal is INVALID_INPUT and records nothing, whatever the entry point (GraphQL, CLI and
the data generator all call these commands).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any
from uuid import UUID

import pytest

from domain.errors import InvalidInput
from services.caller import Caller
from services.personnel import Outcome, PersonnelApplication
from tests.unit.services.conftest import ON, PNS_NIP, employee_events, log_head

NUL, SURROGATE, END_OF_TIME = "before\x00after", "x\ud800y", date(9999, 12, 31)
POISON = {
    "a NUL": NUL,
    "an over-long value": "x" * 10_000,
    "a lone surrogate": SURROGATE,
}


def refused(app: PersonnelApplication, command: Callable[[], Any]) -> InvalidInput:
    """Run a command expected to be refused with INVALID_INPUT; check it recorded nothing."""
    head = log_head(app)
    with pytest.raises(InvalidInput) as raised:
        command()
    assert raised.value.code == "INVALID_INPUT"
    assert log_head(app) == head
    return raised.value


def award(app: PersonnelApplication, hr: Caller, **changes: Any) -> Outcome:
    fields: dict[str, Any] = {
        "nip": PNS_NIP,
        "kind": "PENGHARGAAN_INSTANSI",
        "title": "Pegawai Teladan",
        "awarded_on": ON,
        "reason": "SK Wali Kota 800/12/2025",
    }
    return app.record_award(hr, **(fields | changes))


@pytest.mark.parametrize("value", POISON.values(), ids=POISON.keys())
@pytest.mark.parametrize("field", ["title", "reason"])
def test_an_award_with_poisoned_text_is_refused(
    app: PersonnelApplication, hr: Caller, employee: Outcome, field: str, value: str
) -> None:
    error = refused(app, lambda: award(app, hr, **{field: value}))
    assert value not in error.message


def test_an_award_dated_at_the_end_of_time_is_refused(
    app: PersonnelApplication, hr: Caller, employee: Outcome
) -> None:
    error = refused(app, lambda: award(app, hr, awarded_on=END_OF_TIME))
    assert error.message.startswith("The award date 9999-12-31 is too far ahead")


def test_an_award_keeps_its_reason_on_several_lines_and_its_title_on_one(
    app: PersonnelApplication, hr: Caller, employee: Outcome
) -> None:
    award(app, hr, title="  Pegawai   Teladan ", reason=" SK 800/12\r\nditandatangani 1 Juni ")
    recorded = employee_events(app)[-1]
    assert recorded.title == "Pegawai Teladan"
    assert recorded.meta.reason == "SK 800/12\nditandatangani 1 Juni"


def cap_leave(app: PersonnelApplication, hr: Caller, **changes: Any) -> Outcome:
    fields: dict[str, Any] = {
        "nip": PNS_NIP,
        "leave_type": "CAP",
        "start": date(2025, 6, 9),
        "end": date(2025, 6, 11),
        "reason": "Orang tua sakit keras",
    }
    return app.grant_leave(hr, **(fields | changes))


@pytest.mark.parametrize("value", POISON.values(), ids=POISON.keys())
def test_leave_with_a_poisoned_reason_is_refused(
    app: PersonnelApplication, hr: Caller, employee: Outcome, value: str
) -> None:
    refused(app, lambda: cap_leave(app, hr, reason=value))


def test_leave_starting_more_than_two_years_ahead_is_refused(
    app: PersonnelApplication, hr: Caller, employee: Outcome
) -> None:
    far = {"start": date(2027, 6, 3), "end": date(2027, 6, 4)}
    error = refused(app, lambda: cap_leave(app, hr, **far))
    assert error.message == (
        "The leave start 2027-06-03 is too far ahead: at most 2 year(s) after today (2027-06-02)."
    )
    cap_leave(app, hr, start=date(2027, 6, 1), end=date(2027, 6, 2))  # up to the horizon


@pytest.mark.parametrize("value", POISON.values(), ids=POISON.keys())
def test_a_unit_with_a_poisoned_name_is_refused(
    app: PersonnelApplication, hr: Caller, value: str
) -> None:
    refused(app, lambda: app.create_unit(hr, code="DISDIK", name=value, kind="DINAS"))


def test_a_unit_name_on_two_lines_is_refused(app: PersonnelApplication, hr: Caller) -> None:
    error = refused(app, lambda: app.create_unit(hr, code="X", name="Dinas\nX", kind="DINAS"))
    assert error.message == "Name must be one line; it contains U+000A (a line break or tab)."


@pytest.mark.parametrize("value", POISON.values(), ids=POISON.keys())
def test_an_appointment_with_a_poisoned_name_is_refused(
    app: PersonnelApplication, hr: Caller, unit: Outcome, value: str
) -> None:
    refused(
        app,
        lambda: app.appoint_employee(
            hr,
            nip=PNS_NIP,
            name=value,
            employment_type="PNS",
            golongan="III/a",
            jabatan_kind="PELAKSANA",
            jabatan_title="Pengadministrasi Kepegawaian",
            unit_id=unit.aggregate_id,
            appointed_on=date(2015, 5, 1),
        ),
    )


@pytest.mark.parametrize(
    ("nip", "appointed_on", "refusal"),
    [
        (PNS_NIP, END_OF_TIME, "The appointment date 9999-12-31 is too far ahead"),
        # born 1 January 2026, TMT CPNS January 2044: a NIP no one can hold yet
        ("202601012044011001", date(2027, 1, 1), "The birth date 2026-01-01 is too far ahead"),
    ],
)
def test_an_appointment_in_the_far_future_or_of_someone_unborn_is_refused(
    app: PersonnelApplication,
    hr: Caller,
    unit: Outcome,
    nip: str,
    appointed_on: date,
    refusal: str,
) -> None:
    error = refused(
        app,
        lambda: app.appoint_employee(
            hr,
            nip=nip,
            name="Budi Santoso",
            employment_type="PNS",
            golongan="III/a",
            jabatan_kind="PELAKSANA",
            jabatan_title="Pengadministrasi Kepegawaian",
            unit_id=unit.aggregate_id,
            appointed_on=appointed_on,
        ),
    )
    assert error.message.startswith(refusal)


@pytest.mark.parametrize(
    "command",
    ["promote", "transfer", "confirm_as_pns", "end_employment", "impose_sanction"],
)
def test_no_effective_date_lies_more_than_two_years_ahead(
    app: PersonnelApplication, hr: Caller, unit: Outcome, employee: Outcome, command: str
) -> None:
    arguments: dict[str, dict[str, Any]] = {
        "promote": {"to_golongan": "III/b"},
        "transfer": {"to_unit_id": unit.aggregate_id},
        "confirm_as_pns": {"latsar_programme_id": UUID(int=1)},
        "end_employment": {"separation": "RETIREMENT", "reason": "BUP"},
        "impose_sanction": {"level": "RINGAN", "kind": "TEGURAN_LISAN", "reason": "Mangkir"},
    }
    run = getattr(app, command)
    refused(app, lambda: run(hr, nip=PNS_NIP, effective_on=END_OF_TIME, **arguments[command]))


@pytest.mark.parametrize("nip", [NUL, SURROGATE, "1" * 10_000])
def test_a_nip_no_employee_can_have_is_invalid_nip_and_never_echoed(
    app: PersonnelApplication, hr: Caller, employee: Outcome, nip: str
) -> None:
    head = log_head(app)
    with pytest.raises(InvalidInput) as raised:
        award(app, hr, nip=nip)
    assert raised.value.code == "INVALID_NIP"
    assert nip not in raised.value.message
    assert log_head(app) == head
