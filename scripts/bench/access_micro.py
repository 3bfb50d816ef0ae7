"""In-process costs behind the HTTP ratios: verifying a token, the whole authentication step,
the guard's checks and the access-log write, in µs per token or per request (medians).

Token verification is timed on fresh tokens (the verifier's memory never hit) and on one
remembered token, for the development issuer's ES256 and for RS256, Keycloak's default;
`Authenticator.identify` with a remembered token and with gateway headers. The
guard and the log are timed as a request runs them: a fresh `AccessGuard` over the API's
tenant-scoped pool checking both private fields of one record, then (HR) its one INSERT.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from statistics import median
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm
from starlette.datastructures import Headers

from access.dev_issuer import DevIssuer
from access.keys import LocalKeys
from access.settings import IdentitySettings
from access.tokens import TokenVerifier
from domain.aggregates.employee import Employee
from domain.meta import Actor
from graphql_api.guard import AccessGuard
from graphql_api.identity import Authenticator
from scripts.bench.access_cases import HR_USER, PRIVATE_LISTS, gateway_headers
from scripts.bench.access_data import People
from services.caller import Caller
from services.database import Database
from services.read_pool import TenantPool, open_read_pool

ISSUER = "http://127.0.0.1/bench-micro"
TOKENS = 300  # fresh tokens per repetition
REQUESTS = 200  # guarded requests per repetition


@dataclass(frozen=True)
class MicroCosts:
    """µs per token or per request."""

    verify_cold: dict[str, float]  # by algorithm
    verify_cached: dict[str, float]
    identify_token: float  # the whole authentication step, a remembered ES256 token
    identify_gateway: float  # the same, the caller named by gateway headers
    guard_hr: float  # both private fields of one record, HR
    guard_own: float  # the same, the owner reading (their headed units looked up too)
    log_write: float  # HR's request writing its one access-log row


Mint = Callable[[str], str]  # user → a fresh signed token


def _es256() -> tuple[Mint, LocalKeys]:
    issuer = DevIssuer.generate(ISSUER)
    return (lambda user: issuer.mint(user, ["hr_officer"], "pemkot-bench")), issuer.keys()


def _rs256() -> tuple[Mint, LocalKeys]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    kid = uuid.uuid4().hex
    jwk = RSAAlgorithm.to_jwk(key.public_key(), as_dict=True)

    def mint(user: str) -> str:
        now = datetime.now(UTC)
        claims = {
            "iss": ISSUER, "aud": "jejak", "sub": user, "preferred_username": user,
            "iat": int(now.timestamp()), "exp": int((now + timedelta(hours=1)).timestamp()),
            "realm_access": {"roles": ["hr_officer"]}, "instansi": "pemkot-bench",
        }  # fmt: skip
        return jwt.encode(claims, key, algorithm="RS256", headers={"kid": kid})

    return mint, LocalKeys({"keys": [jwk | {"kid": kid, "alg": "RS256", "use": "sig"}]})


async def _per_item(items: Sequence[Any], op: Callable[[Any], Awaitable[object]]) -> float:
    started = time.perf_counter()
    for item in items:
        await op(item)
    return (time.perf_counter() - started) / len(items) * 1e6


async def _verify_costs(repetitions: int) -> tuple[dict[str, float], dict[str, float]]:
    settings = IdentitySettings()
    cold: dict[str, float] = {}
    cached: dict[str, float] = {}
    for algorithm, (mint, keys) in {"ES256": _es256(), "RS256": _rs256()}.items():
        cold_runs, cached_runs = [], []
        for _ in range(repetitions):
            tokens = [mint(f"user-{n}") for n in range(TOKENS)]  # signed before the clock runs
            verifier = TokenVerifier(settings, ISSUER, keys)
            cold_runs.append(await _per_item(tokens, verifier.verify))
            cached_runs.append(await _per_item([tokens[0]] * TOKENS, verifier.verify))
        cold[algorithm], cached[algorithm] = median(cold_runs), median(cached_runs)
    return cold, cached


async def _identify_costs(repetitions: int) -> tuple[float, float]:
    """Authenticator.identify per request: a remembered bearer token, and gateway headers."""
    settings = IdentitySettings(trust_gateway_headers=True)
    issuer = DevIssuer.generate(ISSUER)
    authenticator = Authenticator.for_dev_issuer(issuer, settings)
    token = issuer.mint(HR_USER, ["hr_officer"], "pemkot-bench", settings=settings)
    bearer = Headers({"authorization": f"Bearer {token}"})
    gateway = Headers({k.lower(): v for k, v in gateway_headers("pemkot-bench").items()})

    async def identify(headers: Headers) -> None:
        if (await authenticator.identify(headers, "bench-access-micro")).caller is None:
            raise AssertionError("the benchmark's caller was refused")

    token_runs, gateway_runs = [], []
    for _ in range(repetitions):
        token_runs.append(await _per_item([bearer] * TOKENS, identify))
        gateway_runs.append(await _per_item([gateway] * TOKENS, identify))
    return median(token_runs), median(gateway_runs)


async def _guard_costs(
    database: Database, people: People, repetitions: int
) -> tuple[float, float, float]:
    pool = await open_read_pool(database, min_size=1, max_size=2)
    scoped = TenantPool(pool, people.tenant)
    hr = Caller(Actor(HR_USER, "hr_officer"), people.tenant, "bench-access-micro")
    me = Caller(Actor(people.appraiser, "employee"), people.tenant, "bench-access-micro",
                people.appraiser)  # fmt: skip
    flush_seconds: list[float] = []

    async def checked(caller: Caller, nip: str) -> AccessGuard:
        guard = AccessGuard(caller, scoped)
        for name in PRIVATE_LISTS:
            if not await guard.may_see(Employee.id_for(nip), frozenset(), f"Employee.{name}"):
                raise AssertionError(f"{caller.actor.role} may not see {nip}")
        return guard

    async def hr_checks(nip: str) -> None:
        guard = await checked(hr, nip)
        started = time.perf_counter()
        await guard.flush()
        flush_seconds.append(time.perf_counter() - started)

    try:
        hr_runs, own_runs, log_runs = [], [], []
        nips = (people.nips * (REQUESTS // len(people.nips) + 1))[:REQUESTS]
        for _ in range(repetitions):
            flush_seconds.clear()
            total = await _per_item(nips, hr_checks)
            log_runs.append(sum(flush_seconds) / len(nips) * 1e6)
            hr_runs.append(total - log_runs[-1])
            own_runs.append(await _per_item([people.appraiser] * REQUESTS,
                                            lambda nip: checked(me, nip)))  # fmt: skip
        return median(hr_runs), median(own_runs), median(log_runs)
    finally:
        await pool.close()


def micro_costs(database: Database, people: People, repetitions: int) -> MicroCosts:
    """Every in-process figure, `repetitions` times each."""

    async def every() -> MicroCosts:
        cold, cached = await _verify_costs(repetitions)
        token, gateway = await _identify_costs(repetitions)
        hr, own, log = await _guard_costs(database, people, repetitions)
        return MicroCosts(cold, cached, token, gateway, hr, own, log)

    return asyncio.run(every())
