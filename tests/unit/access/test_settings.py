"""Identity settings from the environment: defaults, and values that would weaken checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from access.settings import ConfigurationError, IdentitySettings


def test_an_empty_environment_gives_the_development_issuer_and_keycloak_defaults() -> None:
    settings = IdentitySettings.from_env({})
    assert (settings.issuer, settings.external, settings.audience) == (None, False, "jejak")
    assert settings.algorithms == ("RS256", "ES256", "EdDSA", "PS256")
    assert (settings.leeway_seconds, settings.trust_gateway_headers) == (30, False)
    assert (settings.claim_tenant, settings.claim_nip, settings.claim_user) == (
        "instansi", "nip", "preferred_username",
    )  # fmt: skip
    assert settings.dev_issuer_key == Path(".jejak/dev-issuer/signing-key.pem")


def test_every_variable_is_read() -> None:
    settings = IdentitySettings.from_env({
        "JEJAK_OIDC_ISSUER": "https://sso.bkn.go.id/realms/asn",
        "JEJAK_OIDC_AUDIENCE": "simpeg", "JEJAK_OIDC_ALGORITHMS": "ES256, PS256",
        "JEJAK_OIDC_LEEWAY_SECONDS": "5", "JEJAK_CLAIM_TENANT": "kode_instansi",
        "JEJAK_CLAIM_NIP": "nip_asn", "JEJAK_CLAIM_USER": "email", "JEJAK_ROLE_CLIENT": "simpeg",
        "JEJAK_TRUST_GATEWAY_HEADERS": "1", "JEJAK_DEV_ISSUER_KEY": "/srv/key.pem",
    })  # fmt: skip
    assert settings == IdentitySettings(
        issuer="https://sso.bkn.go.id/realms/asn", audience="simpeg",
        algorithms=("ES256", "PS256"), leeway_seconds=5, claim_tenant="kode_instansi",
        claim_nip="nip_asn", claim_user="email", role_client="simpeg",
        trust_gateway_headers=True, dev_issuer_key=Path("/srv/key.pem"),
    )  # fmt: skip
    assert settings.external


@pytest.mark.parametrize("algorithms", ["HS256", "RS256,HS512", "none", "RS256,None", "XX1"])
def test_symmetric_none_and_unknown_algorithms_are_refused_at_load(algorithms: str) -> None:
    with pytest.raises(ConfigurationError, match="asymmetric"):
        IdentitySettings.from_env({"JEJAK_OIDC_ALGORITHMS": algorithms})


@pytest.mark.parametrize("leeway", ["301", "-1", "a minute"])
def test_the_leeway_is_bounded_to_five_minutes(leeway: str) -> None:
    with pytest.raises(ConfigurationError, match="JEJAK_OIDC_LEEWAY_SECONDS"):
        IdentitySettings.from_env({"JEJAK_OIDC_LEEWAY_SECONDS": leeway})


def test_the_largest_leeway_allowed_is_three_hundred_seconds() -> None:
    assert IdentitySettings.from_env({"JEJAK_OIDC_LEEWAY_SECONDS": "300"}).leeway_seconds == 300


@pytest.mark.parametrize("issuer", ["sso.bkn.go.id", "file:///etc/passwd", "https://x/?a=1"])
def test_an_issuer_that_is_not_an_http_url_is_refused(issuer: str) -> None:
    with pytest.raises(ConfigurationError, match="JEJAK_OIDC_ISSUER"):
        IdentitySettings.from_env({"JEJAK_OIDC_ISSUER": issuer})


def test_a_gateway_flag_that_is_neither_on_nor_off_is_refused() -> None:
    with pytest.raises(ConfigurationError, match="JEJAK_TRUST_GATEWAY_HEADERS"):
        IdentitySettings.from_env({"JEJAK_TRUST_GATEWAY_HEADERS": "maybe"})
