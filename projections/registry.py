"""Every read model, in the order a batch applies them (units before the employees in them)."""

from __future__ import annotations

from projections.base import Projection
from projections.career import CareerProjection
from projections.employees import EmployeesProjection
from projections.event_log import EventLogProjection
from projections.leave import LeaveProjection
from projections.subjects import EventSubjectsProjection
from projections.units import UnitsProjection


def all_projections() -> list[Projection]:
    """Fresh instances of every projection (they keep per-batch state)."""
    return [
        UnitsProjection(),
        EmployeesProjection(),
        CareerProjection(),
        LeaveProjection(),
        EventLogProjection(),
        EventSubjectsProjection(),
    ]
