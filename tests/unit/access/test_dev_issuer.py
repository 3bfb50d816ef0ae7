"""The development issuer: one key on disk, Keycloak-shaped tokens, the same verifier."""

from __future__ import annotations

import stat
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import jwt
import pytest
from jwt import PyJWK

from access.dev_issuer import DevIssuer, dev_issuer_url
from access.principal import AuthenticationFailed
from access.roles import Role
from access.settings import IdentitySettings
from access.tokens import TokenVerifier

URL = "http://127.0.0.1:8000/dev-issuer"
NIP = "198001012005011001"


def verifier(issuer: DevIssuer, settings: IdentitySettings | None = None) -> TokenVerifier:
    settings = settings or IdentitySettings()
    return TokenVerifier(settings, issuer.url, issuer.keys())


def test_the_key_is_created_once_readable_by_its_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "dev-issuer" / "signing-key.pem"
    first = DevIssuer.load_or_create(path, URL)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert DevIssuer.load_or_create(path, URL).kid == first.kid
    assert [p.name for p in path.parent.iterdir()] == ["signing-key.pem"]


async def test_a_token_from_another_process_with_the_same_key_file_is_accepted(
    tmp_path: Path,
) -> None:
    path = tmp_path / "signing-key.pem"
    minting, serving = DevIssuer.load_or_create(path, URL), DevIssuer.load_or_create(path, URL)
    token = minting.mint(NIP, ["employee"], "pemkot-palangkaraya", NIP)
    principal = await verifier(serving).verify(token)
    assert (principal.user, principal.nip, principal.roles) == (
        NIP,
        NIP,
        frozenset({Role.EMPLOYEE}),
    )


def test_a_token_is_shaped_like_keycloaks() -> None:
    issuer = DevIssuer.generate(URL)
    now = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
    token = issuer.mint("hr-1", ["hr_officer"], "pemkot-palangkaraya", now=now)
    header = jwt.get_unverified_header(token)
    claims = jwt.decode(token, options={"verify_signature": False})
    assert (header["alg"], header["kid"]) == ("ES256", issuer.kid)
    assert (claims["iss"], claims["aud"]) == (URL, "jejak")
    assert claims["realm_access"] == {"roles": ["hr_officer"]}
    assert (claims["preferred_username"], claims["instansi"]) == ("hr-1", "pemkot-palangkaraya")
    assert claims["exp"] - claims["iat"] == 8 * 3600


async def test_a_token_of_another_development_issuer_is_refused() -> None:
    token = DevIssuer.generate(URL).mint("hr-1", ["hr_officer"], "pemkot-palangkaraya")
    with pytest.raises(AuthenticationFailed) as failure:
        await verifier(DevIssuer.generate(URL)).verify(token)
    assert failure.value.reason.value == "UNKNOWN_KEY"


def test_the_discovery_document_points_at_the_published_keys() -> None:
    issuer = DevIssuer.generate(URL + "/")
    assert issuer.discovery()["issuer"] == URL
    assert issuer.discovery()["jwks_uri"] == f"{URL}/jwks"
    [key] = issuer.jwks()["keys"]
    assert (key["kid"], key["alg"], key["use"], "d" in key) == (issuer.kid, "ES256", "sig", False)


def test_a_lifetime_beyond_thirty_days_is_refused() -> None:
    with pytest.raises(ValueError, match="30 days"):
        DevIssuer.generate(URL).mint("hr-1", ["hr_officer"], "x", ttl=timedelta(days=31))


def test_the_issuer_url_follows_the_serve_address() -> None:
    assert dev_issuer_url("0.0.0.0", 9000) == "http://0.0.0.0:9000/dev-issuer"
    assert dev_issuer_url("::1", 8000) == "http://[::1]:8000/dev-issuer"


class CountingKeys:
    """The issuer's own key set, counting the lookups a verification makes."""

    def __init__(self, issuer: DevIssuer) -> None:
        self.keys = issuer.keys()
        self.lookups = 0

    async def signing_key(self, kid: str) -> PyJWK:
        self.lookups += 1
        return await self.keys.signing_key(kid)


async def test_a_verified_token_is_remembered_until_its_expiry() -> None:
    issuer, now = DevIssuer.generate(URL), [time.time()]
    keys = CountingKeys(issuer)
    checking = TokenVerifier(IdentitySettings(leeway_seconds=0), URL, keys, clock=lambda: now[0])
    token = issuer.mint("hr-1", ["hr_officer"], "pemkot-palangkaraya", ttl=timedelta(seconds=30))
    assert await checking.verify(token) == await checking.verify(token)
    assert keys.lookups == 1
    now[0] += 31  # past `exp`: verified afresh, not answered from memory
    await checking.verify(token)
    assert keys.lookups == 2


async def test_a_refused_token_is_never_remembered() -> None:
    issuer = DevIssuer.generate(URL)
    keys = CountingKeys(issuer)
    checking = TokenVerifier(IdentitySettings(), URL, keys)
    token = issuer.mint("hr-1", ["hr_officer"], "pemkot-palangkaraya", aud="account")
    for _ in range(2):
        with pytest.raises(AuthenticationFailed):
            await checking.verify(token)
    assert keys.lookups == 2
