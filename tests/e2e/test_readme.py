"""The README is executable: its commands and GraphQL walk-throughs run against a demo server.

Every fenced block with a language either runs here or carries `<!-- readme-test: skip (why)
-->`. The two setup commands are not re-run (that would recurse): the test command must be the
one `.ci/run` runs, and `jejak serve --demo` is started here, on a free port, and stopped with
SIGTERM.
"""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.e2e.readme_blocks import (
    INSTALL,
    JEJAK,
    PLACEHOLDERS,
    README,
    TEST,
    Block,
    blocks,
    commands,
    substitute,
    unrunnable,
    walkthrough,
)
from tests.e2e.readme_demo import Demo, jejak, start_demo, stop
from tests.integration.postgres_leftovers import data_folder

pytestmark = pytest.mark.e2e

CI = README.parent / ".ci" / "run"
GUIDES = sorted((README.parent / "docs" / "guides").glob("*.md"))
TENANTS = "{ tenants { code } }"


@pytest.fixture(scope="module")
def demo() -> Iterator[Demo]:
    """One demo server for the module; SIGTERM must stop it with exit code 0."""
    with data_folder() as data_dir:
        server = start_demo(data_dir)
        try:
            yield server
        finally:
            code = stop(server)
        assert code == 0, f"serve --demo exited with {code} after SIGTERM:\n{server.said()}"


def graphql(
    demo: Demo, token: str, query: str, variables: dict[str, Any] | None = None,
    min_position: int = 0,
) -> httpx.Response:  # fmt: skip
    headers = {"Authorization": f"Bearer {token}", "X-Min-Position": str(min_position)}
    body = {"query": query, "variables": variables or {}}
    return httpx.post(f"{demo.base}/graphql", json=body, headers=headers, timeout=60.0)


def demo_values(demo: Demo) -> dict[str, str]:
    """The placeholders' values on the demo: its employee's NIP and its latest finalised cycle's
    id (a what-if runs over a finalised cycle only)."""
    listed = jejak(demo, ["appraisal", "cycles", "--tenant", "pemkot-palangkaraya", "--json"])
    assert listed.returncode == 0, listed.stderr
    cycles = [json.loads(line) for line in listed.stdout.splitlines() if line.strip()]
    finalised = [c["id"] for c in cycles if c["finalised_on"]]
    assert finalised, listed.stdout
    return {"<NIP>": demo.users["employee"], "<cycle-id>": finalised[0]}


def ci_commands() -> list[list[str]]:
    """The command lines of `.ci/run`, `python -m pip` written as `pip`, without `--quiet`."""
    lines = []
    for line in CI.read_text().splitlines():
        if not line.startswith((".venv/", "python3")):
            continue
        words = [word for word in shlex.split(line) if word != "--quiet"]
        if words[:3] == [".venv/bin/python", "-m", "pip"]:
            words = [".venv/bin/pip", *words[3:]]
        lines.append(words)
    return lines


def test_every_block_of_the_readme_runs_here_or_is_marked_with_why_not() -> None:
    found = blocks()
    assert unrunnable(found) == []
    assert {b.text.strip() for b in found if b.language == "sh"} >= {INSTALL, TEST}
    assert walkthrough(found), "the README has GraphQL walk-throughs to run"
    assert all(b.skip for b in found if b.language == "sql"), "its one SQL block needs a role"


def test_an_unmarked_block_the_test_cannot_run_is_refused_until_it_says_why() -> None:
    text = "Install:\n\n```sh\napt-get install wrk\n```\n\n```python\nprint(1)\n```\n"
    refused = unrunnable(blocks(text))
    assert len(refused) == 2
    assert "`apt-get install wrk` is not a plain `.venv/bin/jejak` command" in refused[0]
    assert "```python block" in refused[1]
    marked = text.replace("```sh", "<!-- readme-test: skip (a system package) -->\n```sh")
    marked = marked.replace("```python", "<!-- readme-test: skip (an example) -->\n```python")
    assert unrunnable(blocks(marked)) == []


def test_a_readme_placeholder_outside_the_convention_is_refused() -> None:
    [block] = blocks("```sh\n.venv/bin/jejak audit employee <nip>\n```\n")
    with pytest.raises(AssertionError, match="placeholders"):
        commands(block)


