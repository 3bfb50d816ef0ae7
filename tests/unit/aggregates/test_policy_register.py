"""The policy register: versions by effective date, the later recording on a tie, checked values."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from domain.aggregates.policy_register import PolicyRegister
from domain.meta import EventMeta
from domain.policy import (
    NATIONAL,
    InvalidPolicyValues,
    UnknownPolicyKind,
    in_force_for_scope,
)

META = EventMeta("platform-admin", "admin", NATIONAL, "test")
AT = datetime(2024, 1, 2, tzinfo=UTC)


def year_list(year: int, *days: str) -> dict[str, object]:
    return {
        "year": year,
        "holidays": [{"date": d, "name": f"Libur {d}"} for d in days],
        "cuti_bersama": [],
    }


def register_with(*versions: tuple[date, dict[str, object]]) -> PolicyRegister:
    register = PolicyRegister.open(kind="holidays", scope=NATIONAL, at=AT, meta=META)
    for n, (effective, values) in enumerate(versions):
        register.record_values(
            label=str(effective.year), effective_from=effective, values=values,
            source="SKB test", at=datetime(2024, 1, 3 + n, tzinfo=UTC), meta=META,
        )  # fmt: skip
    return register


def test_the_version_in_force_is_the_latest_effective_on_or_before_the_day() -> None:
    register = register_with(
        (date(2024, 1, 1), year_list(2024, "2024-01-01")),
        (date(2025, 1, 1), year_list(2025, "2025-01-01")),
    )
    chosen = register.values_on(date(2024, 12, 31))
    assert chosen is not None
    assert chosen.values["year"] == 2024
    later = register.values_on(date(2025, 6, 1))
    assert later is not None
    assert later.values["year"] == 2025
    assert register.values_on(date(2023, 12, 31)) is None


def test_a_later_recording_for_the_same_date_replaces_the_earlier() -> None:
    register = register_with(
        (date(2024, 1, 1), year_list(2024, "2024-01-01")),
        (date(2024, 1, 1), year_list(2024, "2024-01-01", "2024-02-08")),
    )
    chosen = register.values_on(date(2024, 3, 1))
    assert chosen is not None
    assert len(chosen.values["holidays"]) == 2


def test_a_tenant_without_its_own_version_follows_the_national_one() -> None:
    national = register_with((date(2024, 1, 1), year_list(2024, "2024-01-01"))).versions
    assert in_force_for_scope([], national, date(2024, 5, 1)) == national[0]


def test_an_unknown_kind_is_refused() -> None:
    with pytest.raises(UnknownPolicyKind):
        PolicyRegister.open(kind="lottery_odds", scope=NATIONAL, at=AT, meta=META)


def test_values_are_checked_by_their_kind() -> None:
    register = register_with()
    with pytest.raises(InvalidPolicyValues):
        register.record_values(
            label="2024", effective_from=date(2024, 1, 1), values=year_list(2024, "2023-12-25"),
            source="SKB test", at=AT, meta=META,
        )  # fmt: skip
    assert register.versions == []
