"""Policy data: values a decree sets or a region chooses, versioned by the date they take effect.

A rule never reads a constant a decree can change (design.md §12): it is given the values in
force on the date it judges. A version is one recording of a kind for a scope (`national` or a
tenant code), effective from a date; the version in force on a day is the one with the latest
effective date on or before it, a later recording winning for the same date, and a tenant
without a version of its own in force follows the national one.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from domain.errors import N_, InvalidInput, NotFound
from domain.units import check_tenant

NATIONAL = "national"  # the scope of values every tenant follows unless it has its own
MAX_VALUES_BYTES = 64_000  # a holiday list is ~3 kB; a year's TPP table well under this

Values = dict[str, Any]
Validator = Callable[[Mapping[str, Any]], Values]


class InvalidPolicyValues(InvalidInput):
    code = "INVALID_POLICY_VALUES"


class UnknownPolicyKind(InvalidInput):
    code = "UNKNOWN_POLICY_KIND"


class PolicyNotFound(NotFound):
    code = "POLICY_NOT_FOUND"


@dataclass(frozen=True)
class PolicyKind:
    """A kind of policy data: its name, how its values are checked, who may set it.

    `validate` returns the values as they are stored (normalised, JSON-able) or raises
    InvalidPolicyValues; `tenant_may_set` says whether a tenant may record its own version
    (a holiday list is national only: the SKB binds every instansi).
    """

    name: str
    validate: Validator
    tenant_may_set: bool = True
    description: str = ""


@dataclass(frozen=True)
class PolicyVersion:
    """One recording of a kind's values for a scope, in force from `effective_from`."""

    kind: str
    scope: str
    label: str
    effective_from: date
    values: Mapping[str, Any]
    source: str
    recorded_at: datetime
    sequence: int  # order of recording within the register: a later one wins on the same date


def check_scope(scope: str) -> str:
    """A scope is `national` or a tenant code (a lowercase slug)."""
    scope = scope.strip()
    return scope if scope == NATIONAL else check_tenant(scope)


def in_force(versions: Sequence[PolicyVersion], on: date) -> PolicyVersion | None:
    """The version in force on `on`: latest effective date ≤ on, the later recording on a tie."""
    candidates = [v for v in versions if v.effective_from <= on]
    if not candidates:
        return None
    return max(candidates, key=lambda v: (v.effective_from, v.recorded_at, v.sequence))


def in_force_for_scope(
    own: Sequence[PolicyVersion], national: Sequence[PolicyVersion], on: date
) -> PolicyVersion | None:
    """A tenant's own version in force on `on`, else the national one (None if neither)."""
    return in_force(own, on) or in_force(national, on)


def json_values(values: Mapping[str, Any]) -> Values:
    """The values as a plain JSON object: str keys, finite numbers, bounded size; or refused."""
    if not isinstance(values, Mapping):
        raise InvalidPolicyValues(N_("Policy values must be a JSON object."))
    try:
        text = json.dumps(values, allow_nan=False, sort_keys=True)
    except (TypeError, ValueError) as problem:
        raise InvalidPolicyValues(
            N_("Policy values must be plain JSON: {problem}."), problem=problem
        ) from None
    if len(text.encode()) > MAX_VALUES_BYTES:
        raise InvalidPolicyValues(
            N_("Policy values are larger than {max_values_bytes} bytes."),
            max_values_bytes=MAX_VALUES_BYTES,
        )
    loaded: Values = json.loads(text)
    _check_finite(loaded)
    return loaded


def _check_finite(value: Any) -> None:
    if isinstance(value, float) and not math.isfinite(value):
        raise InvalidPolicyValues(N_("Policy values must be finite numbers."))
    if isinstance(value, dict):
        for item in value.values():
            _check_finite(item)
    elif isinstance(value, list):
        for item in value:
            _check_finite(item)
