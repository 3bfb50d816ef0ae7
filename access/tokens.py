"""Verifying an OpenID Connect bearer token (a JWT) into a `Principal`, with PyJWT.

One code path for every issuer, external or the embedded development one: the token's `alg`
must be on the configured asymmetric list, its key must be published by the issuer under the
token's `kid`, the signature is checked before any claim, and then `exp`, `nbf`, `iat`, `iss`
and `aud` (with the configured leeway). Failures raise `AuthenticationFailed` with a reason
code; messages say which rule failed, never the token, a key or where a signature broke.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable

import jwt
from jwt.exceptions import (
    DecodeError,
    ExpiredSignatureError,
    ImmatureSignatureError,
    InvalidAlgorithmError,
    InvalidAudienceError,
    InvalidIssuedAtError,
    InvalidIssuerError,
    InvalidKeyError,
    InvalidSignatureError,
    MissingRequiredClaimError,
    PyJWTError,
)
from jwt.types import Options

from access.keys import KeySource
from access.principal import AuthenticationFailed, Principal, Reason, principal_from_claims
from access.settings import IdentitySettings
from domain.errors import N_

REQUIRED_CLAIMS = ("exp", "iat", "iss", "aud")
MAX_TOKEN_LENGTH = 16 * 1024
REMEMBERED_TOKENS = 1024  # verified tokens kept, most recently used first
REMEMBER_SECONDS = 60.0  # a remembered token is verified again after this, or once expired


class TokenVerifier:
    """Checks tokens of one issuer against its keys and maps their claims to a principal."""

    def __init__(
        self, settings: IdentitySettings, issuer: str, keys: KeySource,
        clock: Callable[[], float] = time.time,
    ) -> None:  # fmt: skip
        self.settings = settings
        self.issuer = issuer
        self.keys = keys
        self.clock = clock
        # Verifying a signature costs a few hundred µs; a client sends the same token for
        # every request. Only successes are kept, never past `exp` (with the leeway).
        self._verified: OrderedDict[str, tuple[Principal, float]] = OrderedDict()
        self._options: Options = {
            "require": list(REQUIRED_CLAIMS),
            "enforce_minimum_key_length": True,  # a short RSA key is refused, not warned of
        }

    async def verify(self, token: str) -> Principal:
        """The principal `token` names, or AuthenticationFailed saying why not."""
        if not token:
            raise AuthenticationFailed(Reason.TOKEN_MISSING, N_("No bearer token was sent."))
        if len(token) > MAX_TOKEN_LENGTH:
            raise AuthenticationFailed(Reason.MALFORMED_TOKEN, N_("The bearer token is too long."))
        remembered = self._remembered(token)
        if remembered is not None:
            return remembered
        kid = self._checked_header(token)
        key = await self.keys.signing_key(kid)
        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=list(self.settings.algorithms),
                audience=self.settings.audience,
                issuer=self.issuer,
                leeway=self.settings.leeway_seconds,
                options=self._options,
            )
        except PyJWTError as error:
            raise _failure(error) from None
        principal = principal_from_claims(claims, self.settings)
        self._remember(token, principal, float(claims["exp"]))
        return principal

    def _remembered(self, token: str) -> Principal | None:
        found = self._verified.get(token)
        if found is None:
            return None
        principal, until = found
        if self.clock() >= until:
            del self._verified[token]
            return None
        self._verified.move_to_end(token)
        return principal

    def _remember(self, token: str, principal: Principal, exp: float) -> None:
        # PyJWT accepts a token while now < exp + leeway: so does the memory.
        until = min(exp + self.settings.leeway_seconds, self.clock() + REMEMBER_SECONDS)
        self._verified[token] = (principal, until)
        if len(self._verified) > REMEMBERED_TOKENS:
            self._verified.popitem(last=False)

    def _checked_header(self, token: str) -> str:
        """The token's `kid`, once its header shows an accepted algorithm."""
        try:
            header = jwt.get_unverified_header(token)
        except PyJWTError:
            raise AuthenticationFailed(
                Reason.MALFORMED_TOKEN, N_("The bearer token is not a JWT.")
            ) from None
        if header.get("alg") not in self.settings.algorithms:
            raise AuthenticationFailed(
                Reason.MALFORMED_TOKEN,
                "The token is not signed with an algorithm this service accepts "
                f"({', '.join(self.settings.algorithms)}).",
            )
        kid = header.get("kid")
        if not isinstance(kid, str) or not kid:
            raise AuthenticationFailed(
                Reason.UNKNOWN_KEY, N_("The token names no signing key (kid).")
            )
        return kid


# Most specific first: several of PyJWT's errors subclass DecodeError.
_REASONS: tuple[tuple[type[PyJWTError], Reason, str], ...] = (
    (ExpiredSignatureError, Reason.TOKEN_EXPIRED, N_("The token has expired.")),
    (ImmatureSignatureError, Reason.TOKEN_NOT_YET_VALID, N_("The token is not valid yet.")),
    (InvalidAudienceError, Reason.WRONG_AUDIENCE, N_("The token is not meant for this service.")),
    (
        InvalidIssuerError,
        Reason.WRONG_ISSUER,
        N_("The token's issuer is not one this service trusts."),
    ),
    (InvalidSignatureError, Reason.BAD_SIGNATURE, N_("The token's signature is not valid.")),
    (InvalidAlgorithmError, Reason.BAD_SIGNATURE, N_("The token's signature is not valid.")),
    (InvalidKeyError, Reason.UNKNOWN_KEY, N_("The token's key cannot verify it.")),
    (
        InvalidIssuedAtError,
        Reason.MALFORMED_TOKEN,
        N_("The token's issued-at time is not a number."),
    ),
    (MissingRequiredClaimError, Reason.MALFORMED_TOKEN, N_("The token lacks a required claim.")),
    (DecodeError, Reason.MALFORMED_TOKEN, N_("The bearer token cannot be decoded.")),
)


def _failure(error: PyJWTError) -> AuthenticationFailed:
    """The reason and message for a PyJWT error (never PyJWT's own text beyond a claim name)."""
    for kind, reason, message in _REASONS:
        if isinstance(error, kind):
            if isinstance(error, MissingRequiredClaimError):
                message = f"The token lacks the required claim {error.claim!r}."
            return AuthenticationFailed(reason, message)
    return AuthenticationFailed(Reason.MALFORMED_TOKEN, N_("The bearer token is not valid."))


__all__ = ["AuthenticationFailed", "Principal", "Reason", "TokenVerifier"]
