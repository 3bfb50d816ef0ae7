"""The request limits are set in one place and each can be changed by its variable."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from graphql_api.limits import Limits, env_name

README = Path(__file__).resolve().parents[3] / "README.md"


def test_without_variables_the_limits_are_the_defaults() -> None:
    assert Limits.from_env({}) == Limits()
    assert Limits().development


def test_each_limit_is_read_from_its_variable() -> None:
    environ = {"JEJAK_MAX_DEPTH": "9", "JEJAK_MAX_BODY_BYTES": "1_000", "JEJAK_ENV": "production"}
    limits = Limits.from_env(environ)
    assert (limits.max_depth, limits.max_body_bytes) == (9, 1000)
    assert not limits.development


@pytest.mark.parametrize(
    ("name", "raw"),
    [("JEJAK_MAX_COST", "lots"), ("JEJAK_MAX_TOKENS", "0"), ("JEJAK_MAX_ALIASES", "-1"),
     ("JEJAK_ENV", "staging")],
)  # fmt: skip
def test_a_malformed_variable_stops_the_start_naming_itself(name: str, raw: str) -> None:
    with pytest.raises(ValueError, match=name):
        Limits.from_env({name: raw})


def test_the_readme_documents_every_limit_variable() -> None:
    text = README.read_text(encoding="utf-8")
    missing = [env_name(f.name) for f in fields(Limits) if f"`{env_name(f.name)}`" not in text]
    assert missing == []
