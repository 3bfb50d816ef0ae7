"""No existence oracles in appraisal commands: another tenant's unit or cycle answers exactly
like an id that exists nowhere, and nothing is recorded."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID, uuid4

import pytest

from domain.aggregates.appraisal_cycle import AppraisalCycle
from domain.aggregates.org_unit import OrgUnit
from domain.errors import DomainError
from domain.meta import Actor, EventMeta
from services.appraisal import AppraisalApplication
from services.caller import Caller
from tests.tenants import register_in
from tests.unit.appraisal.conftest import (
    HASIL_KERJA,
    HR_CALLER,
    PERILAKU,
    SEKSI,
    STAFF,
    TENANT,
    YEAR,
    asn,
    at,
    employee_id,
)

KEMUNING = "pemkab-kemuning"
THEIR_HR = Caller(Actor("hr-9", "hr_officer"), KEMUNING, "req-9")


def answer(command: Callable[[], Any], asked: UUID) -> tuple[str, str]:
    """The refusal's code and message, with the id asked about blanked out."""
    with pytest.raises(DomainError) as refused:
        command()
    return refused.value.code, refused.value.message.replace(str(asked), "<asked>")


@pytest.fixture
def their_unit(app: AppraisalApplication) -> UUID:
    """Kemuning, registered, with a Dinas of its own and its own 2025 cycle."""
    register_in(app, KEMUNING)
    meta = EventMeta("hr-9", "hr_officer", KEMUNING, "req-9")
    unit = OrgUnit.create(
        code="DISDIK", name="Dinas Pendidikan", kind="DINAS", parent_id=None, at=at(1, 1), meta=meta
    )
    app.save(unit)
    app.open_cycle(THEIR_HR, year=YEAR, period="QUARTERLY", unit_ids=[unit.id])
    return unit.id


def head(app: AppraisalApplication) -> int:
    return app.recorder.max_notification_id() or 0


def test_opening_a_cycle_with_another_tenants_unit_answers_like_a_random_id(
    app: AppraisalApplication, their_unit: UUID
) -> None:
    # given
    before, random_id = head(app), uuid4()

    def open_with(unit_id: UUID) -> object:
        return app.open_cycle(HR_CALLER, year=YEAR, period="QUARTERLY", unit_ids=[SEKSI, unit_id])

    # when
    elsewhere, nowhere = (
        answer(lambda: open_with(their_unit), their_unit),
        answer(lambda: open_with(random_id), random_id),
    )
    # then
    assert elsewhere == nowhere
    assert elsewhere == ("UNIT_NOT_FOUND", f"No unit kerja <asked> in {TENANT}.")
    assert head(app) == before


CYCLE_COMMANDS: dict[str, Callable[[AppraisalApplication, UUID], object]] = {
    "participating_units": lambda app, c: app.participating_units(HR_CALLER, c),
    "rate_organisation": lambda app, c: app.rate_organisation(
        HR_CALLER, cycle_id=c, unit_id=SEKSI, rating="BAIK"
    ),
    "enrol": lambda app, c: app.enrol(HR_CALLER, cycle_id=c, candidates=[], units=[]),
    "draft_skp": lambda app, c: app.draft_skp(
        asn(STAFF),
        cycle_id=c,
        employee_id=employee_id(STAFF),
        hasil_kerja=HASIL_KERJA,
        perilaku=PERILAKU,
    ),
}


@pytest.mark.parametrize("command", CYCLE_COMMANDS.values(), ids=CYCLE_COMMANDS.keys())
def test_another_tenants_cycle_answers_like_a_cycle_that_does_not_exist(
    app: AppraisalApplication,
    their_unit: UUID,
    command: Callable[[AppraisalApplication, UUID], object],
) -> None:
    # given Kemuning's cycle, and an id no cycle has
    theirs, random_id = AppraisalCycle.id_for(KEMUNING, YEAR), uuid4()
    before = head(app)
    # when
    elsewhere = answer(lambda: command(app, theirs), theirs)
    nowhere = answer(lambda: command(app, random_id), random_id)
    # then
    assert elsewhere == nowhere
    assert elsewhere == ("CYCLE_NOT_FOUND", f"No appraisal cycle <asked> in {TENANT}.")
    assert head(app) == before


def test_rating_another_tenants_unit_in_ones_own_cycle_answers_like_a_random_id(
    app: AppraisalApplication, cycle_id: UUID, their_unit: UUID
) -> None:
    # given
    random_id = uuid4()

    def rate(unit_id: UUID) -> object:
        return app.rate_organisation(HR_CALLER, cycle_id=cycle_id, unit_id=unit_id, rating="BAIK")

    # when / then
    assert answer(lambda: rate(their_unit), their_unit) == answer(
        lambda: rate(random_id), random_id
    )
