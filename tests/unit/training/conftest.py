"""Builders for competency-development scenarios: a fixed time, who acts, ids and programmes.

Aggregates in the "given" of a scenario are rebuilt from their recorded events (`settle`), as
the repository would load them, so they carry no pending events: whatever `collect_events()`
returns after a command is exactly what that command recorded.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeVar
from uuid import UUID, uuid5

import pytest
from eventsourcing.application import project_aggregate

from domain.aggregates.base import JejakAggregate
from domain.aggregates.employee import Employee
from domain.aggregates.training import Training
from domain.employment import EmploymentType
from domain.jabatan import parse_jabatan
from domain.learning import LearningForm
from domain.meta import Actor, EventMeta
from domain.nip import parse_nip
from domain.ranks import parse_golongan
from services.caller import Caller
from services.training import TrainingApplication
from tests.tenants import register_in

TENANT = "pemkot-mulyorejo"
AT = datetime(2025, 6, 2, 9, 30, tzinfo=UTC)  # "today" in every aggregate scenario
HR = EventMeta("hr-officer-1", "hr_officer", TENANT, "req-1")
# Two sessions of 3 hours in May 2025: 360 minutes hold 8 JP.
SESSIONS = ((date(2025, 5, 5), 180), (date(2025, 5, 6), 180))
LAST_SESSION = date(2025, 5, 6)

A = TypeVar("A", bound=JejakAggregate)


def employee(n: int) -> UUID:
    """The id of test employee number `n`."""
    return uuid5(UUID(int=0), f"employee-{n}")


def programme_id(n: int) -> UUID:
    return uuid5(UUID(int=0), f"programme-{n}")


def because(reason: str) -> EventMeta:
    """The HR officer's meta, stating a reason."""
    return replace(HR, reason=reason)


def settle(aggregate: A) -> A:
    """The aggregate as the repository would rebuild it from all its events so far."""
    rebuilt = project_aggregate(None, aggregate.collect_events())
    assert isinstance(rebuilt, type(aggregate))
    return rebuilt


def define(
    *,
    n: int = 1,
    capacity: int = 2,
    jp: int = 8,
    form: LearningForm = LearningForm.PELATIHAN_KLASIKAL,
    sessions: Sequence[tuple[date, int]] = SESSIONS,
    prerequisite_ids: Sequence[UUID] = (),
    competency_codes: Sequence[str] = ("DIGITAL-PELAYANAN",),
) -> Training:
    """A new programme ("Aplikasi Pelayanan Publik Digital"), its events still pending."""
    return Training.define(
        id=programme_id(n),
        title="Aplikasi Pelayanan Publik Digital",
        form=form,
        competency_codes=list(competency_codes),
        jp=jp,
        provider="Politeknik Mulyorejo",
        capacity=capacity,
        sessions=sessions,
        prerequisite_ids=prerequisite_ids,
        at=AT,
        meta=HR,
    )


def accepted(training: Training, *employees: UUID) -> Training:
    """Nominate and accept each employee in turn (pending events, not settled)."""
    for employee_id in employees:
        training.nominate(employee_id, set(), AT, HR)
        training.accept(employee_id, AT, HR)
    return training


def attended_all(training: Training, employee_id: UUID) -> Training:
    for session in range(1, len(training.sessions) + 1):
        training.record_attendance(employee_id, session, AT, HR)
    return training


def records_nothing(
    aggregate: JejakAggregate, error: type[Exception], command: Callable[[], Any]
) -> Exception:
    """Run a command expected to be refused, and check it recorded no event."""
    version = aggregate.version
    with pytest.raises(error) as raised:
        command()
    assert aggregate.collect_events() == []
    assert aggregate.version == version
    return raised.value


# --- the application on the in-memory store ------------------------------------------------
IN_MEMORY = {"PERSISTENCE_MODULE": "eventsourcing.popo"}
SENIOR_NIP = "198609262015051001"  # PNS since May 2015
JUNIOR_NIP = "199503142023022002"  # CPNS since Feb 2023
THIRD_NIP = "199001012018031003"  # PNS since Mar 2018


class Clock:
    """Starts on 2 June 2025 and moves on one second each time it is read."""

    def __init__(self, start: datetime = datetime(2025, 6, 2, 9, 0, tzinfo=UTC)) -> None:
        self.now = start

    def __call__(self) -> datetime:
        now, self.now = self.now, self.now + timedelta(seconds=1)
        return now


class Ids:
    """Deterministic ids: id-1, id-2, ... as UUIDs."""

    def __init__(self) -> None:
        self.issued: list[UUID] = []

    def __call__(self) -> UUID:
        self.issued.append(uuid5(UUID(int=0), f"id-{len(self.issued) + 1}"))
        return self.issued[-1]


def caller(role: str = "hr_officer", user: str | None = None, tenant: str = TENANT) -> Caller:
    return Caller(Actor(user or f"{role}-1", role), tenant, "req-1")


def appoint(app: TrainingApplication, nip: str, kind: EmploymentType = EmploymentType.PNS) -> None:
    """Save an appointed employee in the application's store, as PersonnelApplication would."""
    parsed = parse_nip(nip, kind)
    appointed_on = date(parsed.appointment_year, parsed.appointment_month or 1, 1)
    app.save(
        Employee.appoint(
            nip=parsed,
            name=f"Pegawai {nip[-3:]}",
            employment_type=kind,
            golongan=parse_golongan("III/a", kind),
            jabatan=parse_jabatan("PELAKSANA", "Pengadministrasi Kepegawaian"),
            unit_id=uuid5(UUID(int=0), "BKPSDM"),
            appointed_on=appointed_on,
            at=datetime(2025, 1, 2, tzinfo=UTC),
            meta=HR,
        )
    )


def log_head(app: TrainingApplication) -> int:
    return app.recorder.max_notification_id() or 0


@pytest.fixture
def app() -> TrainingApplication:
    """The application of the registered tenant with a senior PNS, a junior CPNS and a third
    PNS already appointed."""
    application = TrainingApplication(env=dict(IN_MEMORY), clock=Clock(), new_id=Ids())
    register_in(application, TENANT)
    appoint(application, SENIOR_NIP)
    appoint(application, JUNIOR_NIP, EmploymentType.CPNS)
    appoint(application, THIRD_NIP)
    return application


@pytest.fixture
def hr() -> Caller:
    return caller()
