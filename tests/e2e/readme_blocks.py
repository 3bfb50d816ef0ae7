"""The README's fenced blocks, read with a CommonMark parser, and what each asks the test to do.

A block tagged `sh`, `graphql`, `sql` or `json` (or any other language) is a walk-through block:
it must run, or be marked `<!-- readme-test: skip (why) -->` right before it. Untagged fences
are figures (the architecture diagram) and are left alone. A `graphql` block's first line is
`# as <role>`; the `json` blocks that follow it are the variables of one call each.
"""

from __future__ import annotations

import json
import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

README = Path(__file__).resolve().parents[2] / "README.md"
PLACEHOLDERS = ("<NIP>", "<cycle-id>", "<programme-id>")  # the README's convention
SKIP = re.compile(r"<!--\s*readme-test:\s*skip\s*\((?P<why>[^)]+)\)\s*-->")
ROLE = re.compile(r"#\s*as\s+(?P<role>[a-z_]+)\s*$")
INSTALL = (
    "python3 -m venv .venv && .venv/bin/pip install -e '.[dev]' && .venv/bin/jejak serve --demo"
)
TEST = ".venv/bin/python -m pytest"
JEJAK = ".venv/bin/jejak"


@dataclass(frozen=True)
class Block:
    """One fenced block: its language, text, first line in the README, and a skip reason."""

    language: str
    text: str
    line: int
    skip: str | None


@dataclass
class Call:
    """A GraphQL document of a walk-through, the role it runs as, and its variables per call."""

    document: str
    role: str
    line: int
    variables: list[dict[str, Any]] = field(default_factory=list)


def blocks(text: str | None = None) -> list[Block]:
    """Every fenced block, with the skip marker of the HTML comment right before it."""
    tokens = MarkdownIt("commonmark").parse(README.read_text() if text is None else text)
    found: list[Block] = []
    previous: Token | None = None
    for token in tokens:
        if token.type == "fence":
            marker = SKIP.search(previous.content) if previous is not None else None
            why = marker.group("why") if marker else None
            line = token.map[0] + 1 if token.map else 0
            found.append(Block(token.info.strip(), token.content, line, why))
        if token.level == 0 and not token.type.endswith("_close"):
            previous = token if token.type == "html_block" else None
    return found


def commands(block: Block) -> list[list[str]]:
    """The `jejak` command lines of a `sh` block; anything else is refused with its line."""
    lines = []
    for number, line in enumerate(block.text.splitlines(), block.line + 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        words = shlex.split(line)
        plain = words[0] == JEJAK and not {"|", "&&", ";", ">"} & set(words)
        assert plain, (
            f"README line {number}: `{line}` is not a plain `{JEJAK}` command; "
            "make it one or mark it <!-- readme-test: skip (why) -->"
        )
        unknown = set(re.findall(r"<[^>\s]+>", line)) - set(PLACEHOLDERS)
        assert not unknown, f"README line {number}: placeholders {unknown} are not {PLACEHOLDERS}"
        lines.append(words)
    return lines


def walkthrough(found: list[Block]) -> list[Call]:
    """The `graphql` blocks in order, each with the `json` blocks that follow it."""
    calls: list[Call] = []
    following = False
    for block in found:
        if block.skip is not None or block.language not in ("graphql", "json"):
            following = False
            continue
        if block.language == "graphql":
            first = block.text.splitlines()[0]
            role = ROLE.match(first)
            assert role, f"README line {block.line}: a graphql block opens with `# as <role>`"
            calls.append(Call(block.text, role.group("role"), block.line))
            following = True
            continue
        assert following, f"README line {block.line}: a json block follows a graphql block"
        calls[-1].variables.append(json.loads(block.text))
    return calls


def unrunnable(found: list[Block]) -> list[str]:
    """Blocks the test cannot run that say nothing about why: each one a message."""
    refused = []
    for block in found:
        if block.skip is not None or block.language in ("", "graphql", "json"):
            continue
        if block.language == "sh" and block.text.strip() in (INSTALL, TEST):
            continue
        if block.language == "sh":
            try:
                commands(block)
            except AssertionError as error:
                refused.append(str(error))
            continue
        refused.append(
            f"README line {block.line}: a ```{block.language} block the test cannot run; "
            "make it runnable or mark it <!-- readme-test: skip (why) -->"
        )
    return refused


def substitute(value: Any, values: dict[str, str]) -> Any:
    """`value` with every placeholder string replaced by its demo value."""
    if isinstance(value, str):
        return values.get(value, value)
    if isinstance(value, dict):
        return {key: substitute(item, values) for key, item in value.items()}
    if isinstance(value, list):
        return [substitute(item, values) for item in value]
    return value
