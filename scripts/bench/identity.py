"""Who the benchmark calls as: an HR officer with a development-issuer bearer token.

The servers under test run in their own processes; they are told to trust the same key file
and issuer URL the load generator signs with, and never an external issuer or gateway headers,
so both sides of every comparison verify the same kind of token.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from access.dev_issuer import DevIssuer
from access.settings import IdentitySettings

ISSUER_URL = "http://127.0.0.1/bench-issuer"
TOKEN_TTL = timedelta(hours=12)  # outlasts the longest run


def key_path() -> Path:
    """The development issuer's key file (`jejak serve`'s own unless configured)."""
    return IdentitySettings.from_env().dev_issuer_key.resolve()


def server_environment() -> dict[str, str]:
    """Identity variables for a server process: trust the benchmark's issuer only."""
    return {
        "JEJAK_OIDC_ISSUER": "",
        "JEJAK_TRUST_GATEWAY_HEADERS": "0",
        "JEJAK_DEV_ISSUER_KEY": str(key_path()),
        "JEJAK_DEV_ISSUER_URL": ISSUER_URL,
    }


def bearer_headers(tenant: str) -> dict[str, str]:
    """An HR officer of `tenant`, with a token the servers accept."""
    issuer = DevIssuer.load_or_create(key_path(), ISSUER_URL)
    token = issuer.mint("bench-1", ["hr_officer"], tenant, ttl=TOKEN_TTL)
    return {"Authorization": f"Bearer {token}"}
