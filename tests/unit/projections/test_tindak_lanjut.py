"""Since when a jabatan (or golongan) is held, read from a career history."""

from __future__ import annotations

from datetime import UTC, date, datetime
from uuid import UUID

from projections.career import CareerEntry
from projections.tindak_lanjut import held_since

UNIT = UUID(int=7)


def entry(position: int, on: date, title: str, golongan: str = "III/a") -> CareerEntry:
    return CareerEntry(
        position, UUID(int=1), "JABATAN_CHANGED", on, datetime(2025, 1, 1, tzinfo=UTC), "PNS",
        golongan, "FUNGSIONAL", title, UNIT, "ACTIVE", "", "hr-1", "hr_officer", None,
    )  # fmt: skip


def test_a_jabatan_is_held_since_the_first_entry_of_its_latest_run() -> None:
    history = [
        entry(1, date(2015, 3, 1), "Analis Ahli Pertama"),
        entry(2, date(2019, 4, 1), "Analis Ahli Muda", golongan="III/c"),
        entry(3, date(2021, 4, 1), "Analis Ahli Muda", golongan="III/d"),
    ]
    assert held_since(history, "jabatan_title") == date(2019, 4, 1)
    assert held_since(history, "golongan") == date(2021, 4, 1)


def test_without_a_history_nothing_is_known() -> None:
    assert held_since([], "jabatan_title") is None
