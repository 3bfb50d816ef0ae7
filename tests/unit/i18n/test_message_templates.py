"""Every refusal is a template the catalogue can look up, so none reads half in English.

An f-string (or `%`, `+`, `.format`) message cannot be a msgid, and an unmarked literal is never
extracted: either reads in Indonesian as its code's summary with the English in brackets. So
does a field's name (`what`) passed as a bare literal into a shared check. The walk reads the
source with `ast` and resolves each raised class in its module, so a new site fails here at
once; services/i18n/__init__.py says how to write one.
"""

from __future__ import annotations

import ast
import importlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from domain.errors import DomainError
from graphql_api.errors import ApiError

ROOT = Path(__file__).resolve().parents[3]
PACKAGES = ("access", "domain", "graphql_api", "projections", "scripts", "services")

#: Shared checks and refusals that take a phrase for their message (the field a value fills,
#: the action refused, the subject changed): no text argument of theirs may be bare.
PHRASE_TAKERS = frozenset(
    {
        "clean_text",
        "clean_optional_text",
        "check_date",
        "check_effective_date",
        "check_year",
        "check_name",
        "check_text",
        "parse_choice",
        "parse_date",
        "require",
        "require_reason",
        "check_expected_version",
        "retry_lost_races",
        "_check_can_change",
        "_require_pair_or_hr",
    }
)
#: What may stand for a message or a phrase: a marked template, or a value passed through.
MARKERS = frozenset({"N_", "Phrase", "the", "phrase", "cause", "listing"})

#: Work of this wave by others (their new messages are theirs to convert and translate).
SCORING = "appraisal scoring rules, in progress"

#: Sites not converted yet: per file, why, and each site's start (class and message); a
#: converted site must leave this list.
NOT_YET: dict[str, tuple[str, frozenset[str]]] = {
    "domain/scoring_policy.py": (
        SCORING,
        frozenset(
            {
                "InvalidPolicyValues('Each source is a line of te",
                "InvalidPolicyValues('most_is_plurality is true o",
                "InvalidPolicyValues('small_units.min_staff is a ",
                "InvalidPolicyValues(f\"The scoring policy's {what",
                'InvalidPolicyValues(f"Unknown scoring policy key',
                "InvalidPolicyValues(f'A condition of bands.{org_",
                "InvalidPolicyValues(f'bands.{org_rating} is a li",
                "InvalidPolicyValues(f'bands.{org_rating}: a perc",
                "InvalidPolicyValues(f'bands.{org_rating}: min_co",
                "InvalidPolicyValues(f'bands.{org_rating}: predik",
                "InvalidPolicyValues(f'{raw!r} is not one of {all",
            }
        ),
    ),
}


@dataclass(frozen=True)
class Site:
    path: str
    line: int
    text: str

    @property
    def excused(self) -> bool:
        return self.text[:48] in NOT_YET.get(self.path, ("", frozenset()))[1]


def modules() -> Iterator[tuple[str, ast.Module, dict[str, object]]]:
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT)
            name = ".".join(relative.with_suffix("").parts).removesuffix(".__init__")
            namespace = vars(importlib.import_module(name))
            yield str(relative), ast.parse(path.read_text(), str(relative)), namespace


def is_refusal(call: ast.Call, namespace: dict[str, object]) -> bool:
    try:
        raised = eval(ast.unparse(call.func), dict(namespace))  # names only, resolved in the module
    except Exception:  # a name bound at run time (a variable): not a class we can judge
        return False
    return isinstance(raised, type) and issubclass(raised, DomainError | ApiError)


def is_bare_text(node: ast.expr) -> bool:
    return isinstance(node, ast.JoinedStr) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str)
    )


def is_marked(node: ast.expr) -> bool:
    """A marked template or phrase, or a value passed through (a name, an attribute, …)."""
    if isinstance(node, ast.Constant):
        return False
    if isinstance(node, ast.JoinedStr | ast.BinOp):
        return False
    if isinstance(node, ast.Call):
        called = ast.unparse(node.func)
        return called in MARKERS or not called.endswith(".format")
    return True


def unmarked_messages() -> list[Site]:
    """Refusals raised (or built to be raised) with a message no catalogue can look up."""
    sites = []
    for path, tree, namespace in modules():
        for call in ast.walk(tree):
            if not (isinstance(call, ast.Call) and call.args and is_class_like(call.func)):
                continue
            if not is_marked(call.args[0]) and is_refusal(call, namespace):
                text = f"{ast.unparse(call.func)}({ast.unparse(call.args[0])[:60]}"
                sites.append(Site(path, call.lineno, text))
    return sites


def is_class_like(func: ast.expr) -> bool:
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    return name[:1].isupper()


def unmarked_phrases() -> list[Site]:
    sites = []
    for path, tree, _ in modules():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = ast.unparse(node.func).rsplit(".", 1)[-1]
            given = [*node.args, *(k.value for k in node.keywords)]
            for bare in (a for a in given if name in PHRASE_TAKERS and is_bare_text(a)):
                sites.append(Site(path, node.lineno, f"{name}(… {ast.unparse(bare)[:60]}"))
    return sites


def test_no_refusal_is_made_with_an_f_string_or_an_unmarked_message() -> None:
    found = [f"{s.path}:{s.line}: {s.text}" for s in unmarked_messages() if not s.excused]
    assert found == [], "write these as N_ templates with named values (services/i18n)"


def test_every_field_named_in_a_shared_check_is_a_marked_phrase() -> None:
    found = [f"{s.path}:{s.line}: {s.text}" for s in unmarked_phrases() if not s.excused]
    assert found == [], 'mark the phrase: clean_text(x, N_("A title"), …)'


def test_the_list_of_sites_not_yet_converted_only_shrinks() -> None:
    present = {(s.path, s.text[:48]) for s in unmarked_messages() + unmarked_phrases()}
    listed = {(path, text) for path, (_, texts) in NOT_YET.items() for text in texts}
    assert sorted(listed - present) == [], "converted: remove them from NOT_YET"


def test_the_walk_tells_an_f_string_refusal_from_a_template_and_from_other_errors() -> None:
    source = (
        'raise DomainError(f"No {x}.")\n'
        'raise DomainError(N_("No {x}."), x=x)\n'
        'raise ValueError(f"No {x}.")\n'
    )
    raises = [n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Raise)]
    calls = [r.exc for r in raises if isinstance(r.exc, ast.Call)]
    namespace: dict[str, object] = {"DomainError": DomainError, "ValueError": ValueError}
    flagged = [not is_marked(c.args[0]) and is_refusal(c, namespace) for c in calls]
    assert flagged == [True, False, False]
