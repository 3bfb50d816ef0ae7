"""Builders for appraisal scenarios: one Dinas with a Bidang and a Seksi, their people, times.

The tree: DINAS (head: KEPALA, JPT Pratama) → BIDANG (head: KABID, Administrator) → SEKSI
(head: KASI, Pengawas) with two pelaksana, STAFF and PEER, and an ANALIS (JF) in the Bidang.
Derived chains: STAFF → KASI → KABID; KASI → KABID → KEPALA; KABID → KEPALA → None.

Aggregates are built by running their commands and then settled (pending events collected),
so whatever `collect_events()` returns after a command is exactly what that command recorded.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, TypeVar
from uuid import UUID, uuid5

import pytest

from domain.aggregates.appraisal_cycle import AppraisalCycle
from domain.aggregates.base import JejakAggregate
from domain.aggregates.employee_appraisal import EmployeeAppraisal
from domain.aggregates.org_unit import OrgUnit
from domain.appraisal import (
    BERAKHLAK,
    CycleSettings,
    EnrolmentCandidate,
    HasilKerja,
    Period,
    UnitNode,
    check_hasil_kerja,
    check_perilaku,
    derive_appraisers,
)
from domain.meta import Actor, EventMeta
from domain.scoring import Rating
from services.appraisal import AppraisalApplication
from services.caller import Caller
from tests.tenants import register_in

TENANT = "pemkot-palangkaraya"
YEAR = 2025
NS = UUID(int=7)
DINAS, BIDANG, SEKSI = (OrgUnit.id_for(TENANT, code) for code in ("DINAS", "BIDANG", "SEKSI"))
UNITS = [UnitNode(DINAS, None), UnitNode(BIDANG, DINAS), UnitNode(SEKSI, BIDANG)]

KEPALA = "197001012000031001"
KABID = "197502022001121002"
KASI = "198003032005011003"
STAFF = "198609262015051001"
PEER = "199001012019032004"
ANALIS = "198805052012012005"


def employee_id(nip: str) -> UUID:
    return uuid5(NS, nip)


CANDIDATES = [
    EnrolmentCandidate(employee_id(KEPALA), KEPALA, DINAS, "JPT_PRATAMA", True),
    EnrolmentCandidate(employee_id(KABID), KABID, BIDANG, "ADMINISTRATOR", True),
    EnrolmentCandidate(employee_id(KASI), KASI, SEKSI, "PENGAWAS", True),
    EnrolmentCandidate(employee_id(STAFF), STAFF, SEKSI, "PELAKSANA", False),
    EnrolmentCandidate(employee_id(PEER), PEER, SEKSI, "PELAKSANA", False),
    EnrolmentCandidate(employee_id(ANALIS), ANALIS, BIDANG, "FUNGSIONAL", False),
]

HASIL_KERJA = [
    HasilKerja(
        "UTAMA", "Layanan kenaikan pangkat tepat waktu", "WAKTU", "Usul KP diproses", "100%"
    ),
    HasilKerja("TAMBAHAN", "Data kepegawaian mutakhir", "KUALITAS", "Data valid", "95%"),
]
PERILAKU = {value: f"Ekspektasi {value.lower()}" for value in BERAKHLAK}
A = TypeVar("A", bound=JejakAggregate)


def at(month: int, day: int, hour: int = 3) -> datetime:
    """An injected UTC time in the cycle year; 03:00 UTC is 10:00 WIB."""
    return datetime(YEAR, month, day, hour, tzinfo=UTC)


def as_(user: str, reason: str | None = None, role: str = "employee") -> EventMeta:
    """The metadata of a command by `user` (a NIP for an ASN)."""
    return EventMeta(user, role, TENANT, "req-1", reason)


HR = EventMeta("hr-officer-1", "hr_officer", TENANT, "req-1")


def hr(reason: str | None = None) -> EventMeta:
    return EventMeta("hr-officer-1", "hr_officer", TENANT, "req-1", reason)


def settled(aggregate: A) -> A:
    """The aggregate with its pending events collected, as if saved and loaded."""
    aggregate.collect_events()
    return aggregate


def open_cycle(settings: CycleSettings | None = None) -> AppraisalCycle:
    settings = settings or CycleSettings(Period.QUARTERLY)
    cycle = AppraisalCycle.open(
        year=YEAR, unit_ids=[DINAS, BIDANG, SEKSI], settings=settings, at=at(1, 2), meta=HR
    )
    return settled(cycle)


def enrolled_cycle(settings: CycleSettings | None = None) -> AppraisalCycle:
    cycle = open_cycle(settings)
    cycle.enrol(CANDIDATES, derive_appraisers(CANDIDATES, UNITS), at(1, 3), HR)
    return settled(cycle)


def appraisal_of(cycle: AppraisalCycle, nip: str = STAFF) -> EmployeeAppraisal:
    """A fresh appraisal of an enrolled employee."""
    entry = cycle.enrolment(employee_id(nip))
    appraisal = EmployeeAppraisal.enrol(cycle.id, cycle.year, cycle.settings, entry, at(1, 3), HR)
    return settled(appraisal)


def approved_appraisal(nip: str = STAFF, **settings: Any) -> EmployeeAppraisal:
    """An appraisal whose SKP was drafted by the employee and approved in January."""
    cycle = enrolled_cycle(CycleSettings(Period.QUARTERLY, **settings))
    appraisal = appraisal_of(cycle, nip)
    rows, perilaku = check_hasil_kerja(HASIL_KERJA), check_perilaku(PERILAKU)
    appraisal.draft_skp(rows, perilaku, at(1, 10), as_(nip))
    appraisal.approve_skp(at(1, 20), as_(appraisal.appraiser or ""))
    return settled(appraisal)


def rated_appraisal(
    hasil: Rating = Rating.SESUAI, perilaku: Rating = Rating.SESUAI
) -> EmployeeAppraisal:
    """An approved appraisal with an annual rating from its appraiser (KASI)."""
    appraisal = approved_appraisal()
    appraisal.rate("ANNUAL", hasil, perilaku, "Sesuai target tahunan", at(12, 20), as_(KASI))
    return settled(appraisal)


# --- the application on the library's in-memory infrastructure ----------------------------
class Clock:
    """The clock the application is given; a scenario moves it."""

    def __init__(self) -> None:
        self.now = at(1, 2)

    def __call__(self) -> datetime:
        return self.now

    def set(self, month: int, day: int, hour: int = 3) -> None:
        self.now = at(month, day, hour)


def caller(user: str = "hr-officer-1", role: str = "hr_officer") -> Caller:
    return Caller(Actor(user, role), TENANT, "req-1")


def asn(nip: str) -> Caller:
    """An ASN acting in the employee role under their NIP."""
    return caller(nip, "employee")


HR_CALLER = caller()


def given_the_tenant(app: AppraisalApplication) -> None:
    """The registered tenant and its tree, recorded in the application's own in-memory store
    as the tenants and personnel applications would record them."""
    register_in(app, TENANT)
    for code, parent in (("DINAS", None), ("BIDANG", DINAS), ("SEKSI", BIDANG)):
        unit = OrgUnit.create(
            code=code, name=f"Unit {code}", kind=code, parent_id=parent, at=at(1, 1), meta=HR
        )
        app.save(unit)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def app(clock: Clock) -> Iterator[AppraisalApplication]:
    application = AppraisalApplication(
        env={"PERSISTENCE_MODULE": "eventsourcing.popo"}, clock=clock
    )
    given_the_tenant(application)
    yield application
    application.close()


@pytest.fixture
def cycle_id(app: AppraisalApplication, clock: Clock) -> UUID:
    """A quarterly cycle of the three units with everyone enrolled."""
    opened = app.open_cycle(
        HR_CALLER, year=YEAR, period="quarterly", unit_ids=[DINAS, BIDANG, SEKSI]
    )
    clock.set(1, 3)
    app.enrol(HR_CALLER, cycle_id=opened.aggregate_id, candidates=CANDIDATES, units=UNITS)
    return opened.aggregate_id


@pytest.fixture
def approved(app: AppraisalApplication, clock: Clock, cycle_id: UUID) -> UUID:
    """The cycle, with STAFF's SKP drafted and approved by KASI in January."""
    staff = employee_id(STAFF)
    clock.set(1, 10)
    app.draft_skp(
        asn(STAFF), cycle_id=cycle_id, employee_id=staff, hasil_kerja=HASIL_KERJA, perilaku=PERILAKU
    )
    app.approve_skp(asn(KASI), cycle_id=cycle_id, employee_id=staff)
    return cycle_id


