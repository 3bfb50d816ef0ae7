"""Shared building blocks of the integration tests: staff, long histories, table snapshots."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeVar
from urllib.parse import quote, urlencode
from uuid import UUID

import psycopg

from domain.aggregates.employee import Employee
from domain.aggregates.org_unit import OrgUnit
from domain.awards import AwardKind
from domain.employment import EmploymentType, SeparationKind
from domain.jabatan import parse_jabatan
from domain.leave import LeaveRequest, LeaveType
from domain.meta import Actor
from domain.nip import parse_nip
from domain.ranks import parse_golongan
from projections.base import READ_SCHEMA
from services.caller import Caller
from services.database import Database
from services.personnel import PersonnelApplication

T = TypeVar("T")

TENANT = "pemkot-palangkaraya"
REGISTERED = 1  # log position 1: the tenant's registration (the `personnel` fixture's)
HR_OFFICER = Caller(Actor("hr-officer-1", "hr_officer"), TENANT, "corr-integration")
APPOINTED_ON = date(2015, 3, 1)  # four years before the April 2019 promotions

# Every read model table with its primary key; positions without their wall-clock updated_at.
READ_MODEL_TABLES = {
    "tenants": ("*", "code"),
    "units": ("*", "id"),
    "employees": ("*", "id"),
    "employee_counts": ("*", "tenant, unit_id, employment_type, golongan, jabatan_kind, status"),
    "employee_totals": ("*", "tenant, unit_id, status"),
    "employee_subtree_totals": ("*", "tenant, unit_id, status"),
    "career_entries": ("*", "position"),
    "leave_entries": ("*", "position"),
    "event_log": ("*", "position"),
    "event_subjects": ("*", "employee_id, position"),
    "owned_aggregates": ("*", "originator_id"),
    "projection_positions": ("name, position", "name"),
}


class SteppingClock:
    """Deterministic command time: each reading is one second after the previous one."""

    def __init__(self, start: datetime = datetime(2024, 7, 1, 8, 0, tzinfo=UTC)) -> None:
        self._next = start
        self._lock = threading.Lock()

    def __call__(self) -> datetime:
        with self._lock:
            now, self._next = self._next, self._next + timedelta(seconds=1)
        return now


def nip(index: int) -> str:
    """A valid PNS NIP with TMT CPNS 05-2015, alternating sex; distinct for every index.

    The first 999 are born 26-09-1986 with serials 001 to 999; later ones a day later each 999.
    """
    born = date(1986, 9, 26) + timedelta(days=index // 999)
    return f"{born:%Y%m%d}201505{1 + index % 2}{index % 999 + 1:03d}"


@dataclass(frozen=True)
class Office:
    """A dinas, its bidang and the NIPs of the PNS appointed into the bidang."""

    dinas_id: UUID
    bidang_id: UUID
    nips: list[str]


def open_office(personnel: PersonnelApplication, caller: Caller, staff: int) -> Office:
    """Create Dinas Pendidikan with one bidang and appoint `staff` PNS (III/a) into it."""
    dinas = personnel.create_unit(caller, code="DISDIK", name="Dinas Pendidikan", kind="DINAS")
    bidang = personnel.create_unit(
        caller,
        code="DISDIK-B1",
        name="Bidang Pembinaan SD",
        kind="BIDANG",
        parent_id=dinas.aggregate_id,
    )
    nips = [nip(i) for i in range(staff)]
    for i, employee_nip in enumerate(nips):
        personnel.appoint_employee(
            caller,
            nip=employee_nip,
            name=f"Pegawai {i + 1}",
            employment_type="PNS",
            golongan="III/a",
            jabatan_kind="PELAKSANA",
            jabatan_title="Pengadministrasi Umum",
            unit_id=bidang.aggregate_id,
            appointed_on=APPOINTED_ON,
        )
    return Office(dinas.aggregate_id, bidang.aggregate_id, nips)


def record_careers(personnel: PersonnelApplication, caller: Caller, employees: int) -> int:
    """Five units, then `employees` careers of eight events each; returns the log's head.

    Aggregates are built in memory and saved round by round (all appointments, then all
    promotions, ...), so each batch of the log mixes employees and each career spans batches.
    """
    at, meta, decided = personnel.clock, caller.meta(), caller.meta("SK Wali Kota 800/17/2025")
    root = OrgUnit.create(
        code="SETDA",
        name="Sekretariat Daerah",
        kind="SEKRETARIAT",
        parent_id=None,
        at=at(),
        meta=meta,
    )
    bagian = [
        OrgUnit.create(
            code=f"SETDA-{i}",
            name=f"Bagian {i}",
            kind="BAGIAN",
            parent_id=root.id,
            at=at(),
            meta=meta,
        )
        for i in range(1, 5)
    ]
    personnel.save(root, *bagian)
    people = [
        Employee.appoint(
            nip=parse_nip(nip(i), EmploymentType.PNS),
            name=f"Pegawai {i + 1}",
            employment_type=EmploymentType.PNS,
            golongan=parse_golongan("III/a", EmploymentType.PNS),
            jabatan=parse_jabatan("PELAKSANA", "Pengadministrasi Umum"),
            unit_id=bagian[i % 4].id,
            appointed_on=APPOINTED_ON,
            at=at(),
            meta=meta,
        )
        for i in range(employees)
    ]
    personnel.save(*people)
    analis = parse_jabatan("FUNGSIONAL", "Analis Kebijakan", "AHLI_PERTAMA")
    rounds: list[Callable[[int, Employee], object]] = [
        lambda _, e: e.promote("III/b", date(2019, 4, 1), at(), meta),
        lambda _, e: e.change_jabatan(analis, date(2020, 1, 2), at(), meta),
        lambda i, e: e.transfer(bagian[(i + 1) % 4].id, date(2021, 7, 1), at(), meta),
        lambda _, e: e.grant_leave(
            LeaveRequest(LeaveType.CT, date(2024, 3, 4), date(2024, 3, 8)), at(), meta
        ),
        lambda _, e: e.promote("III/c", date(2023, 4, 1), at(), meta),
        lambda _, e: e.record_award(
            AwardKind.SATYALANCANA_KARYA_SATYA_10,
            "Satyalancana Karya Satya X Tahun",
            date(2025, 8, 17),
            at(),
            meta,
        ),
        lambda i, e: (
            e.end_employment(SeparationKind.RESIGNATION, date(2025, 12, 31), at(), decided)
            if i % 3 == 0
            else e.grant_leave(
                LeaveRequest(LeaveType.CS, date(2025, 2, 3), date(2025, 2, 5)), at(), decided
            )
        ),
    ]
    for change in rounds:
        for i, employee in enumerate(people):
            change(i, employee)
        personnel.save(*people)
    return personnel.recorder.max_notification_id() or 0


def read_model_contents(database: Database, schema: str = READ_SCHEMA) -> dict[str, list[Any]]:
    """Every read-model table's rows, ordered by primary key (updated_at left out)."""
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        return {
            table: conn.execute(f"SELECT {columns} FROM {schema}.{table} ORDER BY {key}").fetchall()
            for table, (columns, key) in READ_MODEL_TABLES.items()
        }


