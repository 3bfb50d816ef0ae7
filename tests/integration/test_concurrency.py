"""Commands on one employee from two processes at once: no lost update, stale versions refused."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import date, timedelta

import pytest

from domain.errors import AlreadyExists, Conflict
from services.caller import Caller
from services.database import Database
from services.personnel import PersonnelApplication
from services.runtime import build_personnel
from tests.integration.scenarios import APPOINTED_ON, Office, SteppingClock

pytestmark = pytest.mark.integration

# Fewer than the application's 8 attempts: a command loses a race only to another save, so
# with 6 commands on each side no command can run out of attempts.
ROUNDS = 6


@pytest.fixture
def other_process(database: Database, clock: SteppingClock) -> Iterator[PersonnelApplication]:
    """A second write application on the same database, like a second server process."""
    application = build_personnel(database, clock=clock)
    yield application
    application.close()


def run_together(*commands: Callable[[], None]) -> None:
    """Run each command in its own thread, all released at once; fail on any error."""
    start = threading.Barrier(len(commands))
    errors: list[BaseException] = []

    def run(command: Callable[[], None]) -> None:
        start.wait()
        try:
            command()
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=run, args=(command,)) for command in commands]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not any(thread.is_alive() for thread in threads), "a command hung"
    assert errors == []


def test_leave_granted_from_two_processes_at_once_is_all_recorded(
    personnel: PersonnelApplication,
    other_process: PersonnelApplication,
    caller: Caller,
    office: Office,
) -> None:
    nip = office.nips[0]
    first_monday = date(2025, 2, 3)

    def grant_sick_days(application: PersonnelApplication, weekday: int) -> Callable[[], None]:
        def grant() -> None:
            for week in range(ROUNDS):
                day = first_monday + timedelta(weeks=week, days=weekday)
                application.grant_leave(caller, nip=nip, leave_type="CS", start=day, end=day)

        return grant

    run_together(grant_sick_days(personnel, 0), grant_sick_days(other_process, 3))

    employee = personnel.get_employee(nip)
    assert employee.version == 1 + 2 * ROUNDS
    assert sorted(r.start for r in employee.leave) == sorted(
        first_monday + timedelta(weeks=week, days=weekday)
        for week in range(ROUNDS)
        for weekday in (0, 3)
    )


def test_promotions_and_jabatan_changes_from_two_processes_at_once_are_both_kept(
    personnel: PersonnelApplication,
    other_process: PersonnelApplication,
    caller: Caller,
    office: Office,
) -> None:
    nip = office.nips[0]
    ladder = {2019: "III/b", 2023: "III/c"}  # four years in each pangkat (PP 99/2000 Pasal 7)
    titles = {year: f"Analis Kepegawaian {year}" for year in (2019, 2020, 2021, 2022)}

    def promote() -> None:
        for year, golongan in ladder.items():
            personnel.promote(caller, nip=nip, to_golongan=golongan, effective_on=date(year, 4, 1))

    def change_jabatan() -> None:
        for year, title in titles.items():
            other_process.change_jabatan(
                caller,
                nip=nip,
                jabatan_kind="PELAKSANA",
                jabatan_title=title,
                effective_on=date(year, 10, 1),
            )

    run_together(promote, change_jabatan)

    employee = personnel.get_employee(nip)
    assert employee.version == 1 + len(ladder) + len(titles)
    assert employee.golongan == "III/c"
    assert employee.jabatan == ("PELAKSANA", titles[2022], None)


def test_a_command_on_a_stale_version_raises_conflict_and_records_nothing(
    personnel: PersonnelApplication, caller: Caller, office: Office
) -> None:
    nip = office.nips[0]
    seen = personnel.get_employee(nip).version
    personnel.promote(caller, nip=nip, to_golongan="III/b", effective_on=date(2019, 4, 1))
    head = personnel.recorder.max_notification_id()

    with pytest.raises(Conflict):
        personnel.grant_leave(
            caller,
            nip=nip,
            leave_type="CT",
            start=date(2024, 3, 4),
            end=date(2024, 3, 8),
            expected_version=seen,
        )

    assert personnel.recorder.max_notification_id() == head
    assert personnel.get_employee(nip).version == seen + 1


def test_of_two_commands_made_at_once_on_the_same_version_one_is_recorded_the_other_conflicts(
    personnel: PersonnelApplication,
    other_process: PersonnelApplication,
    caller: Caller,
    office: Office,
) -> None:
    nip, outcomes = office.nips[0], []
    seen = personnel.get_employee(nip).version
    head = personnel.recorder.max_notification_id() or 0

    def grant(application: PersonnelApplication, day: date) -> Callable[[], None]:
        def command() -> None:
            try:
                application.grant_leave(
                    caller, nip=nip, leave_type="CS", start=day, end=day, expected_version=seen
                )
                outcomes.append("recorded")
            except Conflict:
                outcomes.append("conflict")

        return command

    run_together(grant(personnel, date(2025, 2, 3)), grant(other_process, date(2025, 2, 4)))

    assert sorted(outcomes) == ["conflict", "recorded"]
    assert personnel.get_employee(nip).version == seen + 1
    assert personnel.recorder.max_notification_id() == head + 1


def test_a_command_on_the_current_version_succeeds(
    personnel: PersonnelApplication, caller: Caller, office: Office
) -> None:
    nip = office.nips[0]
    current = personnel.get_employee(nip).version

    outcome = personnel.promote(
        caller,
        nip=nip,
        to_golongan="III/b",
        effective_on=date(2019, 4, 1),
        expected_version=current,
    )

    assert outcome.version == current + 1
    assert outcome.position == personnel.recorder.max_notification_id()


def test_appointing_an_already_appointed_nip_raises_already_exists(
    personnel: PersonnelApplication, caller: Caller, office: Office
) -> None:
    head = personnel.recorder.max_notification_id()

    with pytest.raises(AlreadyExists, match=office.nips[0]):
        personnel.appoint_employee(
            caller,
            nip=office.nips[0],
            name="Nama Lain",
            employment_type="PNS",
            golongan="III/a",
            jabatan_kind="PELAKSANA",
            jabatan_title="Pengadministrasi Umum",
            unit_id=office.dinas_id,
            appointed_on=APPOINTED_ON,
        )

    assert personnel.recorder.max_notification_id() == head
    assert personnel.get_employee(office.nips[0]).name == "Pegawai 1"


def test_creating_a_unit_with_a_taken_code_raises_already_exists(
    personnel: PersonnelApplication, caller: Caller, office: Office
) -> None:
    head = personnel.recorder.max_notification_id()

    with pytest.raises(AlreadyExists, match="DISDIK"):
        personnel.create_unit(caller, code="DISDIK", name="Dinas Lain", kind="DINAS")

    assert personnel.recorder.max_notification_id() == head