def rate_everyone(app: AppraisalApplication, clock: Clock, cycle_id: UUID, rating: str) -> None:
    """Each employee with an appraiser drafts, gets approval and an annual rating."""
    for candidate in CANDIDATES:
        appraisal = app.get_appraisal(HR_CALLER, cycle_id, candidate.employee_id)
        if appraisal.appraiser is None:  # the kepala dinas, appraised by the kepala daerah
            app.override_appraiser(
                HR_CALLER,
                cycle_id=cycle_id,
                employee_id=candidate.employee_id,
                appraiser="kepala-daerah",
                superior=None,
                reason="Kepala daerah menilai kepala dinas",
            )
            appraisal = app.get_appraisal(HR_CALLER, cycle_id, candidate.employee_id)
        appraiser, ids = asn(appraisal.appraiser or ""), (cycle_id, candidate.employee_id)
        clock.set(1, 10)
        if appraisal.skp_status is None:
            app.draft_skp(
                asn(candidate.nip),
                cycle_id=cycle_id,
                employee_id=candidate.employee_id,
                hasil_kerja=HASIL_KERJA,
                perilaku=PERILAKU,
            )
            app.approve_skp(appraiser, cycle_id=ids[0], employee_id=ids[1])
        clock.set(12, 20)
        app.rate(
            appraiser,
            cycle_id=ids[0],
            employee_id=ids[1],
            checkpoint="ANNUAL",
            hasil_kerja=rating,
            perilaku_kerja=rating,
            justification="Penilaian akhir tahun",
        )


def rate_units(app: AppraisalApplication, cycle_id: UUID, rating: str) -> None:
    for unit in (DINAS, BIDANG, SEKSI):
        app.rate_organisation(HR_CALLER, cycle_id=cycle_id, unit_id=unit, rating=rating)
