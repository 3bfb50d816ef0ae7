"""OrgUnit: a unit kerja created with an id derived from (tenant, code), then renamed."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from eventsourcing.application import project_aggregate

from domain.aggregates.org_unit import OrgUnit
from domain.meta import EventMeta


def create(code: str, at: datetime, meta: EventMeta, parent: OrgUnit | None = None) -> OrgUnit:
    parent_id = parent.id if parent else None
    return OrgUnit.create(
        code=code, name="Badan Kepegawaian", kind="BADAN", parent_id=parent_id, at=at, meta=meta
    )


def test_creating_a_unit_records_created_for_the_tenant_at_the_injected_time(
    at: datetime, meta: EventMeta
) -> None:
    # when
    unit = create("BKPSDM", at, meta)
    # then
    [created] = unit.collect_events()
    assert isinstance(created, OrgUnit.Created)
    assert (created.originator_id, created.timestamp, created.meta) == (unit.id, at, meta)
    assert (created.tenant, created.code, created.name) == (
        meta.tenant,
        "BKPSDM",
        "Badan Kepegawaian",
    )
    assert (created.kind, created.parent_id) == ("BADAN", None)


def test_the_id_is_derived_from_the_tenant_and_the_code_in_any_case(
    at: datetime, meta: EventMeta
) -> None:
    # when
    unit = create("BKPSDM", at, meta)
    # then
    assert unit.id == OrgUnit.id_for(meta.tenant, "BKPSDM") == OrgUnit.id_for(meta.tenant, "bkpsdm")
    assert unit.id == create("bkpsdm", at + timedelta(days=1), meta).id


def test_the_same_code_in_another_tenant_is_another_unit(at: datetime, meta: EventMeta) -> None:
    # when
    ours = create("BKPSDM", at, meta)
    theirs = create("BKPSDM", at, replace(meta, tenant="pemkab-kotawaringin-barat"))
    # then
    assert ours.id != theirs.id
    assert theirs.tenant == "pemkab-kotawaringin-barat"


def test_a_unit_nested_under_a_parent_records_the_parent_id(at: datetime, meta: EventMeta) -> None:
    # given
    dinas = create("DISDIK", at, meta)
    # when
    bidang = create("DISDIK-GTK", at, meta, parent=dinas)
    # then
    [created] = bidang.collect_events()
    assert isinstance(created, OrgUnit.Created)
    assert created.parent_id == dinas.id


def test_renaming_a_unit_records_renamed_and_replays_to_the_new_name(
    at: datetime, meta: EventMeta
) -> None:
    # given
    unit = project_aggregate(None, create("BKPSDM", at, meta).collect_events())
    assert isinstance(unit, OrgUnit)
    # when
    unit.rename("Badan Kepegawaian dan Pengembangan SDM", at + timedelta(hours=1), meta)
    # then
    [renamed] = unit.collect_events()
    assert isinstance(renamed, OrgUnit.Renamed)
    assert (renamed.name, renamed.originator_version) == (
        "Badan Kepegawaian dan Pengembangan SDM",
        2,
    )
    assert renamed.timestamp == at + timedelta(hours=1)
    assert unit.name == "Badan Kepegawaian dan Pengembangan SDM"
