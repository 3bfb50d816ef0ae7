"""How Jejak trusts callers: the OpenID Connect issuer, token rules and claim names.

Read once from the environment (`IdentitySettings.from_env`); every value has a default, so an
unconfigured process runs the embedded development issuer. A value that would weaken
verification (a symmetric or `none` algorithm, a leeway over five minutes) is refused at load.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

# Asymmetric algorithms only: with a shared secret anyone who can verify can also sign.
ASYMMETRIC_ALGORITHMS = frozenset(
    {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"}
)
DEFAULT_ALGORITHMS = ("RS256", "ES256", "EdDSA", "PS256")
MAX_LEEWAY_SECONDS = 300
DEFAULT_DEV_ISSUER_KEY = Path(".jejak/dev-issuer/signing-key.pem")
_TRUE, _FALSE = {"1", "true", "yes", "on"}, {"", "0", "false", "no", "off"}


class ConfigurationError(ValueError):
    """An identity setting that cannot be used; the message names the variable."""


@dataclass(frozen=True)
class IdentitySettings:
    """Identity configuration; `issuer` None means the embedded development issuer."""

    issuer: str | None = None
    audience: str = "jejak"
    algorithms: tuple[str, ...] = DEFAULT_ALGORITHMS
    leeway_seconds: int = 30
    claim_tenant: str = "instansi"
    claim_nip: str = "nip"
    claim_user: str = "preferred_username"  # falls back to `sub`
    role_client: str = "jejak"  # Keycloak client whose resource_access roles count
    trust_gateway_headers: bool = False
    dev_issuer_key: Path = DEFAULT_DEV_ISSUER_KEY
    dev_issuer_url: str | None = None  # unset: http://<host>:<port>/dev-issuer of `serve`

    def __post_init__(self) -> None:
        for url, name in ((self.issuer, "JEJAK_OIDC_ISSUER"),
                          (self.dev_issuer_url, "JEJAK_DEV_ISSUER_URL")):  # fmt: skip
            if url is not None:
                _check_url(url, name)
        refused = [a for a in self.algorithms if a not in ASYMMETRIC_ALGORITHMS]
        if refused or not self.algorithms:
            allowed = ", ".join(sorted(ASYMMETRIC_ALGORITHMS))
            raise ConfigurationError(
                f"JEJAK_OIDC_ALGORITHMS may name only asymmetric algorithms ({allowed}); "
                f"refused: {', '.join(refused) or '(none given)'}."
            )
        if not 0 <= self.leeway_seconds <= MAX_LEEWAY_SECONDS:
            raise ConfigurationError(
                f"JEJAK_OIDC_LEEWAY_SECONDS must be 0–{MAX_LEEWAY_SECONDS}; "
                f"got {self.leeway_seconds}."
            )
        names = {
            "JEJAK_OIDC_AUDIENCE": self.audience, "JEJAK_CLAIM_TENANT": self.claim_tenant,
            "JEJAK_CLAIM_NIP": self.claim_nip, "JEJAK_CLAIM_USER": self.claim_user,
            "JEJAK_ROLE_CLIENT": self.role_client,
        }  # fmt: skip
        for variable, value in names.items():
            if not value.strip():
                raise ConfigurationError(f"{variable} must not be empty.")

    @property
    def external(self) -> bool:
        """Whether tokens come from an external issuer (the dev issuer is then off)."""
        return self.issuer is not None

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> IdentitySettings:
        """The settings the environment gives, defaults for the rest."""
        env = os.environ if environ is None else environ

        def text(name: str, default: str) -> str:
            return env.get(name, "").strip() or default

        def optional(name: str) -> str | None:
            return env.get(name, "").strip() or None

        listed = text("JEJAK_OIDC_ALGORITHMS", ",".join(DEFAULT_ALGORITHMS)).split(",")
        algorithms = tuple(a.strip() for a in listed if a.strip())
        return cls(
            issuer=optional("JEJAK_OIDC_ISSUER"),
            audience=text("JEJAK_OIDC_AUDIENCE", cls.audience),
            algorithms=algorithms,
            leeway_seconds=_integer(env, "JEJAK_OIDC_LEEWAY_SECONDS", cls.leeway_seconds),
            claim_tenant=text("JEJAK_CLAIM_TENANT", cls.claim_tenant),
            claim_nip=text("JEJAK_CLAIM_NIP", cls.claim_nip),
            claim_user=text("JEJAK_CLAIM_USER", cls.claim_user),
            role_client=text("JEJAK_ROLE_CLIENT", cls.role_client),
            trust_gateway_headers=_flag(env, "JEJAK_TRUST_GATEWAY_HEADERS"),
            dev_issuer_key=Path(text("JEJAK_DEV_ISSUER_KEY", str(DEFAULT_DEV_ISSUER_KEY))),
            dev_issuer_url=optional("JEJAK_DEV_ISSUER_URL"),
        )


def _integer(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ConfigurationError(
            f"{name} must be a whole number of seconds; got {raw!r}."
        ) from None


def _flag(env: Mapping[str, str], name: str) -> bool:
    raw = env.get(name, "").strip().lower()
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    raise ConfigurationError(f"{name} must be 1 or 0 (true/false); got {raw!r}.")


def _check_url(url: str, name: str) -> None:
    parsed = urlparse(url)
    if parsed.scheme not in {"http", "https"} or not parsed.netloc or parsed.query:
        raise ConfigurationError(f"{name} must be an http(s) URL without a query; got {url!r}.")
