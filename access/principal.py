"""Who a verified token (or a trusted gateway) says the caller is, and why one is refused.

Keycloak's token shape is the default: roles in `realm_access.roles` and in
`resource_access.<client>.roles`, tenant and NIP as user-attribute claims. A role name counts
when it is a Jejak role, bare or with a `jejak-` prefix; every other role is ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from access.roles import PLATFORM, Role
from access.settings import IdentitySettings
from domain.errors import N_, InvalidInput, phrase
from domain.units import check_tenant

ROLE_PREFIX = "jejak-"
SERVICE_ACCOUNT_PREFIX = "service-account-"  # Keycloak's user name for client credentials
MAX_ID_LENGTH = 200
USER_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@+:-]*")
_NIP_SEPARATORS = str.maketrans("", "", " .-")


class Reason(StrEnum):
    """Why a request carries no usable identity; sent as `extensions.reason`."""

    TOKEN_MISSING = "TOKEN_MISSING"  # noqa: S105 - a reason code, not a secret
    TOKEN_EXPIRED = "TOKEN_EXPIRED"  # noqa: S105 - a reason code, not a secret
    TOKEN_NOT_YET_VALID = "TOKEN_NOT_YET_VALID"  # noqa: S105 - a reason code, not a secret
    WRONG_AUDIENCE = "WRONG_AUDIENCE"
    WRONG_ISSUER = "WRONG_ISSUER"
    UNKNOWN_KEY = "UNKNOWN_KEY"
    BAD_SIGNATURE = "BAD_SIGNATURE"
    MALFORMED_TOKEN = "MALFORMED_TOKEN"  # noqa: S105 - a reason code, not a secret
    NO_ROLE = "NO_ROLE"
    NO_TENANT = "NO_TENANT"
    ISSUER_UNAVAILABLE = "ISSUER_UNAVAILABLE"  # the issuer's keys could not be fetched


class AuthenticationFailed(Exception):
    """A token (or gateway identity) that names nobody; the message says why, no secrets."""

    def __init__(self, reason: Reason, message: str, **params: object) -> None:
        text = message.format(**params) if params else message
        super().__init__(text)
        self.reason = reason
        self.message = text
        self.template = message  # an English template (N_), translated at the boundary
        self.params = params


@dataclass(frozen=True)
class Principal:
    """The verified caller: user id, Jejak roles, tenant and NIP, and whether it is a service."""

    user: str
    roles: frozenset[Role]
    tenant: str | None
    nip: str | None
    service_account: bool = False

    @classmethod
    def checked(
        cls, user: object, roles: Iterable[Role], tenant: object, nip: object,
        service_account: bool = False,
    ) -> Principal:  # fmt: skip
        """A principal whose every value is checked: MALFORMED_TOKEN, NO_ROLE or NO_TENANT."""
        granted = frozenset(roles)
        if not granted:
            raise AuthenticationFailed(Reason.NO_ROLE, N_("The token grants no Jejak role."))
        checked_tenant = None if tenant is None else _tenant(tenant)
        if checked_tenant is None and granted - PLATFORM:
            raise AuthenticationFailed(
                Reason.NO_TENANT,
                N_("The token grants a tenant role but names no tenant (instansi)."),
            )
        return cls(
            user=_user_id(user),
            roles=granted,
            tenant=checked_tenant,
            nip=None if nip is None else _nip(nip),
            service_account=service_account,
        )


def principal_from_claims(claims: Mapping[str, Any], settings: IdentitySettings) -> Principal:
    """The principal a verified token's claims name, per the configured claim names."""
    user = claims.get(settings.claim_user) or claims.get("sub")
    if user is None:
        raise AuthenticationFailed(
            Reason.MALFORMED_TOKEN,
            N_("The token has neither {claim!r} nor 'sub'."),
            claim=settings.claim_user,
        )
    nip = _single(claims.get(settings.claim_nip), settings.claim_nip)
    return Principal.checked(
        user=user,
        roles=granted_roles(claims, settings.role_client),
        tenant=_single(claims.get(settings.claim_tenant), settings.claim_tenant),
        nip=nip,
        service_account=_is_service_account(claims, nip),
    )


