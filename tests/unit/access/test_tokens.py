"""Verifying bearer tokens against an issuer's published keys, fetched over local HTTP."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization

from access.keys import IssuerKeys
from access.principal import AuthenticationFailed, Principal
from access.roles import Role
from access.settings import IdentitySettings
from access.tokens import TokenVerifier
from tests.unit.access.issuer_server import (
    TENANT,
    Issuer,
    SigningKey,
    ec_key,
    rsa_key,
    running_issuer,
)

NIP = "198001012005011001"


@pytest.fixture(scope="module")
def rsa_signing() -> SigningKey:
    return rsa_key("rsa-1")


@pytest.fixture(scope="module")
def ec_signing() -> SigningKey:
    return ec_key("ec-1")


@pytest.fixture
def issuer(rsa_signing: SigningKey, ec_signing: SigningKey) -> Iterator[Issuer]:
    with running_issuer() as running:
        running.keys.extend([rsa_signing, ec_signing])
        yield running


def verifier_of(issuer: Issuer, **settings: Any) -> TokenVerifier:
    """A verifier of `issuer`'s tokens that may refetch its keys at once (no cooldown)."""
    configured = IdentitySettings(issuer=issuer.url, **settings)
    return TokenVerifier(configured, issuer.url, IssuerKeys(issuer.url, cooldown=0))


async def refused(verifier: TokenVerifier, token: str) -> str:
    with pytest.raises(AuthenticationFailed) as failure:
        await verifier.verify(token)
    return failure.value.reason.value


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unsigned_parts(issuer: Issuer, header: dict[str, Any]) -> str:
    return f"{b64(json.dumps(header).encode())}.{b64(json.dumps(issuer.claims()).encode())}"


async def test_a_valid_rsa_token_names_the_caller(issuer: Issuer, rsa_signing: SigningKey) -> None:
    principal = await verifier_of(issuer).verify(issuer.sign(rsa_signing))
    assert principal == Principal("hr-budi", frozenset({Role.HR_OFFICER}), TENANT, None, False)


async def test_a_valid_ec_token_names_the_caller(issuer: Issuer, ec_signing: SigningKey) -> None:
    principal = await verifier_of(issuer).verify(issuer.sign(ec_signing))
    assert (principal.user, principal.tenant) == ("hr-budi", TENANT)


async def test_discovery_and_the_key_set_are_fetched_once_for_many_tokens(
    issuer: Issuer, rsa_signing: SigningKey, ec_signing: SigningKey
) -> None:
    verifier = verifier_of(issuer)
    for key in (rsa_signing, ec_signing, rsa_signing):
        await verifier.verify(issuer.sign(key))
    assert issuer.fetches == {"discovery": 1, "jwks": 1}


async def test_an_expired_token_is_refused(issuer: Issuer, rsa_signing: SigningKey) -> None:
    claims = issuer.claims()
    token = issuer.sign(rsa_signing, iat=claims["iat"] - 600, exp=claims["iat"] - 300)
    assert await refused(verifier_of(issuer), token) == "TOKEN_EXPIRED"


async def test_a_token_whose_nbf_lies_ahead_is_not_yet_valid(
    issuer: Issuer, rsa_signing: SigningKey
) -> None:
    token = issuer.sign(rsa_signing, nbf=issuer.claims()["iat"] + 120)
    assert await refused(verifier_of(issuer), token) == "TOKEN_NOT_YET_VALID"


async def test_the_leeway_forgives_a_token_that_expired_moments_ago(
    issuer: Issuer, rsa_signing: SigningKey
) -> None:
    iat = issuer.claims()["iat"]
    token = issuer.sign(rsa_signing, iat=iat - 300, exp=iat - 20)
    assert (await verifier_of(issuer, leeway_seconds=30).verify(token)).user == "hr-budi"
    assert await refused(verifier_of(issuer, leeway_seconds=0), token) == "TOKEN_EXPIRED"


async def test_a_token_for_another_audience_is_refused(
    issuer: Issuer, rsa_signing: SigningKey
) -> None:
    token = issuer.sign(rsa_signing, aud="account")
    assert await refused(verifier_of(issuer), token) == "WRONG_AUDIENCE"


