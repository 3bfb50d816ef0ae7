"""No poison input through TrainingApplication: external learning, programmes, mentoring, catalogue.

Each refusal is INVALID_INPUT (or, for a completion date in the future, the INVALID_LEARNING
that rule always answered) and records nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from domain.errors import InvalidInput
from services.caller import Caller
from services.personnel import Outcome
from services.training import TrainingApplication
from tests.unit.training.conftest import (
    AT,
    HR,
    JUNIOR_NIP,
    LAST_SESSION,
    SENIOR_NIP,
    accepted,
    attended_all,
    caller,
    employee,
    log_head,
    records_nothing,
    settle,
)
from tests.unit.training.conftest import define as new_programme

JUNIOR = caller("employee", user=JUNIOR_NIP)
POISON = {
    "a NUL": "before\x00after",
    "an over-long value": "x" * 10_000,
    "a lone surrogate": "x\ud800y",
}
ON = date(2025, 6, 2)  # the application's clock: today


def refused(
    app: TrainingApplication, command: Callable[[], Any], code: str = "INVALID_INPUT"
) -> str:
    """Run a command expected to be refused; check its code and that it recorded nothing."""
    head = log_head(app)
    with pytest.raises(InvalidInput) as raised:
        command()
    assert raised.value.code == code
    assert log_head(app) == head
    return raised.value.message


def submit(app: TrainingApplication, **changes: Any) -> Outcome:
    """The junior employee submits their own external learning."""
    fields: dict[str, Any] = {
        "nip": JUNIOR_NIP,
        "title": "E-learning Literasi Digital ASN",
        "form": "e-learning",
        "provider": "ASN Corpu LAN",
        "completed_on": date(2025, 4, 20),
        "minutes": 600,
        "evidence_ref": "https://asn-unggul.example/sertifikat/123",
    }
    return app.submit_external_learning(JUNIOR, **(fields | changes))


@pytest.mark.parametrize("value", POISON.values(), ids=POISON.keys())
@pytest.mark.parametrize("field", ["title", "provider", "evidence_ref", "reason"])
def test_external_learning_with_poisoned_text_is_refused(
    app: TrainingApplication, field: str, value: str
) -> None:
    message = refused(app, lambda: submit(app, **{field: value}))
    assert value not in message


def test_external_learning_completed_in_the_far_future_is_refused(
    app: TrainingApplication,
) -> None:
    refused(app, lambda: submit(app, completed_on=date(9999, 12, 31)), "INVALID_LEARNING")


def test_external_learning_completed_before_1900_is_refused(app: TrainingApplication) -> None:
    message = refused(app, lambda: submit(app, completed_on=date(1899, 12, 31)))
    assert message == "The completion date 1899-12-31 is before 1900-01-01."


def with_catalogue(app: TrainingApplication, hr: Caller) -> None:
    app.add_competency(hr, code="DIGITAL", name="Layanan publik digital", kind="TEKNIS")


def define(app: TrainingApplication, hr: Caller, **changes: Any) -> Outcome:
    fields: dict[str, Any] = {
        "title": "Aplikasi Pelayanan Publik Digital",
        "form": "pelatihan klasikal",
        "competency_codes": ["DIGITAL"],
        "jp": 8,
        "provider": "Politeknik Mulyorejo",
        "capacity": 10,
        "sessions": ((date(2025, 7, 1), 180), (date(2025, 7, 2), 180)),
    }
    return app.define_programme(hr, **(fields | changes))


@pytest.mark.parametrize("value", POISON.values(), ids=POISON.keys())
@pytest.mark.parametrize("field", ["title", "provider"])
def test_a_programme_with_poisoned_text_is_refused(
    app: TrainingApplication, hr: Caller, field: str, value: str
) -> None:
    with_catalogue(app, hr)
    refused(app, lambda: define(app, hr, **{field: value}))


def test_a_programme_session_more_than_two_years_ahead_is_refused(
    app: TrainingApplication, hr: Caller
) -> None:
    with_catalogue(app, hr)
    far = ((date(2027, 6, 2), 180), (date(2027, 6, 3), 180))
    message = refused(app, lambda: define(app, hr, sessions=far))
    assert message.startswith("A session date 2027-06-03 is too far ahead")
    up_to_the_horizon = ((date(2027, 6, 1), 180), (date(2027, 6, 2), 180))
    assert define(app, hr, sessions=up_to_the_horizon).version == 1


@pytest.mark.parametrize("value", POISON.values(), ids=POISON.keys())
def test_a_competency_with_a_poisoned_name_is_refused(
    app: TrainingApplication, hr: Caller, value: str
) -> None:
    refused(app, lambda: app.add_competency(hr, code="DIGITAL", name=value, kind="TEKNIS"))


@pytest.mark.parametrize("value", POISON.values(), ids=POISON.keys())
def test_jabatan_requirements_under_a_poisoned_title_are_refused(
    app: TrainingApplication, hr: Caller, value: str
) -> None:
    with_catalogue(app, hr)
    refused(
        app,
        lambda: app.set_jabatan_requirements(hr, jabatan_title=value, competency_codes=["DIGITAL"]),
    )


def pair(app: TrainingApplication, hr: Caller, **changes: Any) -> Outcome:
    fields: dict[str, Any] = {
        "mentor_nip": SENIOR_NIP,
        "mentee_nip": JUNIOR_NIP,
        "starts_on": date(2025, 3, 1),
        "ends_on": date(2025, 8, 31),
        "goals": ["Mandiri melayani aduan masyarakat"],
    }
    return app.pair_mentoring(hr, **(fields | changes))


@pytest.mark.parametrize("value", POISON.values(), ids=POISON.keys())
def test_a_mentoring_with_a_poisoned_goal_is_refused(
    app: TrainingApplication, hr: Caller, value: str
) -> None:
    refused(app, lambda: pair(app, hr, goals=["Menyusun SOP", value]))


def test_a_mentoring_ending_more_than_two_years_ahead_is_refused(
    app: TrainingApplication, hr: Caller
) -> None:
    message = refused(app, lambda: pair(app, hr, ends_on=date(9999, 12, 31)))
    assert message.startswith("The end of a mentoring 9999-12-31 is too far ahead")


@pytest.mark.parametrize("value", POISON.values(), ids=POISON.keys())
def test_a_mentoring_meeting_with_a_poisoned_topic_is_refused(
    app: TrainingApplication, hr: Caller, value: str
) -> None:
    mentoring_id = pair(app, hr).aggregate_id
    refused(
        app,
        lambda: app.log_meeting(
            hr, mentoring_id=mentoring_id, held_on=date(2025, 5, 5), minutes=90, topic=value
        ),
    )


@pytest.mark.parametrize("value", POISON.values(), ids=POISON.keys())
def test_a_pass_with_a_poisoned_certificate_reference_is_refused(value: str) -> None:
    ani = employee(1)
    training = settle(attended_all(accepted(new_programme(), ani), ani))
    error = records_nothing(
        training,
        InvalidInput,
        lambda: training.complete(ani, "PASSED", 85.0, value, LAST_SESSION, AT, HR),
    )
    assert isinstance(error, InvalidInput)
    assert error.code == "INVALID_INPUT"
