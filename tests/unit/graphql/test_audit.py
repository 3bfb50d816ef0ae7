from __future__ import annotations

from domain.aggregates.employee import Employee
from projections.event_log import LoggedEvent
from tests.unit.graphql.conftest import (
    NOW,
    OTHER_TENANT,
    TENANT,
    FakeReadModels,
    FakeRuntime,
    codes,
    employee_row,
    execute,
    make_context,
    nip_of,
    unit_row,
)

EVENTS = """query($nip: String!, $after: Int) { employeeEvents(nip: $nip, after: $after) {
  position version type recordedAt actorId actorRole tenant correlationId reason payload
} }"""


def seed(read_models: FakeReadModels, tenant: str = TENANT) -> None:
    dinas = unit_row("DISDIK", tenant=tenant)
    row = employee_row(nip_of(1), dinas)
    read_models.units, read_models.employees = [dinas], [row]
    read_models.events[row.id] = [
        LoggedEvent(position, row.id, version, "Employee", kind, NOW, "hr-1", "hr_officer",
                    tenant, f"corr-{version}", reason, '{"k": 1}')
        for position, version, kind, reason in [
            (3, 1, "Appointed", None),
            (8, 2, "Promoted", "SK 12/2024"),
            (11, 3, "Transferred", None),
        ]
    ]  # fmt: skip


async def test_an_auditor_sees_every_event_of_an_employee_in_log_order(
    read_models: FakeReadModels, runtime: FakeRuntime
) -> None:
    seed(read_models)
    result = await execute(make_context(runtime, role="auditor"), EVENTS, {"nip": nip_of(1)})
    assert result.errors is None
    events = result.data["employeeEvents"]
    assert [(e["position"], e["version"], e["type"]) for e in events] == [
        (3, 1, "Appointed"), (8, 2, "Promoted"), (11, 3, "Transferred"),
    ]  # fmt: skip
    assert events[1] == {
        "position": 8, "version": 2, "type": "Promoted", "recordedAt": NOW.isoformat(),
        "actorId": "hr-1", "actorRole": "hr_officer", "tenant": TENANT,
        "correlationId": "corr-2", "reason": "SK 12/2024", "payload": {"k": 1},
    }  # fmt: skip


async def test_events_are_paged_after_a_log_position(
    read_models: FakeReadModels, runtime: FakeRuntime
) -> None:
    seed(read_models)
    variables = {"nip": nip_of(1), "after": 3}
    result = await execute(make_context(runtime, role="auditor"), EVENTS, variables)
    assert [e["position"] for e in result.data["employeeEvents"]] == [8, 11]


async def test_an_hr_officer_may_not_read_the_event_history(
    read_models: FakeReadModels, runtime: FakeRuntime
) -> None:
    seed(read_models)
    result = await execute(make_context(runtime, role="hr_officer"), EVENTS, {"nip": nip_of(1)})
    assert codes(result) == ["FORBIDDEN"]
    assert read_models.calls == []


async def test_an_auditor_of_another_tenant_gets_employee_not_found(
    read_models: FakeReadModels, runtime: FakeRuntime
) -> None:
    seed(read_models, tenant=OTHER_TENANT)
    result = await execute(make_context(runtime, role="auditor"), EVENTS, {"nip": nip_of(1)})
    assert codes(result) == ["EMPLOYEE_NOT_FOUND"]
    assert ("events_about", (Employee.id_for(nip_of(1)), None, 100)) not in read_models.calls
