"""From request headers to the caller: bearer tokens, act-as, gateway headers."""

from __future__ import annotations

import pytest
from starlette.datastructures import Headers

from access.settings import IdentitySettings
from domain.errors import NotAllowedForRole
from graphql_api.errors import Unauthenticated
from graphql_api.identity import Identity
from tests.tokens import authenticator, bearer, token

TENANT = "pemkot-palangkaraya"
NIP = "198001012005011001"


async def identify(*pairs: tuple[str, str], settings: IdentitySettings | None = None) -> Identity:
    raw = [(name.lower().encode(), value.encode()) for name, value in pairs]
    return await authenticator(settings).identify(Headers(raw=raw), "corr-1")


def authorization(value: str) -> tuple[str, str]:
    return ("authorization", value)


async def test_the_caller_is_read_from_a_verified_bearer_token() -> None:
    [(name, value)] = bearer("hr-budi", "hr_officer", TENANT).items()
    caller = (await identify((name, value))).require()
    assert (caller.actor.user_id, caller.actor.role) == ("hr-budi", "hr_officer")
    assert (caller.tenant, caller.correlation_id, caller.nip) == (TENANT, "corr-1", None)


async def test_a_person_with_a_nip_claim_acts_under_their_nip() -> None:
    signed = token("budi.santoso", "employee", TENANT, nip=NIP)
    caller = (await identify(authorization(f"Bearer {signed}"))).require()
    assert (caller.actor.user_id, caller.nip) == (NIP, NIP)


async def test_without_a_token_the_identity_names_the_missing_token() -> None:
    identity = await identify()
    assert identity.reason == "TOKEN_MISSING"
    with pytest.raises(Unauthenticated, match="No bearer token"):
        identity.require()


async def test_two_authorization_headers_are_refused() -> None:
    signed = token("hr-budi", "hr_officer", TENANT)
    identity = await identify(authorization(f"Bearer {signed}"), authorization(f"Bearer {signed}"))
    assert (identity.caller, identity.reason) == (None, "MALFORMED_TOKEN")


@pytest.mark.parametrize("value", ["Basic aHI6cHc=", "Bearer", "Bearer a b", "token-only"])
async def test_an_authorization_header_that_is_not_one_bearer_token_is_malformed(
    value: str,
) -> None:
    identity = await identify(authorization(value))
    assert (identity.caller, identity.reason) == (None, "MALFORMED_TOKEN")


async def test_several_granted_roles_act_in_the_first_by_precedence() -> None:
    signed = token(NIP, ["employee", "supervisor", "auditor"], TENANT, nip=NIP)
    caller = (await identify(authorization(f"Bearer {signed}"))).require()
    assert caller.actor.role == "auditor"


async def test_act_as_picks_one_of_the_granted_roles() -> None:
    signed = token(NIP, ["employee", "supervisor"], TENANT, nip=NIP)
    identity = await identify(authorization(f"Bearer {signed}"), ("x-jejak-act-as", "employee"))
    assert identity.require().actor.role == "employee"


async def test_act_as_a_role_the_token_does_not_grant_is_forbidden() -> None:
    signed = token(NIP, ["employee", "supervisor"], TENANT, nip=NIP)
    identity = await identify(authorization(f"Bearer {signed}"), ("x-jejak-act-as", "hr_officer"))
    assert (identity.status, identity.reason) == (403, "ROLE_NOT_GRANTED")
    with pytest.raises(NotAllowedForRole, match="supervisor, employee"):
        identity.require()


async def test_an_admin_token_without_a_tenant_acts_for_the_platform() -> None:
    signed = token("operator-1", "admin", None)
    caller = (await identify(authorization(f"Bearer {signed}"))).require()
    assert (caller.actor.role, caller.tenant) == ("admin", "jejak-platform")


async def test_a_tenant_role_without_a_tenant_is_refused() -> None:
    signed = token("operator-1", ["admin", "hr_officer"], None)
    identity = await identify(authorization(f"Bearer {signed}"))
    assert (identity.caller, identity.reason) == (None, "NO_TENANT")


async def test_a_user_id_with_control_characters_is_unauthenticated() -> None:
    signed = token("hr\u0000budi", "hr_officer", TENANT)
    identity = await identify(authorization(f"Bearer {signed}"))
    assert (identity.caller, identity.reason) == (None, "MALFORMED_TOKEN")


async def test_a_user_id_over_200_characters_is_unauthenticated() -> None:
    signed = token("u" * 201, "hr_officer", TENANT)
    identity = await identify(authorization(f"Bearer {signed}"))
    assert (identity.caller, identity.reason) == (None, "MALFORMED_TOKEN")


GATEWAY = (("x-jejak-user", "hr-1"), ("x-jejak-role", "hr_officer"), ("x-jejak-tenant", TENANT))
TRUSTING = IdentitySettings(trust_gateway_headers=True)


async def test_gateway_headers_are_ignored_by_default() -> None:
    identity = await identify(*GATEWAY)
    assert (identity.caller, identity.reason) == (None, "TOKEN_MISSING")


async def test_a_trusted_gateway_names_the_caller_by_headers() -> None:
    caller = (await identify(*GATEWAY, ("x-jejak-nip", NIP), settings=TRUSTING)).require()
    assert (caller.actor.user_id, caller.actor.role, caller.tenant) == (NIP, "hr_officer", TENANT)


async def test_a_duplicated_gateway_header_is_refused() -> None:
    identity = await identify(*GATEWAY, ("x-jejak-role", "admin"), settings=TRUSTING)
    assert (identity.caller, identity.reason) == (None, "MALFORMED_TOKEN")


async def test_a_gateway_role_that_is_no_jejak_role_is_refused() -> None:
    pairs = (GATEWAY[0], ("x-jejak-role", "superuser"), GATEWAY[2])
    identity = await identify(*pairs, settings=TRUSTING)
    assert (identity.caller, identity.reason) == (None, "NO_ROLE")


async def test_a_gateway_tenant_that_is_not_a_slug_is_refused() -> None:
    pairs = (*GATEWAY[:2], ("x-jejak-tenant", "Pemkot Palangkaraya"))
    identity = await identify(*pairs, settings=TRUSTING)
    assert (identity.caller, identity.reason) == (None, "MALFORMED_TOKEN")
    with pytest.raises(Unauthenticated, match="lowercase slug"):
        identity.require()
