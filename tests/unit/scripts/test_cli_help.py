"""Every command, subcommand, option and argument of `jejak` says what it is for in --help."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

from scripts.cli import build_parser


def undocumented(parser: argparse.ArgumentParser, path: str = "jejak") -> Iterator[str]:
    """Each subcommand without a line in its parent's help, and each option without help."""
    # argparse has no public way to list a parser's actions; `_actions` is what it reads itself.
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            described = {choice.dest for choice in action._choices_actions}
            for name, sub in action.choices.items():
                if name not in described:
                    yield f"{path} {name}"
                yield from undocumented(sub, f"{path} {name}")
        elif not action.help or action.help == argparse.SUPPRESS:
            yield f"{path} {'/'.join(action.option_strings) or action.dest}"


def test_every_subcommand_option_and_argument_of_jejak_has_help() -> None:
    assert list(undocumented(build_parser())) == []


def test_the_check_finds_an_option_an_argument_and_a_subcommand_without_help() -> None:
    parser = argparse.ArgumentParser(prog="toy")
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("quiet")
    listed = commands.add_parser("listed", help="has a line")
    listed.add_argument("--limit", type=int)
    listed.add_argument("nip")
    listed.add_argument("--json", action="store_true", help="says what it does")

    assert list(undocumented(parser, "toy")) == [
        "toy quiet",
        "toy listed --limit",
        "toy listed nip",
    ]
