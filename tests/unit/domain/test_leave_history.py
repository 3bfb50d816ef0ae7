"""LeaveHistory: the employee's granted leave, kept as one line of text and parsed when read."""

from __future__ import annotations

from copy import deepcopy
from datetime import date

from domain.leave import LeaveRecord, LeaveType
from domain.leave_history import LeaveHistory

CT = LeaveRecord(LeaveType.CT, date(2024, 3, 4), date(2024, 3, 8), 5)
CS = LeaveRecord(LeaveType.CS, date(2024, 12, 30), date(2025, 1, 2), 4)
CAP = LeaveRecord(LeaveType.CAP, date(2025, 6, 2), date(2025, 6, 2), 1)


def test_a_new_history_is_empty() -> None:
    assert len(LeaveHistory()) == 0
    assert list(LeaveHistory()) == []
    assert LeaveHistory().text == ""


def test_adding_returns_a_new_history_and_leaves_the_old_one_as_it_was() -> None:
    # given
    one = LeaveHistory().added(CT)
    # when
    two = one.added(CS)
    # then
    assert list(one) == [CT]
    assert list(two) == [CT, CS]
    assert two[-1] == CS


def test_the_text_holds_one_record_per_entry_and_reads_back_the_same_records() -> None:
    # given
    history = LeaveHistory([CT, CS, CAP])
    # when
    read = LeaveHistory.from_text(history.text)
    # then
    assert (
        history.text
        == "CT,2024-03-04,2024-03-08,5;CS,2024-12-30,2025-01-02,4;CAP,2025-06-02,2025-06-02,1"
    )
    assert list(read) == [CT, CS, CAP]
    assert all(isinstance(r.start, date) and isinstance(r.leave_type, LeaveType) for r in read)


def test_adding_to_an_unread_history_keeps_it_text_until_read() -> None:
    # given
    unread = LeaveHistory.from_text(LeaveHistory([CT]).text)
    # when
    added = unread.added(CS)
    # then
    assert added.text == LeaveHistory([CT, CS]).text
    assert list(added) == [CT, CS]


def test_a_history_equals_another_with_the_same_records_and_a_list_of_them() -> None:
    assert LeaveHistory([CT, CS]) == LeaveHistory().added(CT).added(CS)
    assert LeaveHistory([CT, CS]) == [CT, CS]
    assert [CT, CS] == LeaveHistory([CT, CS])  # noqa: SIM300 (the list asks the history)
    assert LeaveHistory([CT]) != LeaveHistory([CS])
    assert LeaveHistory([CT]) != "CT"


def test_a_deep_copy_is_the_same_immutable_history() -> None:
    history = LeaveHistory([CT])
    assert deepcopy(history) is history


def test_slicing_gives_the_records() -> None:
    assert list(LeaveHistory([CT, CS, CAP])[1:]) == [CS, CAP]
