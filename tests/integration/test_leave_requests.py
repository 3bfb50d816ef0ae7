"""Leave requests through their application and read model: the employee asks, the atasan
considers, HR decides under the PPK's recorded delegation, the balance is charged in working
days of the seeded calendar; CLTN is the PPK's alone."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import date
from typing import Any

import pytest

from domain.errors import InsufficientLeaveBalance, InvalidLeaveRequest, NotAllowedForRole
from domain.meta import Actor
from domain.policy import NATIONAL
from projections.leave_requests import leave_requests_of
from projections.runner import ProjectionRunner
from scripts.datagen.policies import seed_holidays
from services.caller import Caller
from services.database import Database
from services.leave_requests import LeaveRequestsApplication
from services.policy import PolicyApplication
from services.read_pool import TenantPool, open_read_pool
from services.runtime import build_application
from tests.integration.scenarios import HR_OFFICER, TENANT, Office, SteppingClock

pytestmark = pytest.mark.integration

ADMIN = Caller(Actor("platform-admin", "admin"), TENANT, "leave-test")
PPK_USER = "walikota-palangkaraya"
DECREE = "Keputusan Walikota Palangka Raya Nomor 800/12/BKPSDM/2024"
AUTHORITY: dict[str, Any] = {
    "ppk_user_id": PPK_USER,
    "ppk_name": "Walikota Palangka Raya",
    "delegated_kinds": ["CT", "CS", "CAP"],
    "delegation": DECREE,
}


def person(nip: str, role: str) -> Caller:
    return Caller(Actor(nip, role), TENANT, f"leave-{role}", nip=nip)


@pytest.fixture
def policy(database: Database, clock: SteppingClock, personnel: Any) -> Iterator[PolicyApplication]:
    application = build_application(PolicyApplication, database, clock)
    seed_holidays(application, ADMIN)
    application.record_values(
        HR_OFFICER, kind="leave_authority", scope=TENANT, label="2024",
        effective_from=date(2024, 1, 1), values=AUTHORITY, source=DECREE,
    )  # fmt: skip
    yield application
    application.close()


@pytest.fixture
def requests(
    database: Database, clock: SteppingClock, policy: PolicyApplication
) -> Iterator[LeaveRequestsApplication]:
    application = build_application(LeaveRequestsApplication, database, clock)
    yield application
    application.close()


@pytest.fixture
async def tenant_pool(database: Database, runner: ProjectionRunner) -> AsyncIterator[Any]:
    pool = await open_read_pool(database, min_size=1, max_size=2)
    yield TenantPool(pool, TENANT)
    await pool.close()


def ask_christmas_week(requests: LeaveRequestsApplication, nip: str) -> Any:
    return requests.request_leave(
        person(nip, "employee"), leave_type="CT", start=date(2024, 12, 23),
        end=date(2024, 12, 27), reason="Natal bersama keluarga",
    )  # fmt: skip


async def test_a_request_recommended_and_decided_under_delegation_charges_working_days(
    requests: LeaveRequestsApplication,
    personnel: Any,
    office: Office,
    runner: ProjectionRunner,
    tenant_pool: Any,
) -> None:
    employee, atasan = office.nips[0], office.nips[1]
    # given a request over 23–27 December 2024 (25 Natal, 26 cuti bersama)
    asked = ask_christmas_week(requests, employee)
    # when the atasan agrees and HR decides under the delegation
    requests.recommend_leave(
        person(atasan, "supervisor"), request_id=asked.aggregate_id, nip=employee,
        consideration="DISETUJUI",
    )  # fmt: skip
    requests.decide_leave(HR_OFFICER, request_id=asked.aggregate_id, consideration="DISETUJUI")
    # then three working days are charged, once, on the one leave record
    [record] = personnel.get_employee(employee).leave
    assert (record.start, record.end, record.days) == (date(2024, 12, 23), date(2024, 12, 27), 3)
    # and the read model shows the request granted, under the delegation, with its reason
    runner.catch_up()
    row = await personnel_row(tenant_pool, personnel, employee)
    assert (row.status, row.recommendation, row.recommended_by) == ("GRANTED", "DISETUJUI", atasan)
    assert (row.decision, row.authority, row.delegation) == (
        "DISETUJUI", "DELEGATION", DECREE,
    )  # fmt: skip
    assert (row.decided_by, row.reason) == ("hr-officer-1", "Natal bersama keluarga")


async def personnel_row(pool: Any, personnel: Any, nip: str) -> Any:
    [row] = await leave_requests_of(pool, personnel.get_employee(nip).id)
    return row


def test_a_request_the_balance_cannot_cover_is_refused_when_asked(
    requests: LeaveRequestsApplication, office: Office
) -> None:
    with pytest.raises(InsufficientLeaveBalance):
        requests.request_leave(
            person(office.nips[0], "employee"), leave_type="CT", start=date(2024, 9, 2),
            end=date(2024, 10, 31),  # 44 working days; at most 24 after two untouched years
        )  # fmt: skip


def test_hr_may_not_decide_cltn_but_the_ppk_may(
    requests: LeaveRequestsApplication, personnel: Any, office: Office
) -> None:
    employee, atasan = office.nips[0], office.nips[1]
    asked = requests.request_leave(
        person(employee, "employee"), leave_type="CLTN", start=date(2024, 9, 2),
        end=date(2025, 8, 29), reason="Mendampingi suami tugas belajar",
    )  # fmt: skip
    requests.recommend_leave(
        person(atasan, "supervisor"), request_id=asked.aggregate_id, nip=employee,
        consideration="DISETUJUI",
    )  # fmt: skip
    with pytest.raises(NotAllowedForRole, match="not delegable"):
        requests.decide_leave(HR_OFFICER, request_id=asked.aggregate_id, consideration="DISETUJUI")
    ppk = Caller(Actor(PPK_USER, "supervisor"), TENANT, "leave-ppk")
    requests.decide_leave(ppk, request_id=asked.aggregate_id, consideration="DISETUJUI")
    [record] = personnel.get_employee(employee).leave
    assert record.leave_type == "CLTN"


def test_a_supervisor_who_is_not_the_ppk_may_not_decide(
    requests: LeaveRequestsApplication, office: Office
) -> None:
    asked = ask_christmas_week(requests, office.nips[0])
    requests.recommend_leave(
        person(office.nips[1], "supervisor"), request_id=asked.aggregate_id, nip=office.nips[0],
        consideration="DISETUJUI",
    )  # fmt: skip
    with pytest.raises(NotAllowedForRole, match="Only the PPK"):
        requests.decide_leave(
            person(office.nips[2], "supervisor"), request_id=asked.aggregate_id,
            consideration="DISETUJUI",
        )  # fmt: skip


def test_the_national_scope_holds_no_leave_authority(policy: PolicyApplication) -> None:
    assert policy.values_in_force("leave_authority", NATIONAL, date(2024, 7, 1)) is None


def test_a_request_longer_than_any_cuti_is_refused_before_its_calendar_is_read(
    requests: LeaveRequestsApplication, office: Office
) -> None:
    with pytest.raises(InvalidLeaveRequest, match="No cuti lasts"):
        requests.request_leave(
            person(office.nips[0], "employee"), leave_type="CLTN", start=date(2024, 9, 2),
            end=date(9999, 12, 31), reason="Tugas belajar",
        )  # fmt: skip