async def test_a_token_from_another_issuer_is_refused(
    issuer: Issuer, rsa_signing: SigningKey
) -> None:
    token = issuer.sign(rsa_signing, iss="http://127.0.0.1:1/realms/other")
    assert await refused(verifier_of(issuer), token) == "WRONG_ISSUER"


async def test_an_unknown_key_refetches_the_key_set_then_is_refused(issuer: Issuer) -> None:
    verifier = verifier_of(issuer)
    await verifier.verify(issuer.sign(issuer.keys[0]))
    token = issuer.sign(ec_key("not-published"))
    assert await refused(verifier, token) == "UNKNOWN_KEY"
    assert issuer.fetches["jwks"] == 2


async def test_a_rotated_key_is_accepted_once_the_key_set_is_refetched(issuer: Issuer) -> None:
    verifier = verifier_of(issuer)
    await verifier.verify(issuer.sign(issuer.keys[0]))
    rotated = ec_key("ec-2")
    issuer.keys.append(rotated)
    assert (await verifier.verify(issuer.sign(rotated))).tenant == TENANT
    assert issuer.fetches == {"discovery": 1, "jwks": 2}


async def test_a_signature_by_another_key_under_a_published_kid_is_refused(
    issuer: Issuer, ec_signing: SigningKey
) -> None:
    forged = replace(ec_key("unused"), kid=ec_signing.kid)
    assert await refused(verifier_of(issuer), issuer.sign(forged)) == "BAD_SIGNATURE"


async def test_an_hs256_token_keyed_with_the_public_key_is_refused(
    issuer: Issuer, rsa_signing: SigningKey
) -> None:
    """The classic confusion: an HMAC 'signed' with the issuer's public key as the secret."""
    public_pem = rsa_signing.private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    signing_input = unsigned_parts(issuer, {"alg": "HS256", "typ": "JWT", "kid": rsa_signing.kid})
    mac = hmac.new(public_pem, signing_input.encode(), hashlib.sha256).digest()
    token = f"{signing_input}.{b64(mac)}"
    assert await refused(verifier_of(issuer), token) == "MALFORMED_TOKEN"
    assert issuer.fetches["jwks"] == 0  # refused from its header, before any key was looked up


async def test_an_unsigned_token_with_alg_none_is_refused(issuer: Issuer) -> None:
    token = unsigned_parts(issuer, {"alg": "none", "typ": "JWT", "kid": "rsa-1"}) + "."
    assert await refused(verifier_of(issuer), token) == "MALFORMED_TOKEN"


async def test_a_token_whose_alg_is_not_its_keys_is_refused(
    issuer: Issuer, rsa_signing: SigningKey, ec_signing: SigningKey
) -> None:
    token = issuer.sign(replace(rsa_signing, kid=ec_signing.kid))  # RS256 under the EC key
    assert await refused(verifier_of(issuer), token) == "BAD_SIGNATURE"


async def test_a_token_without_an_expiry_is_malformed(
    issuer: Issuer, rsa_signing: SigningKey
) -> None:
    token = issuer.sign(rsa_signing, exp=None)
    assert await refused(verifier_of(issuer), token) == "MALFORMED_TOKEN"


async def test_something_that_is_not_a_jwt_is_malformed(issuer: Issuer) -> None:
    assert await refused(verifier_of(issuer), "not.a-jwt") == "MALFORMED_TOKEN"


async def test_a_token_without_a_tenant_is_refused(issuer: Issuer, rsa_signing: SigningKey) -> None:
    assert (
        await refused(verifier_of(issuer), issuer.sign(rsa_signing, instansi=None)) == "NO_TENANT"
    )


async def test_a_token_without_a_jejak_role_is_refused(
    issuer: Issuer, rsa_signing: SigningKey
) -> None:
    token = issuer.sign(rsa_signing, realm_access={"roles": ["offline_access", "manager"]})
    assert await refused(verifier_of(issuer), token) == "NO_ROLE"


