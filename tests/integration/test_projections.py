"""Catching up the read models from the log: the rows each projection writes, exactly once."""

from __future__ import annotations

import json
from dataclasses import astuple
from datetime import date
from typing import Any

import psycopg
import pytest
from psycopg.rows import dict_row

from domain.aggregates.employee import Employee
from projections.event_log import LoggedEvent
from projections.reader import EventReader
from projections.registry import all_projections
from projections.runner import ProjectionRunner
from services.audit import audit_trail
from services.caller import Caller
from services.database import Database
from services.personnel import Outcome, PersonnelApplication
from tests.integration.scenarios import (
    APPOINTED_ON,
    REGISTERED,
    TENANT,
    Office,
    read_model_contents,
    record_careers,
)

pytestmark = pytest.mark.integration


@pytest.fixture
def careers(personnel: PersonnelApplication, caller: Caller, office: Office) -> dict[str, Outcome]:
    """Commands on the office's staff: a full career, a resignation, and one left alone."""
    first, second = office.nips[0], office.nips[1]
    return {
        "promoted": personnel.promote(
            caller, nip=first, to_golongan="III/b", effective_on=date(2019, 4, 1)
        ),
        "jabatan": personnel.change_jabatan(
            caller,
            nip=first,
            jabatan_kind="FUNGSIONAL",
            jabatan_title="Analis Kepegawaian",
            jabatan_jenjang="AHLI_PERTAMA",
            effective_on=date(2020, 1, 2),
        ),
        "transferred": personnel.transfer(
            caller,
            nip=first,
            to_unit_id=office.dinas_id,
            effective_on=date(2021, 7, 1),
            reason="Penataan pegawai",
        ),
        "annual_leave": personnel.grant_leave(
            caller,
            nip=first,
            leave_type="CT",
            start=date(2024, 3, 4),
            end=date(2024, 3, 8),
            reason="Urusan keluarga",
        ),
        "award": personnel.record_award(
            caller,
            nip=first,
            kind="SATYALANCANA_KARYA_SATYA_10",
            title="Satyalancana Karya Satya X Tahun",
            awarded_on=date(2025, 8, 17),
        ),
        "sick_leave": personnel.grant_leave(
            caller, nip=second, leave_type="CS", start=date(2025, 2, 3), end=date(2025, 2, 5)
        ),
        "resigned": personnel.end_employment(
            caller,
            nip=second,
            separation="RESIGNATION",
            effective_on=date(2025, 12, 31),
            reason="Atas permintaan sendiri",
        ),
    }


@pytest.fixture
def caught_up(runner: ProjectionRunner, careers: dict[str, Outcome]) -> int:
    """Catch the read models up with the log; how many events were applied."""
    return runner.catch_up()


def rows(database: Database, query: str, *params: Any) -> list[tuple[Any, ...]]:
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        return conn.execute(query, params).fetchall()


def test_catch_up_applies_every_event_in_the_log(caught_up: int, reader: EventReader) -> None:
    assert caught_up == reader.head() == REGISTERED + 2 + 3 + 7


def test_catch_up_writes_the_unit_tree(database: Database, office: Office, caught_up: int) -> None:
    dinas, bidang = office.dinas_id, office.bidang_id
    expected = [
        (dinas, TENANT, "DISDIK", "DINAS", None, 1, f"/{dinas}/", REGISTERED + 1),
        (bidang, TENANT, "DISDIK-B1", "BIDANG", dinas, 2, f"/{dinas}/{bidang}/", REGISTERED + 2),
    ]  # fmt: skip
    assert (
        rows(
            database,
            "SELECT id, tenant, code, kind, parent_id, depth, path, position FROM rm.units "
            "ORDER BY position",
        )
        == expected
    )


def test_catch_up_writes_each_employee_as_they_are_now(
    database: Database, office: Office, careers: dict[str, Outcome], caught_up: int
) -> None:
    dinas, bidang = office.dinas_id, office.bidang_id
    expected = sorted([
        (office.nips[0], "III/b", "Analis Kepegawaian", "AHLI_PERTAMA", dinas, f"/{dinas}/",
         "ACTIVE", None, None, 6, careers["award"].position),
        (office.nips[1], "III/a", "Pengadministrasi Umum", None, bidang, f"/{dinas}/{bidang}/",
         "ENDED", "RESIGNATION", date(2025, 12, 31), 3, careers["resigned"].position),
        (office.nips[2], "III/a", "Pengadministrasi Umum", None, bidang, f"/{dinas}/{bidang}/",
         "ACTIVE", None, None, 1, REGISTERED + 5),
    ])  # fmt: skip
    assert (
        rows(
            database,
            "SELECT nip, golongan, jabatan_title, jabatan_jenjang, unit_id, unit_path, status, "
            "separation, ended_on, version, last_position FROM rm.employees ORDER BY nip",
        )
        == expected
    )


def test_catch_up_writes_a_career_entry_per_change_with_the_state_after_it(
    database: Database, office: Office, caught_up: int
) -> None:
    dinas, bidang = office.dinas_id, office.bidang_id
    expected = [
        ("APPOINTED", APPOINTED_ON, "III/a", "Pengadministrasi Umum", bidang, "ACTIVE", None),
        ("PROMOTED", date(2019, 4, 1), "III/b", "Pengadministrasi Umum", bidang, "ACTIVE", None),
        ("JABATAN_CHANGED", date(2020, 1, 2), "III/b", "Analis Kepegawaian", bidang, "ACTIVE",
         None),
        ("TRANSFERRED", date(2021, 7, 1), "III/b", "Analis Kepegawaian", dinas, "ACTIVE",
         "Penataan pegawai"),
        ("AWARD_RECORDED", date(2025, 8, 17), "III/b", "Analis Kepegawaian", dinas, "ACTIVE",
         None),
    ]  # fmt: skip
    assert (
        rows(
            database,
            "SELECT kind, effective_on, golongan, jabatan_title, unit_id, status, reason "
            "FROM rm.career_entries WHERE employee_id = %s ORDER BY position",
            Employee.id_for(office.nips[0]),
        )
        == expected
    )


