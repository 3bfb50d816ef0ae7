"""Who is calling: a verified OpenID Connect bearer token, turned into the request's `Caller`.

`Authorization: Bearer <jwt>` (exactly one such header) is verified by `access.tokens`. A token
granting several Jejak roles acts in the one named by `X-Jejak-Act-As`, or else in the first
of `ROLE_PRECEDENCE`. People act under their NIP: with a NIP claim it is the actor's user id.
Only with JEJAK_TRUST_GATEWAY_HEADERS=1 do `X-Jejak-User/Role/Tenant` (and `X-Jejak-Nip`)
name the caller instead, for an authenticating gateway that sets them and drops a client's.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field

from starlette.datastructures import Headers

from access.dev_issuer import DevIssuer
from access.keys import IssuerKeys
from access.principal import AuthenticationFailed, Principal, Reason, role_named
from access.roles import PLATFORM, Role
from access.settings import IdentitySettings
from access.tokens import TokenVerifier
from domain.errors import N_, InvalidInput, NotAllowedForRole
from domain.meta import Actor
from graphql_api.errors import Unauthenticated
from services.caller import Caller

AUTHORIZATION_HEADER = "Authorization"
ACT_AS_HEADER = "X-Jejak-Act-As"
GATEWAY_HEADERS = ("X-Jejak-User", "X-Jejak-Role", "X-Jejak-Tenant")
GATEWAY_NIP_HEADER = "X-Jejak-Nip"
ROLE_PRECEDENCE = (
    Role.HR_OFFICER, Role.AUDITOR, Role.SUPERVISOR, Role.TRAINING_INSTITUTION, Role.EMPLOYEE,
    Role.REPORTING, Role.PUBLIC_PORTAL, Role.ADMIN,
)  # fmt: skip
ROLE_NOT_GRANTED = "ROLE_NOT_GRANTED"
# The tenant a platform admin acts in when its token names none: a Caller always has one.
PLATFORM_TENANT = "jejak-platform"
logger = logging.getLogger("jejak.identity")


@dataclass(frozen=True)
class Identity:
    """The request's caller, or why there is none (`reason`; `status` 401, or 403 for a role
    the token does not grant)."""

    caller: Caller | None
    problem: str = ""  # an English template (N_) that `params` fill in
    reason: str = Reason.TOKEN_MISSING.value
    status: int = 401
    params: Mapping[str, object] = field(default_factory=dict)

    @classmethod
    def of(cls, caller: Caller) -> Identity:
        """The identity of an already known caller (tests, in-process callers)."""
        return cls(caller)

    @classmethod
    def refused(cls, failure: AuthenticationFailed) -> Identity:
        return cls(None, failure.template, failure.reason.value, params=failure.params)

    def require(self) -> Caller:
        """The caller, or UNAUTHENTICATED (FORBIDDEN for a role not granted) saying why."""
        if self.caller is not None:
            return self.caller
        if self.status == 403:
            raise NotAllowedForRole(self.problem, **self.params)
        raise Unauthenticated(self.problem, params=self.params, reason=self.reason)


class Authenticator:
    """Turns a request's headers into an Identity, with one issuer's verifier."""

    def __init__(
        self, settings: IdentitySettings, verifier: TokenVerifier,
        dev_issuer: DevIssuer | None = None,
    ) -> None:  # fmt: skip
        self.settings = settings
        self.verifier = verifier
        self.dev_issuer = dev_issuer  # served at /dev-issuer when set

    @classmethod
    def from_settings(cls, settings: IdentitySettings, dev_issuer_url: str) -> Authenticator:
        """The configured external issuer, else the development issuer (key created once)."""
        if settings.trust_gateway_headers:
            logger.warning(
                "JEJAK_TRUST_GATEWAY_HEADERS is on: X-Jejak-User/Role/Tenant name the caller "
                "unverified. Only run so behind a gateway that authenticates and strips them."
            )
        if settings.issuer is not None:
            keys = IssuerKeys(settings.issuer)
            return cls(settings, TokenVerifier(settings, settings.issuer, keys))
        url = settings.dev_issuer_url or dev_issuer_url
        return cls.for_dev_issuer(DevIssuer.load_or_create(settings.dev_issuer_key, url), settings)

    @classmethod
    def for_dev_issuer(cls, issuer: DevIssuer, settings: IdentitySettings) -> Authenticator:
        """Trusting `issuer`'s tokens, its key set read in process, through the one verifier."""
        return cls(settings, TokenVerifier(settings, issuer.url, issuer.keys()), issuer)

    async def identify(self, headers: Headers, correlation_id: str) -> Identity:
        """The caller the request's credentials name, or why they name none."""
        try:
            principal = await self._principal(headers)
        except AuthenticationFailed as failure:
            return Identity.refused(failure)
        return caller_of(principal, headers.getlist(ACT_AS_HEADER), correlation_id)

    async def _principal(self, headers: Headers) -> Principal:
        if self.settings.trust_gateway_headers and any(h in headers for h in GATEWAY_HEADERS):
            return gateway_principal(headers)
        return await self.verifier.verify(bearer_token(headers))


