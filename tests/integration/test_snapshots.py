"""Employee snapshots in PostgreSQL: one every 10 events, and loading from one loses nothing."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from domain.aggregates.employee import Employee
from domain.errors import LeaveNotAllowed
from services.caller import Caller
from services.personnel import PersonnelApplication
from tests.integration.scenarios import Office

pytestmark = pytest.mark.integration

FIRST_MONDAY = date(2025, 1, 6)


@pytest.fixture
def long_record(personnel: PersonnelApplication, caller: Caller, office: Office) -> str:
    """An employee at version 52: 48 sick days, a promotion (version 50), a jabatan, a mutasi."""
    nip = office.nips[0]
    for week in range(48):
        day = FIRST_MONDAY + timedelta(weeks=week)
        personnel.grant_leave(caller, nip=nip, leave_type="CS", start=day, end=day)
    personnel.promote(caller, nip=nip, to_golongan="III/b", effective_on=date(2019, 4, 1))
    personnel.change_jabatan(
        caller,
        nip=nip,
        jabatan_kind="FUNGSIONAL",
        jabatan_title="Analis Kepegawaian",
        jabatan_jenjang="AHLI_PERTAMA",
        effective_on=date(2020, 1, 2),
    )
    personnel.transfer(caller, nip=nip, to_unit_id=office.dinas_id, effective_on=date(2021, 7, 1))
    return nip


def state(aggregate: object) -> dict[str, tuple[type, Any]]:
    return {name: (type(value), value) for name, value in vars(aggregate).items()}


def test_a_snapshot_is_taken_every_10_versions_of_an_employee(
    personnel: PersonnelApplication, long_record: str
) -> None:
    assert personnel.snapshots is not None
    snapshots = personnel.snapshots.get(Employee.id_for(long_record))

    assert [snapshot.originator_version for snapshot in snapshots] == [10, 20, 30, 40, 50]


def test_an_employee_loaded_from_its_snapshot_equals_one_replayed_from_every_event(
    personnel: PersonnelApplication, long_record: str
) -> None:
    replayed: Any = None
    events: list[Any] = list(personnel.events.get(Employee.id_for(long_record)))
    for event in events:
        replayed = event.mutate(replayed)

    loaded = personnel.get_employee(long_record)

    assert loaded.version == replayed.version == 52
    assert state(loaded) == state(replayed)


def test_leave_granted_before_the_snapshot_still_counts_for_the_overlap_rule(
    personnel: PersonnelApplication, caller: Caller, long_record: str
) -> None:
    head = personnel.recorder.max_notification_id()

    with pytest.raises(LeaveNotAllowed, match="overlaps"):
        personnel.grant_leave(
            caller, nip=long_record, leave_type="CT", start=FIRST_MONDAY, end=FIRST_MONDAY
        )

    assert personnel.recorder.max_notification_id() == head