def test_a_career_entry_describes_its_change_and_who_made_it(
    database: Database, office: Office, caught_up: int
) -> None:
    assert rows(
        database,
        "SELECT detail, actor_id, actor_role FROM rm.career_entries WHERE employee_id = %s "
        "ORDER BY position",
        Employee.id_for(office.nips[0]),
    ) == [
        (detail, "hr-officer-1", "hr_officer")
        for detail in (
            "Appointed as PNS III/a",
            "III/a → III/b",
            "FUNGSIONAL: Analis Kepegawaian",
            "Mutasi Bidang Pembinaan SD → Dinas Pendidikan",
            "SATYALANCANA_KARYA_SATYA_10: Satyalancana Karya Satya X Tahun",
        )
    ]


def test_catch_up_writes_the_end_of_employment_with_its_reason(
    database: Database, office: Office, caught_up: int
) -> None:
    expected = [
        ("APPOINTED", APPOINTED_ON, "ACTIVE", "Appointed as PNS III/a", None),
        ("EMPLOYMENT_ENDED", date(2025, 12, 31), "ENDED", "RESIGNATION", "Atas permintaan sendiri"),
    ]
    entries = rows(
        database,
        "SELECT kind, effective_on, status, detail, reason FROM rm.career_entries "
        "WHERE employee_id = %s ORDER BY position",
        Employee.id_for(office.nips[1]),
    )
    assert entries == expected


def test_catch_up_writes_each_granted_leave(
    database: Database, office: Office, careers: dict[str, Outcome], caught_up: int
) -> None:
    first, second = Employee.id_for(office.nips[0]), Employee.id_for(office.nips[1])
    expected = [
        (careers["annual_leave"].position, first, "CT", date(2024, 3, 4), date(2024, 3, 8), 5,
         "Urusan keluarga", TENANT),
        (careers["sick_leave"].position, second, "CS", date(2025, 2, 3), date(2025, 2, 5), 3,
         None, TENANT),
    ]  # fmt: skip
    assert rows(database, "SELECT * FROM rm.leave_entries ORDER BY position") == expected


def test_the_event_log_read_model_says_what_the_event_store_says(
    database: Database, personnel: PersonnelApplication, office: Office, caught_up: int
) -> None:
    employee_id = Employee.id_for(office.nips[0])
    from_store = audit_trail(personnel, employee_id)

    with psycopg.connect(**database.psycopg_kwargs(), row_factory=dict_row) as conn:
        records = conn.execute(
            "SELECT * FROM rm.event_log WHERE originator_id = %s ORDER BY position", (employee_id,)
        ).fetchall()
    # jsonb keeps its own key order; the store's view is sorted JSON, so compare it that way.
    logged = [
        LoggedEvent(
            **{**r, "payload": json.dumps(r["payload"], sort_keys=True, ensure_ascii=False)}
        )
        for r in records
    ]

    assert [event.event_type for event in from_store] == [
        "Appointed",
        "Promoted",
        "JabatanChanged",
        "Transferred",
        "LeaveGranted",
        "AwardRecorded",
    ]
    assert [astuple(event) for event in logged] == [astuple(event) for event in from_store]


def test_the_event_log_holds_every_event_once_in_log_order(
    database: Database, reader: EventReader, caught_up: int
) -> None:
    positions = [row[0] for row in rows(database, "SELECT position FROM rm.event_log")]
    assert sorted(positions) == list(range(1, reader.head() + 1))


def test_every_projection_position_is_the_head_of_the_log(
    runner: ProjectionRunner, database: Database, reader: EventReader, caught_up: int
) -> None:
    names = sorted(projection.name for projection in all_projections())
    assert rows(database, "SELECT name, position FROM rm.projection_positions ORDER BY name") == [
        (name, reader.head()) for name in names
    ]
    assert runner.position() == reader.head()


def test_a_second_catch_up_applies_nothing_and_changes_nothing(
    runner: ProjectionRunner, database: Database, caught_up: int
) -> None:
    before = read_model_contents(database)

    assert runner.catch_up() == 0
    assert read_model_contents(database) == before


def test_catch_up_applies_only_the_events_recorded_since_the_last_one(
    runner: ProjectionRunner,
    personnel: PersonnelApplication,
    caller: Caller,
    office: Office,
    caught_up: int,
) -> None:
    outcome = personnel.promote(
        caller, nip=office.nips[2], to_golongan="III/b", effective_on=date(2020, 4, 1)
    )

    assert runner.catch_up() == 1
    assert runner.position() == outcome.position


def test_the_head_counts_agree_with_the_employee_rows_after_every_kind_of_change(
    database: Database, personnel: PersonnelApplication, caller: Caller, runner: ProjectionRunner
) -> None:
    record_careers(personnel, caller, employees=30)
    runner.catch_up()
    group = "tenant, unit_id, employment_type, golongan, jabatan_kind, status"
    counted = rows(
        database, f"SELECT {group}, count(*) FROM rm.employees GROUP BY {group} ORDER BY {group}"
    )
    kept = rows(database, f"SELECT {group}, n FROM rm.employee_counts ORDER BY {group}")
    assert len(kept) > 1
    assert kept == counted