async def test_roles_come_from_the_realm_and_from_the_jejak_client_only(
    issuer: Issuer, ec_signing: SigningKey
) -> None:
    token = issuer.sign(
        ec_signing,
        realm_access={"roles": ["default-roles-jejak", "jejak-employee"]},
        resource_access={"jejak": {"roles": ["supervisor"]}, "other-app": {"roles": ["auditor"]}},
    )
    principal = await verifier_of(issuer).verify(token)
    assert principal.roles == {Role.EMPLOYEE, Role.SUPERVISOR}


async def test_the_role_client_is_configurable(issuer: Issuer, ec_signing: SigningKey) -> None:
    token = issuer.sign(
        ec_signing, realm_access={}, resource_access={"simpeg": {"roles": ["jejak-auditor"]}}
    )
    principal = await verifier_of(issuer, role_client="simpeg").verify(token)
    assert principal.roles == {Role.AUDITOR}


async def test_the_nip_and_tenant_come_from_configured_claims(
    issuer: Issuer, ec_signing: SigningKey
) -> None:
    token = issuer.sign(
        ec_signing, nip_asn=["19800101 200501 1 001"], kode_instansi="pemkab-kemuning",
        preferred_username="budi.santoso",
    )  # fmt: skip
    verifier = verifier_of(issuer, claim_nip="nip_asn", claim_tenant="kode_instansi")
    principal = await verifier.verify(token)
    assert (principal.user, principal.nip, principal.tenant) == (
        "budi.santoso", NIP, "pemkab-kemuning",
    )  # fmt: skip


async def test_a_nip_claim_that_is_not_eighteen_digits_is_refused(
    issuer: Issuer, ec_signing: SigningKey
) -> None:
    assert await refused(verifier_of(issuer), issuer.sign(ec_signing, nip="12345")) == (
        "MALFORMED_TOKEN"
    )


async def test_a_user_id_carrying_markup_is_refused_not_stored(
    issuer: Issuer, ec_signing: SigningKey
) -> None:
    token = issuer.sign(ec_signing, preferred_username="<b>hr</b>")
    assert await refused(verifier_of(issuer), token) == "MALFORMED_TOKEN"


async def test_the_user_falls_back_to_sub(issuer: Issuer, ec_signing: SigningKey) -> None:
    principal = await verifier_of(issuer).verify(issuer.sign(ec_signing, preferred_username=None))
    assert principal.user == "f1d3c0de"


async def test_a_client_credentials_token_is_a_service_account(
    issuer: Issuer, ec_signing: SigningKey
) -> None:
    token = issuer.sign(
        ec_signing, preferred_username="service-account-jejak-reporting", azp="jejak-reporting",
        client_id="jejak-reporting", realm_access={"roles": ["reporting"]},
    )  # fmt: skip
    principal = await verifier_of(issuer).verify(token)
    assert (principal.service_account, principal.roles) == (True, frozenset({Role.REPORTING}))


async def test_a_discovery_document_naming_another_issuer_is_not_trusted(
    issuer: Issuer, rsa_signing: SigningKey
) -> None:
    issuer.discovery_issuer = "https://evil.example/realms/jejak"
    assert await refused(verifier_of(issuer), issuer.sign(rsa_signing)) == "ISSUER_UNAVAILABLE"


async def test_an_unreachable_issuer_is_unavailable_not_a_bad_token(
    rsa_signing: SigningKey,
) -> None:
    with running_issuer() as gone:
        url = gone.url
    verifier = TokenVerifier(IdentitySettings(issuer=url), url, IssuerKeys(url, timeout=1))
    token = Issuer(url).sign(rsa_signing)
    assert await refused(verifier, token) == "ISSUER_UNAVAILABLE"


async def test_while_the_issuer_is_down_requests_fail_at_once_without_asking_again(
    issuer: Issuer, rsa_signing: SigningKey
) -> None:
    issuer.down = True
    verifier = verifier_of(issuer)
    for _ in range(3):
        assert await refused(verifier, issuer.sign(rsa_signing)) == "ISSUER_UNAVAILABLE"
    assert issuer.fetches["discovery"] == 1
