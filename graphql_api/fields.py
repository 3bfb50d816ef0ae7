"""`strawberry.field` and `strawberry.mutation` with a description, typed for mypy --strict.

Strawberry types the keyword-only form (`@strawberry.field(description=...)`) as returning
`Any`, which strict mypy reports as an untyped decorator; these keep the resolver's type.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

import strawberry

R = TypeVar("R", bound=Callable[..., Any])


def resolver(description: str) -> Callable[[R], R]:
    """A described field resolved by the decorated method."""
    return cast("Callable[[R], R]", strawberry.field(description=description))


def mutation(description: str) -> Callable[[R], R]:
    """A described mutation resolved by the decorated method."""
    return cast("Callable[[R], R]", strawberry.mutation(description=description))
