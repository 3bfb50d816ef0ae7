from __future__ import annotations

import pytest

from graphql_api.errors import Unauthenticated
from graphql_api.identity import identify

HEADERS = {
    "x-jejak-user": "198001012005011001",
    "x-jejak-role": "hr_officer",
    "x-jejak-tenant": "pemkot-palangkaraya",
}


def test_the_caller_is_read_from_the_identity_headers() -> None:
    caller = identify(HEADERS, "corr-1").require()
    assert (caller.actor.user_id, caller.actor.role) == ("198001012005011001", "hr_officer")
    assert (caller.tenant, caller.correlation_id) == ("pemkot-palangkaraya", "corr-1")


def test_missing_headers_are_named() -> None:
    identity = identify({"x-jejak-user": "u1"}, "corr-1")
    with pytest.raises(Unauthenticated, match="X-Jejak-Role, X-Jejak-Tenant"):
        identity.require()


def test_an_unknown_role_is_unauthenticated() -> None:
    identity = identify(HEADERS | {"x-jejak-role": "superuser"}, "corr-1")
    with pytest.raises(Unauthenticated, match="auditor"):
        identity.require()


def test_a_tenant_that_is_not_a_slug_is_unauthenticated() -> None:
    identity = identify(HEADERS | {"x-jejak-tenant": "Pemkot Palangkaraya"}, "corr-1")
    with pytest.raises(Unauthenticated, match="lowercase slug"):
        identity.require()
