"""Instansi: registered once under a tenant code, by the platform admin, for that tenant."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from eventsourcing.application import project_aggregate

from domain.aggregates.instansi import Instansi
from domain.errors import InvalidInput
from domain.instansi import InstansiKind, parse_instansi_kind
from domain.meta import EventMeta

ADMIN = EventMeta("platform-admin", "admin", "jejak-platform", "req-1", "Onboarding")


KEMUNING = "Pemerintah Kabupaten Kemuning"
AT = datetime(2025, 1, 6, tzinfo=UTC)


def register(code: str = "pemkab-kemuning", name: str = KEMUNING) -> Instansi:
    return Instansi.register(code=code, name=name, kind=InstansiKind.PEMKAB, at=AT, meta=ADMIN)


def test_registering_records_the_code_name_and_kind_at_the_injected_time(at: datetime) -> None:
    # when
    instansi = Instansi.register(
        code="pemkab-kemuning",
        name="Pemerintah  Kabupaten Kemuning ",
        kind=InstansiKind.PEMKAB,
        at=at,
        meta=ADMIN,
    )
    # then
    [registered] = instansi.collect_events()
    assert isinstance(registered, Instansi.Registered)
    assert (registered.code, registered.name, registered.kind) == (
        "pemkab-kemuning",
        "Pemerintah Kabupaten Kemuning",
        "PEMKAB",
    )
    assert (registered.originator_id, registered.timestamp) == (instansi.id, at)


def test_the_registration_belongs_to_the_new_tenant_and_names_the_admin_who_made_it() -> None:
    # when
    [registered] = register().collect_events()
    # then
    assert isinstance(registered, Instansi.Registered)
    assert registered.meta == EventMeta(
        "platform-admin", "admin", "pemkab-kemuning", "req-1", "Onboarding"
    )


def test_the_id_is_derived_from_the_code_so_a_code_is_registered_once() -> None:
    # when
    first, second = register(), register(name="Kabupaten Kemuning lagi")
    # then
    assert first.id == second.id == Instansi.id_for("pemkab-kemuning")
    assert Instansi.id_for("pemkab-kemuning") != Instansi.id_for("pemkot-kemuning")


def test_the_registered_instansi_is_rebuilt_from_its_event() -> None:
    # given
    events = register().collect_events()
    # when
    instansi = project_aggregate(None, events)
    # then
    assert isinstance(instansi, Instansi)
    assert (instansi.code, instansi.tenant, instansi.kind) == (
        "pemkab-kemuning",
        "pemkab-kemuning",
        "PEMKAB",
    )


@pytest.mark.parametrize("code", ["Pemkab-Kemuning", "pemkab kemuning", "x", "-pemkab", ""])
def test_a_code_that_is_not_a_lowercase_slug_is_refused(code: str) -> None:
    with pytest.raises(InvalidInput, match="lowercase slug"):
        register(code=code)


def test_a_name_of_one_character_is_refused() -> None:
    with pytest.raises(InvalidInput, match="instansi name"):
        register(name=" K ")


def test_the_kind_is_read_case_insensitively_and_an_unknown_one_is_refused() -> None:
    assert parse_instansi_kind(" pemprov ") is InstansiKind.PEMPROV
    with pytest.raises(InvalidInput, match="PEMKOT, PEMKAB, PEMPROV"):
        parse_instansi_kind("KEMENTERIAN")
