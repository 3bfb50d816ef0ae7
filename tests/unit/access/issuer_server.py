"""A tiny OpenID Connect issuer on 127.0.0.1: a discovery document and a JWKS, over real HTTP.

Tests put public keys in `keys` (rotation: add one later) and read `fetches` to see how often
the verifier went to the network; `sign` makes tokens with the private half.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from jwt.algorithms import ECAlgorithm, RSAAlgorithm

PrivateKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey
AUDIENCE = "jejak"
TENANT = "pemkot-palangkaraya"


@dataclass
class SigningKey:
    kid: str
    private: PrivateKey

    @property
    def algorithm(self) -> str:
        return "RS256" if isinstance(self.private, rsa.RSAPrivateKey) else "ES256"

    def public_jwk(self) -> dict[str, Any]:
        public = self.private.public_key()
        if isinstance(public, rsa.RSAPublicKey):
            jwk = RSAAlgorithm.to_jwk(public, as_dict=True)
        else:
            jwk = ECAlgorithm.to_jwk(public, as_dict=True)
        return jwk | {"kid": self.kid, "use": "sig", "alg": self.algorithm}


def rsa_key(kid: str) -> SigningKey:
    return SigningKey(kid, rsa.generate_private_key(public_exponent=65537, key_size=2048))


def ec_key(kid: str) -> SigningKey:
    return SigningKey(kid, ec.generate_private_key(ec.SECP256R1()))


@dataclass
class Issuer:
    url: str
    keys: list[SigningKey] = field(default_factory=list)
    fetches: dict[str, int] = field(default_factory=lambda: {"discovery": 0, "jwks": 0})
    discovery_issuer: str | None = None  # a lying discovery document names another issuer
    down: bool = False  # answers 503 to everything (still counted)

    def claims(self, **changes: Any) -> dict[str, Any]:
        """A Keycloak-shaped access token's claims, valid for five minutes from now."""
        now = datetime.now(UTC)
        claims = {
            "iss": self.url, "aud": AUDIENCE, "sub": "f1d3c0de", "azp": "jejak-portal",
            "iat": int(now.timestamp()), "exp": int((now + timedelta(minutes=5)).timestamp()),
            "preferred_username": "hr-budi", "instansi": TENANT,
            "realm_access": {"roles": ["offline_access", "hr_officer"]},
        }  # fmt: skip
        merged = claims | changes
        return {name: value for name, value in merged.items() if value is not None}  # None: drop

    def sign(self, key: SigningKey, **changes: Any) -> str:
        return jwt.encode(
            self.claims(**changes), key.private, algorithm=key.algorithm, headers={"kid": key.kid}
        )

    def answer(self, path: str) -> dict[str, Any] | None:
        if path == "/realms/jejak/.well-known/openid-configuration":
            self.fetches["discovery"] += 1
            if self.down:
                return None
            issuer = self.discovery_issuer or self.url
            return {"issuer": issuer, "jwks_uri": f"{self.url}/protocol/openid-connect/certs"}
        if path == "/realms/jejak/protocol/openid-connect/certs":
            self.fetches["jwks"] += 1
            return {"keys": [key.public_jwk() for key in self.keys]}
        return None


@contextmanager
def running_issuer() -> Iterator[Issuer]:
    """An issuer at http://127.0.0.1:<free port>/realms/jejak, served from a thread."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = issuer.answer(self.path)
            payload = json.dumps(body).encode()
            self.send_response(200 if body is not None else 404)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *_: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    issuer = Issuer(f"http://127.0.0.1:{server.server_address[1]}/realms/jejak")
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield issuer
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
