"""Where the issuer's public keys come from: its JWKS over HTTP, or a key set in process.

`IssuerKeys` follows OpenID Connect discovery once (`<issuer>/.well-known/openid-configuration`
→ `jwks_uri`) and keeps the key set in PyJWT's `PyJWKClient`, which refetches it when it
expires or when a token names a key it does not hold (rotation), at most once per cooldown.
Network reads run in a worker thread with a timeout, never on the event loop; a key already
held is found without leaving the loop.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
import urllib.request
from typing import Any, Protocol
from urllib.error import HTTPError, URLError
from urllib.parse import urlparse

from jwt import PyJWK, PyJWKClient, PyJWKSet
from jwt.exceptions import PyJWKClientConnectionError, PyJWKClientError, PyJWTError

from access.principal import AuthenticationFailed, Reason
from domain.errors import N_

FETCH_TIMEOUT_SECONDS = 5.0
KEY_SET_LIFESPAN_SECONDS = 300.0
REFRESH_COOLDOWN_SECONDS = 30.0  # an unknown kid refetches the set at most this often
RETRY_AFTER_FAILURE_SECONDS = 5.0  # an unreachable issuer is not asked again before this
MAX_DISCOVERY_BYTES = 256 * 1024
DISCOVERY_PATH = "/.well-known/openid-configuration"


class KeySource(Protocol):
    """Finds the public key a token's `kid` names."""

    async def signing_key(self, kid: str) -> PyJWK: ...


def _unknown_key() -> AuthenticationFailed:
    return AuthenticationFailed(
        Reason.UNKNOWN_KEY, N_("The token is signed by a key the issuer does not publish.")
    )


def _unavailable(message: str) -> AuthenticationFailed:
    return AuthenticationFailed(Reason.ISSUER_UNAVAILABLE, message)


class LocalKeys:
    """A key set held in process: the development issuer's own public keys."""

    def __init__(self, jwks: dict[str, Any]) -> None:
        self._keys = {key.key_id: key for key in PyJWKSet.from_dict(jwks).keys if key.key_id}

    async def signing_key(self, kid: str) -> PyJWK:
        try:
            return self._keys[kid]
        except KeyError:
            raise _unknown_key() from None


class IssuerKeys:
    """An external issuer's keys, found by discovery and cached by `PyJWKClient`."""

    def __init__(
        self, issuer: str, *, timeout: float = FETCH_TIMEOUT_SECONDS,
        lifespan: float = KEY_SET_LIFESPAN_SECONDS, cooldown: float = REFRESH_COOLDOWN_SECONDS,
    ) -> None:  # fmt: skip
        self.issuer = issuer
        self.timeout = timeout
        self.lifespan = lifespan
        self.cooldown = cooldown
        self._client: PyJWKClient | None = None
        self._lock = threading.Lock()
        # While the issuer is down, requests fail at once rather than each holding a worker
        # thread (the pool the commands run in) for a timeout.
        self._down_until = 0.0

    async def signing_key(self, kid: str) -> PyJWK:
        held = self._held(kid)
        if held is not None:
            return held
        if time.monotonic() < self._down_until:
            raise _unavailable(N_("The token issuer did not answer just now; retrying shortly."))
        try:  # the socket timeout bounds each read; this bounds the whole fetch
            return await asyncio.wait_for(
                asyncio.to_thread(self._fetch_key, kid), self.timeout * 2 + 1
            )
        except TimeoutError:
            self._down_until = time.monotonic() + RETRY_AFTER_FAILURE_SECONDS
            raise _unavailable(
                N_("The token issuer's keys could not be fetched in time.")
            ) from None
        except AuthenticationFailed as failure:
            if failure.reason is Reason.ISSUER_UNAVAILABLE:
                self._down_until = time.monotonic() + RETRY_AFTER_FAILURE_SECONDS
            raise

    def _held(self, kid: str) -> PyJWK | None:
        """The key from the unexpired cached set, without any network read."""
        client = self._client
        cached = client.jwk_set_cache.get() if client and client.jwk_set_cache else None
        if cached is None:
            return None
        usable = (k for k in cached.keys if k.public_key_use in ("sig", None))
        return next((k for k in usable if k.key_id == kid), None)

    def _fetch_key(self, kid: str) -> PyJWK:
        try:
            return self._jwks_client().get_signing_key(kid)
        except PyJWKClientConnectionError:
            raise AuthenticationFailed(
                Reason.ISSUER_UNAVAILABLE, N_("The token issuer's keys could not be fetched.")
            ) from None
        except PyJWKClientError:
            raise _unknown_key() from None
        except PyJWTError:  # a key set that holds no usable key
            raise AuthenticationFailed(
                Reason.ISSUER_UNAVAILABLE, N_("The token issuer publishes no usable keys.")
            ) from None

    def _jwks_client(self) -> PyJWKClient:
        with self._lock:  # discovery runs once, however many requests arrive first
            if self._client is None:
                self._client = PyJWKClient(
                    self._discover_jwks_uri(), cache_jwk_set=True, lifespan=self.lifespan,
                    timeout=self.timeout, cooldown_duration=self.cooldown,
                )  # fmt: skip
            return self._client

    def _discover_jwks_uri(self) -> str:
        url = self.issuer.rstrip("/") + DISCOVERY_PATH
        document = _fetch_json(url, self.timeout)
        # OpenID Connect Discovery §4.3: the document must name the issuer it was asked for.
        if document.get("issuer") != self.issuer:
            raise AuthenticationFailed(
                Reason.ISSUER_UNAVAILABLE,
                N_("The issuer's discovery document names another issuer."),
            )
        jwks_uri = document.get("jwks_uri")
        if not isinstance(jwks_uri, str) or urlparse(jwks_uri).scheme not in {"http", "https"}:
            raise AuthenticationFailed(
                Reason.ISSUER_UNAVAILABLE,
                N_("The issuer's discovery document has no http(s) jwks_uri."),
            )
        return jwks_uri


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *_: Any, **__: Any) -> None:
        return None


def _fetch_json(url: str, timeout: float) -> dict[str, Any]:
    """GET a JSON object, bounded in time and size, following no redirect."""
    if urlparse(url).scheme not in {"http", "https"}:
        raise AuthenticationFailed(Reason.ISSUER_UNAVAILABLE, N_("The issuer URL is not http(s)."))
    opener = urllib.request.build_opener(_NoRedirects())
    request = urllib.request.Request(url, headers={"Accept": "application/json"})  # noqa: S310
    try:
        with opener.open(request, timeout=timeout) as response:
            body = response.read(MAX_DISCOVERY_BYTES + 1)
        if len(body) > MAX_DISCOVERY_BYTES:
            raise ValueError("too large")
        document = json.loads(body)
    except (URLError, TimeoutError, OSError, ValueError) as error:
        if isinstance(error, HTTPError):
            error.close()  # it holds the response's socket
        raise AuthenticationFailed(
            Reason.ISSUER_UNAVAILABLE,
            N_("The token issuer's discovery document could not be read."),
        ) from None
    if not isinstance(document, dict):
        raise AuthenticationFailed(
            Reason.ISSUER_UNAVAILABLE, N_("The issuer's discovery document is not a JSON object.")
        )
    return document
