"""What one /graphql request did, for its log line, its metrics and its span.

The request-log middleware opens an `Observation` for each request; the schema extension
`ObservedOperation` (graphql_api/observed.py) fills in the operation the parsed document
selects (never a name the client merely sent) and the `extensions.code` of each error the
answer carries; a refusal outside GraphQL execution (graphql_api/refusals.py) notes its code.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

OK = "OK"


@dataclass
class Observation:
    """One request: its operation, the root fields of a mutation, and its errors' codes."""

    operation: str | None = None  # the selected operation's name (None: anonymous or none)
    operation_type: str | None = None  # "query" or "mutation" once a document was parsed
    fields: dict[str, str] = field(default_factory=dict)  # response key -> mutation field
    codes: list[str] = field(default_factory=list)  # each error's code, in order
    refused: str | None = None  # the first code of an error without a path: the whole request's
    failed_keys: dict[str, str] = field(default_factory=dict)  # response key -> first code

    def note(self, code: str, key: str | None = None) -> None:
        """An error with this code, at the root field answered under `key` (None: no path)."""
        self.codes.append(code)
        if key is None:
            self.refused = self.refused or code
        else:
            self.failed_keys.setdefault(key, code)

    def outcomes(self) -> list[tuple[str, str]]:
        """Each mutation field called, with OK or the code of the error that refused it."""
        return [
            (name, self.failed_keys.get(key) or self.refused or OK)
            for key, name in self.fields.items()
        ]


current_observation: ContextVar[Observation | None] = ContextVar("observation", default=None)


@contextmanager
def observing() -> Iterator[Observation]:
    """A fresh observation, current for the block (and the tasks it starts)."""
    observation = Observation()
    token = current_observation.set(observation)
    try:
        yield observation
    finally:
        current_observation.reset(token)


def note_refusal(code: str) -> None:
    """Note the code of a request refused outside GraphQL execution."""
    observation = current_observation.get()
    if observation is not None:
        observation.note(code)
