"""Ids and cursors as the API shows them: UUIDs as `ID`, page cursors as opaque strings."""

from __future__ import annotations

import base64
import binascii
from uuid import UUID

import strawberry

from domain.errors import N_
from graphql_api.errors import InvalidArgument

_CURSOR_PREFIX = "nip:"


def to_id(value: UUID) -> strawberry.ID:
    """A UUID as a GraphQL ID."""
    return strawberry.ID(str(value))


def parse_id(raw: str, what: str) -> UUID:
    """A GraphQL ID as a UUID, or INVALID_ARGUMENT naming the argument."""
    try:
        return UUID(raw)
    except ValueError:
        raise InvalidArgument(
            N_("{what} {raw!r} is not a valid id."), params={"what": what, "raw": raw[:40]}
        ) from None


def nip_cursor(nip: str) -> str:
    """The opaque cursor of the page item with this NIP."""
    return base64.urlsafe_b64encode(f"{_CURSOR_PREFIX}{nip}".encode()).decode()


def nip_from_cursor(cursor: str) -> str:
    """The NIP a cursor stands for, or INVALID_ARGUMENT."""
    try:
        text = base64.urlsafe_b64decode(cursor.encode("ascii")).decode()
    except (binascii.Error, UnicodeError, ValueError):
        text = ""
    nip = text.removeprefix(_CURSOR_PREFIX)
    if not text.startswith(_CURSOR_PREFIX) or not (nip.isascii() and nip.isdigit()):
        raise InvalidArgument(
            N_("Cursor {cursor!r} is not one this API gave out."), params={"cursor": cursor[:40]}
        )
    return nip
