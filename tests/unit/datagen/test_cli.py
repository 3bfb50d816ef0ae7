"""`jejak generate` as registered by `add_generate_command`."""

from __future__ import annotations

import argparse
from datetime import date

import pytest

from scripts.datagen.cli import add_generate_command, cmd_generate
from scripts.datagen.loader import DEFAULT_BATCH_SIZE
from scripts.datagen.regions import KERTAPATI, PALANGKARAYA, REGIONS


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="jejak")
    add_generate_command(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(argv)


def test_generate_takes_employees_seed_tenants_and_batch_size() -> None:
    args = parse(
        "generate", "--employees", "500", "--seed", "7", "--tenants", "palangkaraya,kertapati"
    )

    assert (args.employees, args.seed, args.tenants) == (500, 7, (PALANGKARAYA, KERTAPATI))
    assert args.batch_size == DEFAULT_BATCH_SIZE
    assert args.func is cmd_generate


def test_generate_defaults_to_every_region() -> None:
    assert parse("generate", "--employees", "40", "--seed", "1").tenants == REGIONS


def test_generate_runs_up_to_the_real_date_unless_today_is_given() -> None:
    assert parse("generate", "--employees", "40", "--seed", "1").today is None
    given = parse("generate", "--employees", "40", "--seed", "1", "--today", "2026-06-30")
    assert given.today == date(2026, 6, 30)


@pytest.mark.parametrize(
    "argv",
    [
        ("--employees", "0", "--seed", "1"),
        ("--employees", "10", "--seed", "1", "--tenants", "bandung"),
        ("--employees", "10", "--seed", "1", "--tenants", "kertapati,kertapati"),
        ("--seed", "1"),
        ("--employees", "10", "--seed", "1", "--today", "30/06/2026"),
    ],
)
def test_generate_refuses_bad_arguments(argv: tuple[str, ...]) -> None:
    with pytest.raises(SystemExit):
        parse("generate", *argv)
