"""How much one /graphql request may ask of the server: the one place its limits are set.

Each limit sits just above the largest document the portals send (measured in
tests/unit/graphql/test_portal_documents.py), so a real request never meets one and a
hostile one meets one before it costs anything. Every limit can be changed with an
environment variable (README, Configuration). `JEJAK_ENV=development` (the default of the
embedded set-up) puts the measured figure and the limit into a refusal's extensions;
`production` names only the limit that was met.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields

DEVELOPMENT, PRODUCTION = "development", "production"

# Fields that cost more than 1 (graphql_api/cost.py). recomputeCycle replays every event of a
# cycle in a worker thread: two of them in one request pass the default cost budget.
FIELD_WEIGHTS: Mapping[str, int] = {"Query.recomputeCycle": 4_001}


@dataclass(frozen=True)
class Limits:
    """The bounds of one request; see the README for what each means."""

    # Each just above the largest real document (test_portal_documents.py has the table).
    max_depth: int = 7  # portals: 6 (a page of employees with their careers' units)
    max_aliases: int = 10  # portals: none; room for a hand-written comparison in GraphiQL
    max_tokens: int = 400  # portals: 130; GraphiQL's introspection query: 184
    max_cost: int = 8_000  # portals: 7,501 (a default page of the unit tree with children)
    max_root_fields: int = 5  # portals: 2 (a unit's summary with its talent grid)
    max_operations: int = 3  # portals: 1; a GraphiQL tab may hold a few, operationName picks
    max_document_bytes: int = 4 * 1024  # portals: 1,013; GraphiQL's introspection: 1,645
    max_body_bytes: int = 256 * 1024  # an SKP of 50 rows whose texts run to 1,000 characters
    request_timeout_ms: int = 35_000  # the longest read-your-writes wait (30 s), then 5 s
    default_list_size: int = 10  # what a nested list without `first` is charged per item
    cache_document_bytes: int = 4 * 1024  # larger documents are parsed anew every time
    cache_total_bytes: int = 512 * 1024  # of document text in each cache (~46x that parsed)
    environment: str = DEVELOPMENT

    @property
    def development(self) -> bool:
        """Whether refusals may show the measured figure and the limit."""
        return self.environment == DEVELOPMENT

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Limits:
        """The defaults, each overridden by its `JEJAK_<NAME>` variable if set."""
        environ = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for field in fields(cls):
            raw = environ.get(env_name(field.name))
            if raw is None:
                continue
            if field.name == "environment":
                if raw not in (DEVELOPMENT, PRODUCTION):
                    raise ValueError(
                        f"JEJAK_ENV must be {DEVELOPMENT} or {PRODUCTION}, not {raw!r}"
                    )
                values[field.name] = raw
            else:
                values[field.name] = _positive_int(env_name(field.name), raw)
        return cls(**values)  # type: ignore[arg-type]


def env_name(field: str) -> str:
    """The environment variable that sets a limit: `max_depth` → `JEJAK_MAX_DEPTH`."""
    return "JEJAK_ENV" if field == "environment" else f"JEJAK_{field.upper()}"


def _positive_int(name: str, raw: str) -> int:
    value = raw.strip().replace("_", "")
    if not (value.isascii() and value.isdigit()) or int(value) == 0:
        raise ValueError(f"{name} must be a positive integer, not {raw!r}")
    return int(value)
