"""Who is calling, as named by request headers that an authenticating gateway sets.

No identity provider is wired into Jejak yet. Until one is, a caller identifies through
`X-Jejak-User`, `X-Jejak-Role` (hr_officer, auditor, employee, admin,
training_institution, supervisor) and `X-Jejak-Tenant`
(e.g. `pemkot-palangkaraya`). The API trusts these headers as they arrive, so it is meant to
sit behind a gateway that authenticates the user and sets them itself, dropping any a client
sent; exposed directly, anyone could claim any role for any tenant.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from domain.errors import InvalidInput
from domain.meta import Actor
from graphql_api.errors import Unauthenticated
from services.caller import Caller, Role

USER_HEADER = "X-Jejak-User"
ROLE_HEADER = "X-Jejak-Role"
TENANT_HEADER = "X-Jejak-Tenant"
MAX_USER_ID_LENGTH = 200


@dataclass(frozen=True)
class Identity:
    """The caller the headers name, or why they name none."""

    caller: Caller | None
    problem: str = ""

    def require(self) -> Caller:
        """The caller, or UNAUTHENTICATED saying what is missing."""
        if self.caller is None:
            raise Unauthenticated(self.problem)
        return self.caller


def identify(headers: Mapping[str, str], correlation_id: str) -> Identity:
    """Read the caller from the identity headers (looked up case-insensitively)."""
    named = {
        h: headers.get(h.lower(), "").strip() for h in (USER_HEADER, ROLE_HEADER, TENANT_HEADER)
    }
    missing = [header for header, value in named.items() if not value]
    if missing:
        return Identity(None, f"Missing identity header(s): {', '.join(missing)}.")
    user, role, tenant = named.values()
    if role not in {r.value for r in Role}:
        roles = ", ".join(r.value for r in Role)
        return Identity(None, f"Unknown role {role!r} in {ROLE_HEADER}; use one of {roles}.")
    if len(user) > MAX_USER_ID_LENGTH:
        return Identity(None, f"{USER_HEADER} is longer than {MAX_USER_ID_LENGTH} characters.")
    try:
        return Identity(Caller(Actor(user, role), tenant, correlation_id))
    except InvalidInput as error:
        return Identity(None, error.message)
