"""The development token the GraphiQL page carries, so a first query needs no token hunt.

Only the embedded development issuer mints one (no JEJAK_OIDC_ISSUER): it is there for a
person trying Jejak on their own machine, and `jejak serve` binds 127.0.0.1 unless told
otherwise. Even so, a token goes only to a browser on this machine that names this machine
(the peer and the Host header both loopback: another host on the network, or a web page
rebinding its DNS name to 127.0.0.1, gets none), lives half an hour, and is never cached or
kept in the browser's storage. With an external issuer the page carries no token.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.types import Scope

from access.dev_issuer import DevIssuer
from access.settings import IdentitySettings

PAGE_TOKEN_TTL = timedelta(minutes=30)


@dataclass(frozen=True)
class PageCaller:
    """Who the page's token names: the demo caller `jejak serve --graphiql-role` chose."""

    user: str
    role: str
    tenant: str | None  # None: the platform admin, who acts for no tenant
    nip: str | None = None

    def describe(self) -> str:
        """`hr_officer hr-demo of pemkot-palangkaraya`, for the page's note."""
        return f"{self.role} {self.user}" + (f" of {self.tenant}" if self.tenant else "")


class PageTokens:
    """Mints the page's token for a request from this machine, and for no other."""

    def __init__(
        self, issuer: DevIssuer, caller: PageCaller, settings: IdentitySettings,
        ttl: timedelta = PAGE_TOKEN_TTL,
    ) -> None:  # fmt: skip
        self.issuer = issuer
        self.caller = caller
        self.settings = settings
        self.ttl = ttl

    def for_request(self, scope: Scope) -> str | None:
        """A fresh token when the browser is on this machine and names it, else None."""
        if not is_local(scope):
            return None
        caller = self.caller
        return self.issuer.mint(
            caller.user, [caller.role], caller.tenant, caller.nip,
            settings=self.settings, ttl=self.ttl,
        )  # fmt: skip


def is_local(scope: Scope) -> bool:
    """Whether the peer is a loopback address and the Host header names a loopback host."""
    client = scope.get("client")
    if client is None or not _loopback(client[0]):
        return False
    try:
        host = urlsplit(f"//{Headers(scope=scope).get('host', '')}").hostname
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return False
    return host is not None and (host == "localhost" or _loopback(host))


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