def bearer_token(headers: Headers) -> str:
    """The token of the one `Authorization: Bearer` header ('' when there is none)."""
    values = headers.getlist(AUTHORIZATION_HEADER)
    if not values:
        return ""
    if len(values) > 1:
        raise AuthenticationFailed(
            Reason.MALFORMED_TOKEN, N_("Send exactly one Authorization header.")
        )
    scheme, _, token = values[0].strip().partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token or " " in token:
        raise AuthenticationFailed(
            Reason.MALFORMED_TOKEN, N_("The Authorization header must be 'Bearer <token>'.")
        )
    return token


def gateway_principal(headers: Headers) -> Principal:
    """The caller a trusted gateway names; every header exactly once (X-Jejak-Nip optional)."""
    values: dict[str, str | None] = {}
    for name in (*GATEWAY_HEADERS, GATEWAY_NIP_HEADER):
        given = headers.getlist(name)
        if len(given) > 1:
            raise AuthenticationFailed(
                Reason.MALFORMED_TOKEN, N_("{name} was sent more than once."), name=name
            )
        values[name] = given[0].strip() if given else None
    user, role, tenant = (values[name] for name in GATEWAY_HEADERS)
    if not user:
        raise AuthenticationFailed(Reason.TOKEN_MISSING, N_("The gateway sent no X-Jejak-User."))
    named = role_named(role)
    return Principal.checked(user, [] if named is None else [named], tenant or None,
                             values[GATEWAY_NIP_HEADER] or None)  # fmt: skip


def caller_of(principal: Principal, act_as: list[str], correlation_id: str) -> Identity:
    """The caller acting in the asked-for role (one the principal holds) or the first held."""
    if len(act_as) > 1:
        return Identity(
            None,
            N_("Send {header} at most once."),
            ROLE_NOT_GRANTED,
            403,
            {"header": ACT_AS_HEADER},
        )
    if act_as:
        role = role_named(act_as[0].strip())
        if role is None or role not in principal.roles:
            granted = ", ".join(r for r in ROLE_PRECEDENCE if r in principal.roles)
            return Identity(
                None, N_("{header} must name a role the token grants: {granted}."),
                ROLE_NOT_GRANTED, 403, {"header": ACT_AS_HEADER, "granted": granted},
            )  # fmt: skip
    else:
        role = next(r for r in ROLE_PRECEDENCE if r in principal.roles)
    tenant = principal.tenant or (PLATFORM_TENANT if role in PLATFORM else None)
    if tenant is None:
        failure = AuthenticationFailed(
            Reason.NO_TENANT, N_("The token names no tenant (instansi).")
        )
        return Identity.refused(failure)
    try:
        actor = Actor(principal.nip or principal.user, role.value)
        return Identity(Caller(actor, tenant, correlation_id, principal.nip))
    except InvalidInput as error:
        failure = AuthenticationFailed(Reason.MALFORMED_TOKEN, error.template, **error.params)
        return Identity.refused(failure)
