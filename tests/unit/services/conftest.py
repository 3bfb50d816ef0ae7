"""PersonnelApplication on the library's in-memory (POPO) store, with a clock the test owns."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from domain.aggregates.employee import Employee
from domain.meta import Actor
from services.caller import Caller
from services.personnel import Outcome, PersonnelApplication
from tests.tenants import register_in

TENANT = "pemkot-palangkaraya"
OTHER_TENANT = "pemkab-kotawaringin-barat"
PNS_NIP = "198609262015051001"  # born 26 Sep 1986, TMT CPNS May 2015, male, serial 001
IN_MEMORY = {"PERSISTENCE_MODULE": "eventsourcing.popo"}
REGISTERED = 2  # log positions 1 and 2: the registrations of TENANT and OTHER_TENANT


class Clock:
    """Starts at a fixed time and moves on one second each time it is read."""

    def __init__(self, start: datetime = datetime(2025, 6, 2, 9, 0, tzinfo=UTC)) -> None:
        self.now = start

    def __call__(self) -> datetime:
        now, self.now = self.now, self.now + timedelta(seconds=1)
        return now


def new_app(clock: Clock | None = None) -> PersonnelApplication:
    """The application on its own in-memory store, both test tenants registered in it."""
    app = PersonnelApplication(env=dict(IN_MEMORY), clock=clock or Clock())
    register_in(app, TENANT, OTHER_TENANT)
    return app


def caller(role: str = "hr_officer", tenant: str = TENANT) -> Caller:
    return Caller(Actor(f"{role}-1", role), tenant, "req-1")


def create_unit(app: PersonnelApplication, by: Caller, code: str = "BKPSDM") -> Outcome:
    return app.create_unit(by, code=code, name=f"Unit {code}", kind="BADAN")


def appoint(
    app: PersonnelApplication, by: Caller, unit: Outcome, nip: str = PNS_NIP, **overrides: Any
) -> Outcome:
    fields: dict[str, Any] = {
        "nip": nip,
        "name": "Budi Santoso",
        "employment_type": "PNS",
        "golongan": "III/a",
        "jabatan_kind": "PELAKSANA",
        "jabatan_title": "Pengadministrasi Kepegawaian",
        "unit_id": unit.aggregate_id,
        "appointed_on": date(2015, 5, 1),
    }
    return app.appoint_employee(by, **(fields | overrides))


def log_head(app: PersonnelApplication) -> int:
    """The position of the last event in the application's log (0 when empty)."""
    return app.recorder.max_notification_id() or 0


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def app(clock: Clock) -> PersonnelApplication:
    return new_app(clock)


@pytest.fixture
def hr() -> Caller:
    return caller()


@pytest.fixture
def unit(app: PersonnelApplication, hr: Caller) -> Outcome:
    """The BKPSDM unit kerja of the tenant."""
    return create_unit(app, hr)


@pytest.fixture
def employee(app: PersonnelApplication, hr: Caller, unit: Outcome) -> Outcome:
    """A PNS in golongan III/a appointed into BKPSDM on 1 May 2015."""
    return appoint(app, hr, unit)


ON = date(2025, 6, 2)  # a Monday, when the commands of a test take effect
PROMOTION_ON = date(2025, 6, 1)  # a kenaikan pangkat period date (Peraturan BKN 4/2023)


def employee_events(app: PersonnelApplication) -> list[Any]:
    """Every stored event of the employee with PNS_NIP."""
    return list(app.events.get(Employee.id_for(PNS_NIP)))
