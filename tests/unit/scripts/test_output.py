"""How operator commands print: aligned columns, ISO 8601 times with offsets, JSON lines."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from uuid import UUID

from scripts.output import iso_time, json_line, one_line, table

WIB = timezone(timedelta(hours=7))


def test_columns_are_as_wide_as_their_widest_cell_and_numbers_align_right() -> None:
    text = table(["name", "count"], [["event_log", "7"], ["tenants", "1,234"]], right=["count"])

    assert text.splitlines() == [
        "name       count",
        "event_log      7",
        "tenants    1,234",
    ]


def test_the_last_column_carries_no_trailing_padding() -> None:
    text = table(["code", "name"], [["a", "long name"], ["b", "x"]])

    assert [line[-1] for line in text.splitlines()] == ["e", "e", "x"]


def test_a_time_is_printed_in_iso_8601_with_its_offset() -> None:
    assert (
        iso_time(datetime(2024, 7, 1, 8, 0, 2, 123456, tzinfo=UTC)) == "2024-07-01T08:00:02+00:00"
    )
    assert iso_time(datetime(2024, 7, 1, 15, 0, tzinfo=WIB)) == "2024-07-01T15:00:00+07:00"


def test_a_time_without_an_offset_is_taken_as_utc_as_timestamptz_stores_it() -> None:
    assert iso_time(datetime(2024, 7, 1, 8, 0)) == "2024-07-01T08:00:00+00:00"


def test_a_multi_line_reason_stays_on_its_row() -> None:
    assert one_line("Urusan keluarga\ndi Palangka Raya\t(2 hari)") == (
        "Urusan keluarga\\ndi Palangka Raya\\t(2 hari)"
    )
    assert one_line("Pindah ke Dinas Pendidikan") == "Pindah ke Dinas Pendidikan"


def test_a_json_line_keeps_times_with_offset_dates_and_ids_as_text_and_nesting() -> None:
    line = json_line(
        {
            "at": datetime(2024, 7, 1, 8, 0, 2, 5000, tzinfo=UTC),
            "on": date(2025, 1, 31),
            "id": UUID(int=1),
            "payload": {"to_golongan": "III/b", "nama": "Siti Rahayu"},
        }
    )

    assert "\n" not in line
    assert json.loads(line) == {
        "at": "2024-07-01T08:00:02.005000+00:00",
        "on": "2025-01-31",
        "id": "00000000-0000-0000-0000-000000000001",
        "payload": {"to_golongan": "III/b", "nama": "Siti Rahayu"},
    }
