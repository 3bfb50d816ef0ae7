"""The Employee's events keep the topics stored events carry, wherever their bodies live.

The event classes' bodies are in domain/aggregates/employee_events.py, the commands in
mixins; the log names every event `domain.aggregates.employee:Employee.<Name>`, and must go
on doing so, or the events already stored would no longer load.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from eventsourcing.domain import Snapshot
from eventsourcing.utils import get_topic, resolve_topic

from domain.aggregates.employee import Employee
from services.caller import Caller
from services.personnel import Outcome, PersonnelApplication
from tests.unit.services.conftest import PNS_NIP, PROMOTION_ON

# The topics as stored by the releases before the split (the log holds these strings).
STORED_TOPICS = [
    f"domain.aggregates.employee:Employee.{name}"
    for name in (
        "Appointed",
        "Promoted",
        "JabatanChanged",
        "Transferred",
        "ConfirmedAsPNS",
        "AwardRecorded",
        "SanctionImposed",
        "LeaveGranted",
        "EmploymentEnded",
    )
]


@pytest.mark.parametrize("topic", STORED_TOPICS)
def test_every_stored_topic_resolves_to_the_employee_event_of_that_name(topic: str) -> None:
    # when
    event_class = resolve_topic(topic)
    # then
    assert event_class is getattr(Employee, topic.rsplit(".", 1)[1])
    assert get_topic(event_class) == topic


def test_the_new_ijazah_event_is_named_in_the_same_module_as_the_others() -> None:
    assert get_topic(Employee.IjazahRecorded) == (
        "domain.aggregates.employee:Employee.IjazahRecorded"
    )


def test_events_stored_under_the_old_topics_load_into_the_employee(
    app: PersonnelApplication, hr: Caller, employee: Outcome
) -> None:
    # given: a promotion, stored, read back as the recorder holds it
    app.promote(hr, nip=PNS_NIP, to_golongan="III/b", effective_on=PROMOTION_ON)
    stored = app.recorder.select_events(employee.aggregate_id)
    # then: the rows name the old topics, and the aggregate loads from them
    assert [row.topic for row in stored] == STORED_TOPICS[:2]
    loaded = app.get_employee(PNS_NIP)
    assert (loaded.golongan, loaded.golongan_since) == ("III/b", PROMOTION_ON)


def test_a_snapshot_of_version_3_loads_without_an_ijazah(
    app: PersonnelApplication, employee: Outcome
) -> None:
    # given: a snapshot as Employee version 3 took it, before the ijazah was kept
    current = Snapshot.take(app.get_employee(PNS_NIP))
    state = {k: v for k, v in current.state.items() if k not in ("class_version", "ijazah")}
    state["class_version"] = 3
    assert app.snapshots is not None
    app.snapshots.put([replace(current, state=state)])
    # when
    loaded = app.get_employee(PNS_NIP)
    # then
    assert loaded.ijazah is None
    assert loaded.appointed_on == date(2015, 5, 1)