def read_model_position(database: Database) -> int:
    """The position every live read model has reached (0 before the first batch)."""
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        row = conn.execute(
            f"SELECT coalesce(min(position), 0) FROM {READ_SCHEMA}.projection_positions"
        ).fetchone()
    return int(row[0]) if row else 0


def wait_until(condition: Callable[[], bool], seconds: float = 30) -> None:
    """Poll `condition` until it holds; fail after `seconds`."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"Still not so after {seconds} s.")
        time.sleep(0.01)


def database_url(database: Database) -> str:
    """The DATABASE_URL of `database`, host (or socket directory) and port in the query."""
    user, password = quote(database.user, safe=""), quote(database.password, safe="")
    query = urlencode({"host": database.host, "port": database.port})
    return f"postgresql://{user}:{password}@/{quote(database.dbname)}?{query}"


def run_with_timeout(work: Callable[[], T], seconds: float) -> T:
    """Run `work` in a daemon thread; fail instead of blocking the suite if it hangs."""
    results: list[T] = []
    errors: list[BaseException] = []

    def target() -> None:
        try:
            results.append(work())
        except BaseException as error:  # re-raised in the test's own thread
            errors.append(error)

    thread = threading.Thread(target=target, name="bounded-work", daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        raise TimeoutError(f"Still running after {seconds} s: it hangs.")
    if errors:
        raise errors[0]
    return results[0]
