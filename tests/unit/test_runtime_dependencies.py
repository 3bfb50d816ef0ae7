"""`pip install .` gives a working `jejak`: nothing that ships imports a development tool.

The shipped packages are those pyproject.toml's setuptools section includes. A distribution is
*runtime* if `pip install .` brings it (the dependencies and what they require), *optional* if
an extra other than `dev` does (`otel`, `bench`), and *dev-only* otherwise (pytest, hypothesis,
mypy, …). Every import in shipped code is checked against those lists, and the code is
imported in a fresh interpreter in which the packages it may not use cannot be found.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tomllib
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
SHIPPED = [p.rstrip("*.") for p in PROJECT["tool"]["setuptools"]["packages"]["find"]["include"]]
EXTRAS = PROJECT["project"]["optional-dependencies"]
_NAME = re.compile(r"^\s*([A-Za-z0-9._-]+)(?:\[([^\]]*)\])?")
_EXTRA_MARKER = re.compile(r"""extra\s*==\s*["']([^"']+)["']""")


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _parse(requirement: str) -> tuple[str, set[str], str | None]:
    """(distribution, extras it asks for, the extra its marker requires or None)."""
    spec, _, marker = requirement.partition(";")
    match = _NAME.match(spec)
    assert match is not None, requirement
    extras = {_normal(e) for e in (match[2] or "").split(",") if e.strip()}
    needs = _EXTRA_MARKER.search(marker)
    return _normal(match[1]), extras, _normal(needs[1]) if needs else None


def closure(requirements: Iterable[str]) -> set[str]:
    """The distributions these requirements install, with everything they require."""
    seen: dict[str, set[str | None]] = {}  # distribution → its extras looked at (None: itself)
    pending = [_parse(r)[:2] for r in requirements]
    while pending:
        name, extras = pending.pop()
        if name == "jejak":  # the project naming its own extras (dev = jejak[otel], …)
            pending += [_parse(r)[:2] for e in extras for r in EXTRAS[e]]
            continue
        new = {None, *extras} - seen.setdefault(name, set())
        if not new:
            continue
        seen[name] |= new
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:  # for another platform (uvloop on Windows)
            continue
        for requirement in requires:
            dist, wanted, needs = _parse(requirement)
            if needs in new:
                pending.append((dist, wanted))
    return set(seen)


@cache
def distributions() -> tuple[set[str], set[str], set[str]]:
    """Runtime, optional (non-dev extras) and dev-only distributions."""
    runtime = closure(PROJECT["project"]["dependencies"])
    optional = closure(r for extra, reqs in EXTRAS.items() if extra != "dev" for r in reqs)
    optional -= runtime
    dev_only = closure(EXTRAS["dev"]) - runtime - optional
    return runtime, optional, dev_only


def modules_of(dists: set[str]) -> set[str]:
    """Top-level import names these distributions provide."""
    return {
        module
        for module, owners in metadata.packages_distributions().items()
        if any(_normal(owner) in dists for owner in owners)
    }


def shipped_imports() -> Iterator[tuple[str, str]]:
    """(file, top-level module) for every absolute import in shipped code, lazy ones too."""
    for package in SHIPPED:
        for path in sorted((ROOT / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(), str(path))):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    yield str(path.relative_to(ROOT)), name.partition(".")[0]


def test_shipped_code_imports_only_the_standard_library_its_own_and_installed_distributions() -> (
    None
):
    runtime, optional, _ = distributions()
    owners = metadata.packages_distributions()
    wrong = sorted(
        f"{path}: {module} ({', '.join(owners.get(module, ['no distribution']))})"
        for path, module in shipped_imports()
        if module not in sys.stdlib_module_names
        and module not in SHIPPED
        and not {_normal(d) for d in owners.get(module, [])} & (runtime | optional)
    )

    assert wrong == []


def test_the_check_knows_the_development_tools_as_dev_only() -> None:
    runtime, optional, dev_only = distributions()

    assert {"pytest", "hypothesis", "mypy", "ruff", "pytest-asyncio"} <= dev_only
    assert {"psycopg-pool", "graphql-core", "pyjwt"} <= runtime  # required by what we require
    assert "httpx" in optional  # `jejak bench` (the bench extra), not the service


BLOCKER = """
import importlib.abc, sys
BLOCKED = set(sys.argv[1].split(","))
class Uninstalled(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named {name!r} (not installed)", name=name)
        return None
sys.meta_path.insert(0, Uninstalled())
assert not BLOCKED & set(sys.modules), BLOCKED & set(sys.modules)
"""


def run_without(blocked: set[str], code: str) -> subprocess.CompletedProcess[str]:
    """`code` in a fresh interpreter where the `blocked` modules cannot be imported."""
    return subprocess.run(
        [sys.executable, "-c", BLOCKER + code, ",".join(sorted(blocked))],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )


def test_jejak_starts_and_serves_without_dev_tools_or_optional_extras() -> None:
    _, optional, dev_only = distributions()

    done = run_without(
        modules_of(optional | dev_only),
        "import graphql_api.app\n"
        "from scripts.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit as stop:\n    assert stop.code == 0\n",
    )

    assert (done.returncode, done.stderr) == (0, "")
    assert "usage: jejak" in done.stdout


def test_every_shipped_module_imports_without_the_dev_tools() -> None:
    *_, dev_only = distributions()

    done = run_without(
        modules_of(dev_only),
        "import importlib, pkgutil\n"
        f"for package in {SHIPPED!r}:\n"
        "    importlib.import_module(package)\n"
        "    for module in pkgutil.walk_packages(\n"
        "        sys.modules[package].__path__, package + '.'\n"
        "    ):\n"
        "        importlib.import_module(module.name)\n",
    )

    assert (done.returncode, done.stderr) == (0, "")
