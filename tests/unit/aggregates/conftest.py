"""Builders for aggregate scenarios: a fixed time, who acts, and employees already appointed.

The appointed employees are rebuilt from their recorded events, as the application would load
them, so they carry no pending events: whatever `collect_events()` returns after a command is
exactly what that command recorded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID, uuid5

import pytest
from eventsourcing.application import project_aggregate

from domain.aggregates.employee import Employee
from domain.employment import EmploymentType
from domain.jabatan import parse_jabatan
from domain.meta import EventMeta
from domain.nip import parse_nip
from domain.ranks import parse_golongan

TENANT = "pemkot-palangkaraya"
UNIT_ID = uuid5(UUID(int=0), "BKPSDM")

# 19860926 201505 1 001: a man born 26 Sep 1986, TMT CPNS May 2015.
PNS_NIP = "198609262015051001"
PNS_APPOINTED_ON = date(2015, 5, 1)
# 19950314 202302 2 002: a woman born 14 Mar 1995, TMT CPNS Feb 2023.
CPNS_NIP = "199503142023022002"
CPNS_APPOINTED_ON = date(2023, 2, 1)
# 19890225 2024 21 1 013: an NI PPPK, appointed in 2024 with PPPK code 21.
PPPK_NIP = "198902252024211013"
PPPK_APPOINTED_ON = date(2024, 3, 1)


def replay(events: Iterable[Any]) -> Employee:
    """The employee as the repository would rebuild it from its recorded events."""
    employee = project_aggregate(None, events)
    assert isinstance(employee, Employee)
    return employee


def appoint(
    nip: str,
    employment_type: EmploymentType,
    golongan: str,
    appointed_on: date,
    at: datetime,
    meta: EventMeta,
) -> Employee:
    """Employee.appoint with the NIP, golongan and jabatan parsed as the application does."""
    return Employee.appoint(
        nip=parse_nip(nip, employment_type),
        name="Budi Santoso",
        employment_type=employment_type,
        golongan=parse_golongan(golongan, employment_type),
        jabatan=parse_jabatan("PELAKSANA", "Pengadministrasi Kepegawaian"),
        unit_id=UNIT_ID,
        appointed_on=appointed_on,
        at=at,
        meta=meta,
    )


@pytest.fixture
def at() -> datetime:
    """The time the application injects into every command of a scenario."""
    return datetime(2025, 6, 2, 9, 30, tzinfo=UTC)


@pytest.fixture
def meta() -> EventMeta:
    """An HR officer of the tenant acting without a stated reason."""
    return EventMeta("hr-officer-1", "hr_officer", TENANT, "req-1")


@pytest.fixture
def given_appointed(at: datetime, meta: EventMeta) -> Callable[..., Employee]:
    """Builds an employee from its Appointed event (and any later events of the scenario)."""

    def build(
        nip: str = PNS_NIP,
        employment_type: EmploymentType = EmploymentType.PNS,
        golongan: str = "III/a",
        appointed_on: date = PNS_APPOINTED_ON,
    ) -> Employee:
        appointed = appoint(nip, employment_type, golongan, appointed_on, at, meta)
        return replay(appointed.collect_events())

    return build


@pytest.fixture
def pns(given_appointed: Callable[..., Employee]) -> Employee:
    """A PNS in golongan III/a, appointed on 1 May 2015."""
    return given_appointed()


@pytest.fixture
def cpns(given_appointed: Callable[..., Employee]) -> Employee:
    """A CPNS in golongan III/a, appointed on 1 Feb 2023."""
    return given_appointed(CPNS_NIP, EmploymentType.CPNS, "III/a", CPNS_APPOINTED_ON)


@pytest.fixture
def pppk(given_appointed: Callable[..., Employee]) -> Employee:
    """A PPPK in golongan IX, appointed on 1 Mar 2024."""
    return given_appointed(PPPK_NIP, EmploymentType.PPPK, "IX", PPPK_APPOINTED_ON)


@pytest.fixture
def given(at: datetime, meta: EventMeta) -> Callable[..., Employee]:
    """Applies a past event to an employee, as replay would, without making it pending."""

    def apply(employee: Employee, event_class: type[Employee.Event], **fields: Any) -> Employee:
        fields.setdefault("meta", meta)
        event = event_class(
            originator_id=employee.id,
            originator_version=employee.version + 1,
            timestamp=at,
            **fields,
        )
        mutated = event.mutate(employee)
        assert isinstance(mutated, Employee)
        return mutated

    return apply
