"""The scaling benchmarks (scripts/bench/scaling_*.py) at a tiny size: each prints a figure
above zero for every point it measures.

Benchmarks are not tests; this keeps docs/scaling.md's scripts from rotting.
"""

from __future__ import annotations

import re

import pytest

from scripts.bench.scaling_common import generate_log, private_server
from scripts.bench.scaling_replication import measure_replication, print_replicated
from scripts.bench.scaling_servers import lag_in_ms, measure_placements, print_placements
from scripts.bench.scaling_size import measure_size, print_sizes
from scripts.bench.scaling_writers import measure_writers, print_points
from services.database import Database
from services.runtime import catch_up_read_models

pytestmark = pytest.mark.integration

# A table row: its first cells (a name, then a measured number).
ROW = re.compile(
    r"^\| (?P<name>[a-z:\- ]+) \| (?:(?P<writers>\d+) \| )?(?P<figure>[\d,.]+) \|", re.M
)


def _rows(printed: str) -> list[tuple[str, str | None, float]]:
    return [
        (m["name"].strip(), m["writers"], float(m["figure"].replace(",", "")))
        for m in ROW.finditer(printed)
    ]


def test_lag_counts_from_the_last_sample_at_which_the_log_held_no_more_than_the_copy() -> None:
    heads = [(0.0, 10), (0.1, 20), (0.2, 30), (0.3, 30)]
    copies = [(0.0, 10), (0.1, 10), (0.2, 20), (0.3, 30)]

    lags = lag_in_ms(heads, copies)

    # At 0.1 s the copy lacks 11–20, which came after the sample at 0.0 s (10): 100 ms stale.
    assert lags == pytest.approx([0.0, 100.0, 100.0, 0.0])


def test_the_writers_benchmark_prints_commits_per_second_for_every_kind_and_writer_count(
    postgres_server: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    kinds = ("raw", "raw-nosync", "award")
    points = measure_writers(
        postgres_server, writers=(1, 2), kinds=kinds, seconds=0.2, employees=10
    )
    print_points(points, "tiny")

    rows = _rows(capsys.readouterr().out)
    assert [(name, writers) for name, writers, _ in rows] == [
        ("raw", "1"),
        ("raw", "2"),
        ("raw-nosync", "1"),
        ("raw-nosync", "2"),
        ("award", "1"),
        ("award", "2"),
    ]
    assert all(commits_per_second > 0 for _, _, commits_per_second in rows), rows
    assert all(p.errors == 0 and p.events >= p.commits for p in points), points


def test_the_two_server_benchmark_prints_a_catch_up_rate_for_each_placement(
    postgres_server: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    with private_server("jejak-test-second-") as second:
        placements = measure_placements(
            postgres_server, second, employees=10, follow_seconds=0.2, repetitions=1
        )
    print_placements(placements, "tiny")

    rows = _rows(capsys.readouterr().out)
    assert [name for name, _, _ in rows] == ["one server", "two servers"]
    assert all(catch_up_events > 0 for _, _, catch_up_events in rows), rows
    assert all(p.catch_up_rate > 0 and p.followed_events > 0 for p in placements), placements


def test_the_replication_benchmark_prints_the_runner_rate_with_and_without_a_subscriber(
    postgres_server: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    with private_server("jejak-test-publisher-", {"wal_level": "logical"}) as publisher:
        found = measure_replication(publisher, postgres_server, employees=10, repetitions=1)
    print_replicated(found, "tiny")

    rows = _rows(capsys.readouterr().out)
    assert [name for name, _, _ in rows] == ["no", "yes"]
    assert all(events > 0 for _, _, events in rows), rows
    # The subscriber reached the runner's last position: every event reached the copy.
    assert found[1].caught_up, found


def test_the_size_benchmark_prints_bytes_per_event_for_every_part_of_the_database(
    database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    events = generate_log(database, 10)
    catch_up_read_models(database)

    size = measure_size(database, "tiny")
    print_sizes([size])

    rows = _rows(capsys.readouterr().out)
    assert size.events == events
    assert [name for name, _, _ in rows] == [
        "log: events",
        "log: snapshots",
        "read models",
        "ledger",
        "access log",
        "all parts",
    ]
    by_part = {name: bytes_per_event for name, _, bytes_per_event in rows}
    assert by_part["log: events"] > 0, rows
    assert by_part["read models"] > 0, rows
