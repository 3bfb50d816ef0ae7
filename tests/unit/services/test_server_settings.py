"""The embedded server's settings: a quarter of the memory for buffers, capped; the environment
overrides; the settings file is included from postgresql.conf once."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.server_settings import (
    INCLUDE_LINE,
    SETTINGS_FILE,
    embedded_settings,
    parse_settings,
    write_settings,
)

GB = 1024**3


def test_shared_buffers_take_a_quarter_of_the_memory() -> None:
    assert embedded_settings({}, memory_bytes=8 * GB)["shared_buffers"] == "2048MB"


def test_shared_buffers_are_capped_on_a_big_machine() -> None:
    assert embedded_settings({}, memory_bytes=256 * GB)["shared_buffers"] == "4096MB"


def test_shared_buffers_never_fall_below_postgresqls_default() -> None:
    assert embedded_settings({}, memory_bytes=GB // 4)["shared_buffers"] == "128MB"


def test_the_environment_overrides_a_default_and_adds_a_setting() -> None:
    environ = {"JEJAK_PG_SETTINGS": "shared_buffers=256MB, work_mem = 16MB"}

    settings = embedded_settings(environ, memory_bytes=24 * GB)

    assert settings["shared_buffers"] == "256MB"
    assert settings["work_mem"] == "16MB"
    assert settings["max_wal_size"] == "4GB"


def test_an_entry_without_a_value_is_refused_with_its_text() -> None:
    with pytest.raises(ValueError, match="'shared_buffers'"):
        parse_settings("work_mem=4MB,shared_buffers")


def test_the_settings_file_is_included_once_however_often_it_is_written(tmp_path: Path) -> None:
    (tmp_path / "postgresql.conf").write_text("shared_buffers = 128MB\n")

    write_settings(tmp_path, {"shared_buffers": "1GB"})
    write_settings(tmp_path, {"shared_buffers": "2GB", "application_name": "it's"})

    assert (tmp_path / "postgresql.conf").read_text().splitlines().count(INCLUDE_LINE) == 1
    written = (tmp_path / SETTINGS_FILE).read_text()
    assert "shared_buffers = '2GB'" in written
    assert "application_name = 'it''s'" in written
    assert "1GB" not in written
