"""The progress bar of long operator commands: events done, events per second and ETA."""

from __future__ import annotations

import io

import pytest

from scripts.progress import ProgressBar


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_finished_bar_shows_all_events_their_rate_and_eta() -> None:
    stream = io.StringIO()
    bar = ProgressBar("rebuild", stream)
    for done in (0, 500, 1000):
        bar(done, 1000)
    bar.finish()

    last = stream.getvalue().split("\r")[-1]
    assert last.startswith("rebuild [")
    assert " 100% 1000/1000 events " in last
    assert " ev/s ETA 00:00" in last
    assert last.endswith("\n")


def test_a_total_that_grows_while_the_command_runs_is_followed() -> None:
    stream = io.StringIO()
    bar = ProgressBar("rebuild", stream)
    bar(100, 100)
    bar(150, 150)
    bar.finish()

    assert "150/150 events" in stream.getvalue().split("\r")[-1]


def test_on_a_terminal_the_bar_is_redrawn_in_place() -> None:
    stream = Terminal()
    bar = ProgressBar("generate", stream)
    bar(10, 20)
    bar.finish()

    output = stream.getvalue()
    assert output.count("\n") == 1  # one line, redrawn with carriage returns
    assert output.count("\rgenerate [") >= 2


def test_the_bar_writes_to_the_current_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    bar = ProgressBar("rebuild")
    bar(1, 1)
    bar.finish()

    captured = capsys.readouterr()
    assert "rebuild [" in captured.err
    assert captured.out == ""
