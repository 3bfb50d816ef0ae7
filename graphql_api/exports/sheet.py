"""What an export is: the root query it mirrors, the fields it reads, its columns and rows.

An export is authorised exactly as the GraphQL document selecting the same fields would be
(access/policy/): the caller's role must be one that may call the root and select every
field it reads; an export may narrow that further (`roles`). Rows are read lazily, page by
page, so a writer can put each on the wire before the next is read.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from access import policy
from access.roles import Role
from domain.dates import check_year
from domain.errors import N_
from graphql_api.errors import InvalidArgument
from graphql_api.guard import AccessGuard
from graphql_api.ids import parse_id
from services.caller import Caller


class RawJson(str):
    """A JSON text: in a JSON export the value it encodes, as it is (not a string), in CSV
    the text itself; no decoding and encoding again per row."""


Cell = str | int | float | bool | date | None  # a RawJson among the str
Row = Sequence[Cell]


@dataclass(frozen=True)
class Reading:
    """Where an export reads: the (tenant-scoped or owner's) pool, as whom, and on what day."""

    pool: Any
    caller: Caller
    guard: AccessGuard
    today: date

    @property
    def tenant(self) -> str:
        return self.caller.tenant


class Params:
    """An export's arguments (query string or command line), parsed as the GraphQL ones are."""

    def __init__(self, values: Mapping[str, str]) -> None:
        self.values = values

    def unit(self, required: bool = True) -> UUID | None:
        raw = self.values.get("unit")
        if raw is None:
            if required:
                raise InvalidArgument(N_("This export needs a unit (a unit kerja id)."))
            return None
        return parse_id(raw, "unit")

    def cycle(self) -> UUID:
        raw = self.values.get("cycle")
        if raw is None:
            raise InvalidArgument(N_("This export needs a cycle (an appraisal cycle id)."))
        return parse_id(raw, "cycle")

    def year(self) -> int:
        raw = self.values.get("year", "")
        if not raw.isdigit():
            raise InvalidArgument(N_("This export needs a year, not {raw!r}."), params={"raw": raw})
        return check_year(int(raw))

    def subunits(self) -> bool:
        raw = self.values.get("subunits", "true").lower()
        if raw not in ("true", "false"):
            raise InvalidArgument(
                N_("subunits is true or false, not {raw!r}."), params={"raw": raw}
            )
        return raw == "true"

    def described(self) -> str:
        return " ".join(f"{k}={v}" for k, v in sorted(self.values.items()))


@dataclass(frozen=True)
class Export:
    """One downloadable report."""

    name: str
    root: str  # the root query whose roles it needs
    fields: tuple[str, ...]  # the "Type.field"s it reads, checked as a document's would be
    columns: tuple[str, ...]
    rows: Callable[[Reading, Params], AsyncIterator[Row]]
    roles: frozenset[Role] | None = None  # narrower than the root's, for private data
    formats: tuple[str, ...] = ("csv", "xlsx")  # what it may be downloaded as
    stamped: bool = False  # JSON too carries `log_position` in each object (as CSV does)

    def refused(self, role: Role) -> list[str]:
        """What the role may not use here (empty: allowed), named as GraphQL would."""
        refused = [] if policy.may_call("query", self.root, role) else [f"Query.{self.root}"]
        for name in self.fields:
            type_name, field_name = name.split(".")
            if not policy.may_select(type_name, field_name, role):
                refused.append(name)
        if self.roles is not None and role not in self.roles:
            refused.append(f"export {self.name}")
        return refused


async def started(rows: AsyncIterator[Row]) -> AsyncIterator[Row]:
    """`rows` with the first one already read: a bad argument or unknown cycle raises here,
    before any byte of the answer (and its status) has been sent."""
    try:
        first = await anext(rows)
    except StopAsyncIteration:
        return _empty()
    return _chain(first, rows)


async def _empty() -> AsyncIterator[Row]:
    return
    yield  # an async generator that yields nothing


async def _chain(first: Row, rest: AsyncIterator[Row]) -> AsyncIterator[Row]:
    yield first
    async for row in rest:
        yield row