def test_the_readme_test_command_is_the_one_ci_runs_after_the_readme_install() -> None:
    venv, install, serve = (shlex.split(step) for step in INSTALL.split("&&"))
    assert venv in ci_commands()
    assert install in ci_commands()
    assert shlex.split(TEST) in ci_commands()
    assert serve == [JEJAK, "serve", "--demo"]  # what the `demo` fixture starts, on a free port


def test_serve_demo_answers_healthz_and_graphql_with_a_token_it_printed(demo: Demo) -> None:
    assert httpx.get(f"{demo.base}/healthz", timeout=10.0).status_code == 200
    assert set(demo.tokens) >= {"hr_officer", "auditor", "employee", "training_institution"}
    response = graphql(demo, demo.tokens["hr_officer"], TENANTS)
    assert response.status_code == 200, response.text
    assert response.json()["data"]["tenants"] == [{"code": "pemkot-palangkaraya"}]


def run_commands(demo: Demo, found: list[Block]) -> list[list[str]]:
    """Run every runnable `jejak` line of `found` beside the demo; each must exit 0 and print."""
    values = demo_values(demo)
    lines = [
        words for block in found if block.language == "sh" and block.skip is None
        and block.text.strip() not in (INSTALL, TEST) for words in commands(block)
    ]  # fmt: skip
    for words in lines:
        ran = jejak(demo, [values.get(word, word) for word in words[1:]])
        assert ran.returncode == 0, f"{shlex.join(words)}:\n{ran.stdout}\n{ran.stderr}"
        assert ran.stdout.strip(), f"{shlex.join(words)} printed nothing"
        if words[1] == "token":  # a minted token is one the server accepts
            answer = graphql(demo, ran.stdout.strip(), TENANTS)
            assert answer.status_code == 200, answer.text
            assert "errors" not in answer.json(), answer.text
        if words[1:3] == ["audit", "employee"]:
            assert values["<NIP>"] in ran.stdout
    return lines


def run_walkthrough(demo: Demo, found: list[Block]) -> dict[str, Any]:
    """Run the GraphQL calls of `found` in order as their roles; each answers without errors."""
    values = demo_values(demo)
    position, payloads = 0, {}
    for call in walkthrough(found):
        assert call.variables, f"line {call.line}: the document has its variables"
        assert call.role in demo.tokens, f"line {call.line}: no demo token for {call.role}"
        for variables in call.variables:
            leftover = set(re.findall(r'"(<[^>"]+>)"', str(substitute(variables, values))))
            assert not leftover - set(PLACEHOLDERS), leftover
            assert not leftover, f"line {call.line}: {leftover} has no value yet"
            answer = graphql(
                demo, demo.tokens[call.role], call.document, substitute(variables, values),
                position,
            )  # fmt: skip
            body = answer.json()
            assert answer.status_code == 200, (call.line, body)
            assert "errors" not in body, (call.line, body)
            [(name, payload)] = body["data"].items()
            payloads[name] = payload
            if isinstance(payload, dict):
                position = max(position, payload.get("position", 0))
                if "programmeId" in payload:
                    values["<programme-id>"] = payload["programmeId"]
    return payloads


def test_the_readme_commands_run_beside_the_demo_server(demo: Demo) -> None:
    lines = run_commands(demo, blocks())
    assert {tuple(words[1:3]) for words in lines} >= {("token", "--user"), ("tenants",)}


def test_the_graphql_walk_through_runs_in_order_as_the_roles_it_names(demo: Demo) -> None:
    payloads = run_walkthrough(demo, blocks())

    # What the README says the year shows: the programme's JP, the credit naming its event.
    year = payloads["trainingYear"]
    credited = {credit["position"]: credit for credit in year["credits"]}
    completed = payloads["completeParticipant"]["position"]
    assert credited[completed]["jp"] == 10
    by_form = {row["key"]: row["jp"] for row in year["byForm"]}
    assert by_form["PELATIHAN_KLASIKAL"] >= 10
    assert year["earned"] >= 10


@pytest.mark.parametrize("guide", GUIDES, ids=lambda path: path.stem)
def test_each_guide_runs_beside_the_demo_server(demo: Demo, guide: Path) -> None:
    found = blocks(guide.read_text())
    assert unrunnable(found) == []
    ran = run_commands(demo, found)
    answered = run_walkthrough(demo, found)
    assert ran or answered, f"{guide.name} has nothing to run"
