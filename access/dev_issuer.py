"""The embedded development issuer: a local signing key that mints Keycloak-shaped tokens.

With no external issuer configured, `jejak serve` and `jejak token` share one EC P-256 key in
the data folder (created once, mode 0600). The app publishes its public half at
`/dev-issuer/jwks` and checks the tokens it mints with the same verifier as any issuer's.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from jwt.algorithms import ECAlgorithm, OKPAlgorithm

from access.keys import LocalKeys
from access.settings import ConfigurationError, IdentitySettings

DEFAULT_TTL = timedelta(hours=8)
MAX_TTL = timedelta(days=30)
DEV_CLIENT = "jejak-dev"  # the `azp` of minted tokens, as a Keycloak client would be
PATH = "/dev-issuer"
logger = logging.getLogger("jejak.identity")

SigningKey = ec.EllipticCurvePrivateKey | Ed25519PrivateKey


def dev_issuer_url(host: str = "127.0.0.1", port: int = 8000) -> str:
    """The issuer URL of `jejak serve --host H --port P` (JEJAK_DEV_ISSUER_URL overrides it)."""
    host = f"[{host}]" if ":" in host else host  # an IPv6 address
    return f"http://{host}:{port}{PATH}"


class DevIssuer:
    """A signing key and the issuer URL its tokens name."""

    def __init__(self, key: SigningKey, url: str) -> None:
        if isinstance(key, ec.EllipticCurvePrivateKey) and not isinstance(key.curve, ec.SECP256R1):
            raise ConfigurationError("The development issuer's EC key must be on curve P-256.")
        self._key = key
        self.url = url.rstrip("/")
        self.algorithm = "ES256" if isinstance(key, ec.EllipticCurvePrivateKey) else "EdDSA"
        self._public_jwk = _public_jwk(key)
        self.kid = _thumbprint(self._public_jwk)

    @classmethod
    def generate(cls, url: str) -> DevIssuer:
        """A fresh issuer held in memory only (tests)."""
        return cls(ec.generate_private_key(ec.SECP256R1()), url)

    @classmethod
    def load_or_create(cls, path: Path, url: str) -> DevIssuer:
        """The issuer whose key is at `path`, creating the key (mode 0600) on first use."""
        if not path.exists():
            _create_key_file(path)
        if path.stat().st_mode & 0o077:
            logger.warning("The development signing key %s is readable by others.", path)
        loaded = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(loaded, ec.EllipticCurvePrivateKey | Ed25519PrivateKey):
            raise ConfigurationError(f"{path} must hold an EC P-256 or Ed25519 private key.")
        return cls(loaded, url)

    def jwks(self) -> dict[str, Any]:
        """The public key set, as served at `<url>/jwks`."""
        return {"keys": [self._public_jwk | {"kid": self.kid, "use": "sig", "alg": self.algorithm}]}

    def keys(self) -> LocalKeys:
        """The public keys for the verifier, read in process."""
        return LocalKeys(self.jwks())

    def discovery(self) -> dict[str, Any]:
        """The OpenID Connect discovery document (no login endpoints: tokens come from the CLI)."""
        return {
            "issuer": self.url,
            "jwks_uri": f"{self.url}/jwks",
            "id_token_signing_alg_values_supported": [self.algorithm],
            "response_types_supported": ["id_token"],
            "subject_types_supported": ["public"],
        }

    def mint(
        self, user: str, roles: Iterable[str], tenant: str | None, nip: str | None = None, *,
        settings: IdentitySettings | None = None, ttl: timedelta = DEFAULT_TTL,
        now: datetime | None = None, **claims: Any,
    ) -> str:  # fmt: skip
        """A signed token shaped like Keycloak's; `claims` add to or replace the standard ones."""
        settings = settings or IdentitySettings()
        if not timedelta(0) < ttl <= MAX_TTL:
            raise ValueError(f"A token's lifetime must be between 0 and {MAX_TTL.days} days.")
        issued = now or datetime.now(UTC)
        payload: dict[str, Any] = {
            "iss": self.url, "aud": settings.audience, "sub": user, "azp": DEV_CLIENT,
            "typ": "Bearer", "jti": uuid.uuid4().hex,
            "iat": int(issued.timestamp()), "exp": int((issued + ttl).timestamp()),
            settings.claim_user: user, "realm_access": {"roles": list(roles)},
        }  # fmt: skip
        if tenant is not None:
            payload[settings.claim_tenant] = tenant
        if nip is not None:
            payload[settings.claim_nip] = nip
        payload.update(claims)
        return jwt.encode(payload, self._key, algorithm=self.algorithm, headers={"kid": self.kid})


def _create_key_file(path: Path) -> None:
    """Write a new key where no reader can see a half-written file, and never over a key
    another process created meanwhile (the link fails if `path` exists)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    pem = ec.generate_private_key(ec.SECP256R1()).private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    partial = path.with_name(f".{path.name}.{uuid.uuid4().hex}")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(pem)
        os.link(partial, path)
        logger.info("Created the development signing key %s.", path)
    except FileExistsError:
        pass  # another process won: use its key
    finally:
        partial.unlink()


def _public_jwk(key: SigningKey) -> dict[str, Any]:
    if isinstance(key, ec.EllipticCurvePrivateKey):
        return ECAlgorithm.to_jwk(key.public_key(), as_dict=True)
    return OKPAlgorithm.to_jwk(key.public_key(), as_dict=True)


def _thumbprint(jwk: dict[str, Any]) -> str:
    """The key's RFC 7638 thumbprint: its id, stable for the same key."""
    members = ("crv", "kty", "x", "y") if jwk["kty"] == "EC" else ("crv", "kty", "x")
    canonical = json.dumps({m: jwk[m] for m in members}, separators=(",", ":"), sort_keys=True)
    digest = hashlib.sha256(canonical.encode()).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
