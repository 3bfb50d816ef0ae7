"""Tenant-wide planned commands: appraisal cycles and training, run after every career.

Unlike an employee's steps, these act for many people (HR, an appraiser, a participant), so
each names who acts, and how many events it records (a plan knows its size before loading).
Activities of a tenant run in (date, rank, plan order), across all of its aggregates.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import date
from typing import ClassVar
from uuid import UUID

from domain.meta import Actor
from services.appraisal import AppraisalApplication
from services.caller import Caller, Role
from services.training import TrainingApplication


class PresetIds:
    """The training application's id source: the id the running activity planned."""

    def __init__(self) -> None:
        self.next: UUID | None = None

    def __call__(self) -> UUID:
        if self.next is None:
            raise RuntimeError("An activity creating an aggregate sets its id first.")
        next_id, self.next = self.next, None
        return next_id


@dataclass(frozen=True)
class Desk:
    """What tenant activities run against: the applications and the tenant's HR caller."""

    appraisal: AppraisalApplication
    training: TrainingApplication
    ids: PresetIds
    hr: Caller

    def as_(self, user_id: str, role: Role = Role.EMPLOYEE) -> Caller:
        """A caller of the tenant acting as `user_id` (an ASN's user id is their NIP)."""
        return Caller(Actor(user_id, role.value), self.hr.tenant, self.hr.correlation_id)


@dataclass(frozen=True, slots=True)
class Activity(ABC):
    """One planned tenant-wide command on a business date."""

    on: date
    rank: ClassVar[int] = 5

    @abstractmethod
    def run(self, desk: Desk) -> None:
        """Run the command; a domain error here is a bug in the plan and is raised."""

    @property
    def events(self) -> int:
        """How many events the command records."""
        return 1

    @property
    def sort_key(self) -> tuple[date, int]:
        return (self.on, self.rank)
