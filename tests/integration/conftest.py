"""Fixtures of the integration tier: the write application, a caller and an office of staff.

Each test gets a fresh database (tests/conftest.py); everything opened here is closed here.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from projections.reader import EventReader
from projections.runner import ProjectionRunner
from services.caller import Caller
from services.database import Database
from services.personnel import PersonnelApplication
from services.runtime import build_personnel, prepare_read_models
from tests.integration.scenarios import HR_OFFICER, TENANT, Office, SteppingClock, open_office
from tests.tenants import register_tenants


@pytest.fixture
def clock() -> SteppingClock:
    return SteppingClock()


@pytest.fixture
def personnel(database: Database, clock: SteppingClock) -> Iterator[PersonnelApplication]:
    """The write application on the test database, with the deterministic clock; the tenant
    is registered (log position 1)."""
    register_tenants(database, TENANT)
    application = build_personnel(database, clock=clock)
    yield application
    application.close()


@pytest.fixture
def caller() -> Caller:
    """An HR officer of Pemkot Palangka Raya."""
    return HR_OFFICER


@pytest.fixture
def reader(personnel: PersonnelApplication) -> EventReader:
    return EventReader(personnel)


@pytest.fixture
def runner(database: Database, reader: EventReader) -> Iterator[ProjectionRunner]:
    """A projection runner on freshly created read-model tables."""
    prepare_read_models(database, reader)
    projection_runner = ProjectionRunner(database, reader)
    yield projection_runner
    projection_runner.close()


@pytest.fixture
def office(personnel: PersonnelApplication, caller: Caller) -> Office:
    """A dinas with one bidang and three PNS appointed into the bidang."""
    return open_office(personnel, caller, staff=3)
