"""Policy data through its application and read model: who may record what, and what is in force."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import date
from typing import Any

import pytest

from domain.errors import NotAllowedForRole, RuleViolation
from domain.meta import Actor
from domain.policy import NATIONAL
from projections.policy_values import policy_history, policy_in_force
from projections.runner import ProjectionRunner
from scripts.datagen.policies import seed_holidays
from services.caller import Caller
from services.database import Database
from services.policy import PolicyApplication
from services.read_pool import open_read_pool
from services.runtime import build_application
from tests.integration.scenarios import HR_OFFICER, TENANT, SteppingClock

pytestmark = pytest.mark.integration

ADMIN = Caller(Actor("platform-admin", "admin"), TENANT, "policy-test")
LIST_2024 = {
    "year": 2024,
    "holidays": [{"date": "2024-12-25", "name": "Hari Raya Natal"}],
    "cuti_bersama": [{"date": "2024-12-26", "name": "Cuti Bersama Hari Raya Natal"}],
}


@pytest.fixture
def policy(database: Database, clock: SteppingClock, personnel: Any) -> Iterator[PolicyApplication]:
    application = build_application(PolicyApplication, database, clock)
    yield application
    application.close()


@pytest.fixture
async def api_pool(database: Database, runner: ProjectionRunner) -> AsyncIterator[Any]:
    pool = await open_read_pool(database, min_size=1, max_size=2)
    yield pool
    await pool.close()


def record_2024(policy: PolicyApplication, caller: Caller = ADMIN, scope: str = NATIONAL) -> int:
    return policy.record_values(
        caller, kind="holidays", scope=scope, label="2024", effective_from=date(2024, 1, 1),
        values=LIST_2024, source="SKB 3 Menteri 855/2023, 3/2023, 4/2023", reason="SKB 2024",
    ).position  # fmt: skip


async def test_the_admin_records_a_national_list_the_api_role_reads_in_force(
    policy: PolicyApplication, runner: ProjectionRunner, api_pool: Any
) -> None:
    position = record_2024(policy)
    runner.catch_up()
    row = await policy_in_force(api_pool, "holidays", TENANT, date(2024, 12, 24))
    assert row is not None
    assert row.position == position
    assert row.version.scope == NATIONAL
    assert row.version.values == LIST_2024
    assert (row.actor_id, row.actor_role, row.reason) == ("platform-admin", "admin", "SKB 2024")
    assert await policy_in_force(api_pool, "holidays", TENANT, date(2023, 12, 31)) is None
    assert [r.position for r in await policy_history(api_pool, "holidays", NATIONAL)] == [position]


def test_the_write_side_answers_the_values_in_force_for_a_tenant(
    policy: PolicyApplication,
) -> None:
    record_2024(policy)
    version = policy.values_in_force("holidays", TENANT, date(2024, 12, 25))
    assert version is not None
    assert version.values["year"] == 2024


def test_an_hr_officer_may_not_record_national_policy(policy: PolicyApplication) -> None:
    with pytest.raises(NotAllowedForRole):
        record_2024(policy, HR_OFFICER, NATIONAL)


def test_an_hr_officer_may_not_set_a_national_only_kind_for_its_tenant(
    policy: PolicyApplication,
) -> None:
    with pytest.raises(NotAllowedForRole):
        record_2024(policy, HR_OFFICER, TENANT)


def test_the_admin_may_not_record_a_tenants_policy(policy: PolicyApplication) -> None:
    with pytest.raises(NotAllowedForRole):
        record_2024(policy, ADMIN, TENANT)


def test_hr_grants_cuti_tahunan_charged_in_working_days_of_the_seeded_calendar(
    policy: PolicyApplication, personnel: Any, office: Any, runner: ProjectionRunner
) -> None:
    # given the official lists, recorded as the platform admin
    seed_holidays(policy, ADMIN)
    # when HR grants cuti tahunan over 23–27 December 2024 (25 Natal, 26 cuti bersama)
    personnel.grant_leave(
        HR_OFFICER, nip=office.nips[0], leave_type="CT",
        start=date(2024, 12, 23), end=date(2024, 12, 27),
    )  # fmt: skip
    # then three working days are charged
    [record] = personnel.get_employee(office.nips[0]).leave
    assert record.days == 3


def test_absences_count_working_days_of_the_seeded_calendar(
    policy: PolicyApplication, personnel: Any, office: Any
) -> None:
    # given the official lists: 9 May 2024 Kenaikan Isa Almasih, 10 May cuti bersama
    seed_holidays(policy, ADMIN)
    nip = office.nips[1]
    # then a holiday is no absence
    with pytest.raises(RuleViolation, match="not a working day"):
        personnel.record_absence(HR_OFFICER, nip=nip, day=date(2024, 5, 9))
    # and the Wednesday before and the Monday after the long weekend run together
    for day in (date(2024, 5, 8), date(2024, 5, 13)):
        personnel.record_absence(HR_OFFICER, nip=nip, day=day)
    basis = personnel.absence_proposal(HR_OFFICER, nip, 2024)
    assert (basis.days_absent, basis.longest_run) == (2, 2)
