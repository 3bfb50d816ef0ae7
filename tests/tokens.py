"""Bearer tokens for tests, signed by one test issuer that the test apps trust.

`bearer(...)` gives the headers of a caller; `authenticator()` is what an app under test
verifies them with: the development issuer's code path, its key made for this test session.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from access.dev_issuer import DevIssuer
from access.settings import IdentitySettings
from graphql_api.identity import Authenticator

ISSUER_URL = "http://jejak.test/dev-issuer"


@cache
def issuer() -> DevIssuer:
    """The session's test issuer (one key, made on first use)."""
    return DevIssuer.generate(ISSUER_URL)


def token(
    user: str, role: str | list[str], tenant: str | None, nip: str | None = None, **claims: Any
) -> str:
    """A signed token granting `role` (or several) in `tenant`; `claims` replace any claim."""
    roles = [role] if isinstance(role, str) else role
    return issuer().mint(user, roles, tenant, nip, **claims)


def bearer(
    user: str, role: str, tenant: str, nip: str | None = None, **claims: Any
) -> dict[str, str]:
    """The Authorization header of a caller acting as `role` in `tenant` (people: user = nip)."""
    return {"authorization": f"Bearer {token(user, role, tenant, nip, **claims)}"}


def authenticator(settings: IdentitySettings | None = None) -> Authenticator:
    """What a test app authenticates with: it trusts the test issuer's tokens only."""
    return Authenticator.for_dev_issuer(issuer(), settings or IdentitySettings())
