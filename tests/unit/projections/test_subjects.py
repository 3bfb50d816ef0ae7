"""Which employees an event names: the rule behind an employee's full history."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from uuid import UUID, uuid5

from projections.base import Envelope
from projections.subjects import named_subjects

A, B, C = (uuid5(UUID(int=0), name) for name in "abc")
AGGREGATE = uuid5(UUID(int=0), "aggregate")


class Employee:
    @dataclass
    class Promoted:
        originator_id: UUID = A


class Training:
    @dataclass
    class ParticipantCompleted:
        employee_id: UUID
        originator_id: UUID = AGGREGATE

    @dataclass
    class Cancelled:
        released_ids: list[UUID]
        originator_id: UUID = AGGREGATE


class Mentoring:
    @dataclass
    class Paired:
        mentor_id: UUID
        mentee_id: UUID
        originator_id: UUID = AGGREGATE


class AppraisalCycle:
    @dataclass
    class EmployeesEnrolled:
        enrolments: list[dict[str, Any]] = field(default_factory=list)
        originator_id: UUID = AGGREGATE


def subjects(event: object) -> list[UUID]:
    return named_subjects(Envelope(1, event))


def test_an_employee_event_concerns_the_employee_it_belongs_to() -> None:
    assert subjects(Employee.Promoted()) == [A]


def test_a_training_event_concerns_the_participant_it_names() -> None:
    assert subjects(Training.ParticipantCompleted(employee_id=B)) == [B]


def test_a_cancelled_programme_concerns_everybody_it_released() -> None:
    assert subjects(Training.Cancelled(released_ids=[A, B])) == [A, B]


def test_a_pairing_concerns_mentor_and_mentee() -> None:
    assert subjects(Mentoring.Paired(mentor_id=A, mentee_id=C)) == [A, C]


def test_an_enrolment_concerns_every_enrolled_employee_once() -> None:
    enrolled: list[dict[str, Any]] = [
        {"employee_id": str(A)},
        {"employee_id": B},
        {"employee_id": str(A)},
    ]
    assert subjects(AppraisalCycle.EmployeesEnrolled(enrolments=enrolled)) == [A, B]