def granted_roles(claims: Mapping[str, Any], client: str) -> frozenset[Role]:
    """Jejak roles from `realm_access.roles` and `resource_access.<client>.roles`."""
    names: list[object] = []
    for holder in (claims.get("realm_access"), _get(claims.get("resource_access"), client)):
        listed = _get(holder, "roles")
        if isinstance(listed, list):
            names.extend(listed)
    return frozenset(role for name in names if (role := role_named(name)) is not None)


def role_named(name: object) -> Role | None:
    """The Jejak role a token's role name stands for (`hr_officer` or `jejak-hr_officer`)."""
    if not isinstance(name, str):
        return None
    bare = name.removeprefix(ROLE_PREFIX)
    try:
        return Role(bare)
    except ValueError:
        return None


def _get(holder: object, key: str) -> object:
    return holder.get(key) if isinstance(holder, Mapping) else None


def _single(value: object, claim: str) -> object:
    """A claim's one value: Keycloak sends a multivalued user attribute as a list."""
    if isinstance(value, list):
        if len(value) != 1:
            raise AuthenticationFailed(
                Reason.MALFORMED_TOKEN,
                N_("The token's {claim!r} claim must hold one value."),
                claim=claim,
            )
        return value[0]
    return value


def _is_service_account(claims: Mapping[str, Any], nip: object) -> bool:
    """Client-credentials tokens: Keycloak names the user `service-account-<client>` and
    adds the client id; a person's token carries a NIP or neither."""
    username = claims.get("preferred_username")
    if isinstance(username, str) and username.startswith(SERVICE_ACCOUNT_PREFIX):
        return True
    client_id = claims.get("client_id") or claims.get("clientId")
    return nip is None and client_id is not None and client_id == claims.get("azp")


def _identifier(value: object, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise AuthenticationFailed(
            Reason.MALFORMED_TOKEN, N_("The caller's {what} must be text."), what=phrase(what)
        )
    value = value.strip()
    if len(value) > MAX_ID_LENGTH:
        raise AuthenticationFailed(
            Reason.MALFORMED_TOKEN,
            N_("The caller's {what} is longer than {most} characters."),
            what=phrase(what),
            most=MAX_ID_LENGTH,
        )
    if any(not ch.isprintable() for ch in value):
        raise AuthenticationFailed(
            Reason.MALFORMED_TOKEN,
            N_("The caller's {what} contains control characters."),
            what=phrase(what),
        )
    return value


def _user_id(value: object) -> str:
    """A user id as usernames and subject ids are spelled: no markup, no spaces (it is stored
    on every event and shown to auditors, so it must not carry HTML or a forged line)."""
    user = _identifier(value, N_("user id"))
    if not USER_ID.fullmatch(user):
        raise AuthenticationFailed(
            Reason.MALFORMED_TOKEN,
            N_("The caller's user id may hold only letters, digits and . _ @ + : -"),
        )
    return user


def _tenant(value: object) -> str:
    tenant = _identifier(value, N_("tenant"))
    try:
        return check_tenant(tenant)
    except InvalidInput:
        raise AuthenticationFailed(
            Reason.MALFORMED_TOKEN,
            N_("The caller's tenant is not a tenant code (a lowercase slug)."),
        ) from None


def _nip(value: object) -> str:
    nip = _identifier(value, N_("NIP")).translate(_NIP_SEPARATORS)
    if not (nip.isascii() and nip.isdigit() and len(nip) == 18):
        raise AuthenticationFailed(
            Reason.MALFORMED_TOKEN, N_("The caller's NIP must be 18 digits.")
        )
    return nip
