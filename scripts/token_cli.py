"""`jejak token` and what `jejak serve` says about identity: development bearer tokens.

Both read the identity settings of the environment. With no external issuer configured, they
share the development issuer's key (JEJAK_DEV_ISSUER_KEY, default
`.jejak/dev-issuer/signing-key.pem`), so a token printed here is accepted by `serve`.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
from datetime import date, timedelta

from access.dev_issuer import DEFAULT_TTL, DevIssuer, dev_issuer_url
from access.principal import role_named
from access.settings import ConfigurationError, IdentitySettings
from domain.errors import InvalidInput
from domain.jabatan import JabatanKind
from domain.units import check_tenant
from graphql_api.identity import Authenticator
from scripts.datagen.loader import DEMO_EMPLOYEES, DEMO_SEED
from scripts.datagen.plan import EmployeePlan, build_plan
from scripts.datagen.steps import Appoint, ChangeJabatan, EndEmployment
from scripts.output import error_line, tr

DEMO_TENANT = "pemkot-palangkaraya"
_TTL = re.compile(r"^(\d+)([smhd])$")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}
logger = logging.getLogger("jejak.identity")


def parse_ttl(text: str) -> timedelta:
    """A lifetime such as 90s, 30m, 8h or 2d."""
    match = _TTL.match(text.strip())
    if match is None:
        refusal = tr("{text} is not a lifetime like 30m, 8h or 2d.", text=repr(text))
        raise argparse.ArgumentTypeError(refusal)
    return timedelta(**{_UNITS[match[2]]: int(match[1])})


def add_token_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `jejak token`."""
    token = commands.add_parser(
        "token", help="print a bearer token from the development issuer (no external issuer)"
    )
    token.add_argument("--user", required=True, help="user id (a person's NIP for employees)")
    token.add_argument("--role", required=True, help="hr_officer, auditor, employee, …")
    token.add_argument("--tenant", required=True, help="the instansi, e.g. pemkot-palangkaraya")
    token.add_argument("--nip", help="the caller's NIP (people act under it)")
    token.add_argument("--ttl", type=parse_ttl, default=DEFAULT_TTL, help="lifetime (default 8h)")
    token.add_argument("--host", default="127.0.0.1", help="the host `jejak serve` listens on")
    token.add_argument("--port", type=int, default=8000, help="the port `jejak serve` listens on")
    token.set_defaults(func=cmd_token)


def cmd_token(args: argparse.Namespace) -> int:
    settings = _settings()
    if settings.external:
        print(
            tr(
                "Tokens come from {issuer} (JEJAK_OIDC_ISSUER): ask that issuer; "
                "the development issuer is off.",
                issuer=settings.issuer,
            ),
            file=sys.stderr,
        )
        return 2
    if role_named(args.role) is None:
        print(tr("{role} is not a Jejak role.", role=repr(args.role)), file=sys.stderr)
        return 2
    try:
        check_tenant(args.tenant)
    except InvalidInput as error:
        print(error_line(error), file=sys.stderr)
        return 2
    issuer = _dev_issuer(settings, args.host, args.port)
    print(issuer.mint(args.user, [args.role], args.tenant, args.nip, settings=settings,
                      ttl=args.ttl))  # fmt: skip
    return 0


def serve_authenticator(host: str, port: int) -> Authenticator:
    """The authenticator `jejak serve` runs with; says on stderr where tokens come from."""
    settings = _settings()
    authenticator = Authenticator.from_settings(settings, dev_issuer_url(host, port))
    if authenticator.dev_issuer is None:
        print(tr("Identity: bearer tokens from {issuer}; the development issuer is off.",
                 issuer=settings.issuer), file=sys.stderr)  # fmt: skip
        return authenticator
    issuer = authenticator.dev_issuer
    print(tr("Identity: development token issuer at {url} (key {key}); "
             "`jejak token --user U --role R --tenant T` prints a token.",
             url=issuer.url, key=settings.dev_issuer_key), file=sys.stderr)  # fmt: skip
    return authenticator


def print_demo_tokens(authenticator: Authenticator, planned_until: date | None = None) -> None:
    """Ready tokens for the demo tenant's roles (people of the demo planned up to
    `planned_until`), and the GraphiQL headers line to paste."""
    issuer, settings = authenticator.dev_issuer, authenticator.settings
    if issuer is None:
        print(tr("Demo tokens come from the development issuer, which is off."), file=sys.stderr)
        return
    employee, supervisor = demo_people(planned_until)
    callers = [
        ("hr_officer", "hr-demo", None), ("auditor", "inspektorat-demo", None),
        ("supervisor", supervisor, supervisor), ("employee", employee, employee),
        ("training_institution", "bpsdm-kalteng", None),
    ]  # fmt: skip
    print(tr("Demo bearer tokens for {tenant} (valid {ttl}):", tenant=DEMO_TENANT,
             ttl=DEFAULT_TTL), file=sys.stderr)  # fmt: skip
    tokens = {}
    for role, user, nip in callers:
        tokens[role] = issuer.mint(user, [role], DEMO_TENANT, nip, settings=settings)
        print(f"  {role:<21} {user:<20} {tokens[role]}", file=sys.stderr)
    print(tr("GraphiQL headers (HR officer):"), file=sys.stderr)
    print(f'  {{"Authorization": "Bearer {tokens["hr_officer"]}"}}', file=sys.stderr)


def demo_people(planned_until: date | None = None) -> tuple[str, str]:
    """NIPs of the demo tenant: its youngest active staff member and head (a supervisor)."""
    plan = build_plan(DEMO_EMPLOYEES, DEMO_SEED, today=planned_until)
    [tenant] = [t for t in plan.tenants if t.region.tenant == DEMO_TENANT]
    active = sorted((e for e in tenant.employees if _active(e)), key=lambda e: e.nip[:8])[::-1]
    heads = [e for e in active if _managerial(e)]
    employee = next(e for e in active if not _managerial(e))
    return employee.nip, (heads or active)[0].nip


def _active(employee: EmployeePlan) -> bool:
    return not any(isinstance(step, EndEmployment) for step in employee.steps)


def _managerial(employee: EmployeePlan) -> bool:
    kinds = [s.jabatan[0] for s in employee.steps if isinstance(s, Appoint | ChangeJabatan)]
    return bool(kinds) and JabatanKind(kinds[-1]).is_managerial


def _settings() -> IdentitySettings:
    try:
        return IdentitySettings.from_env()
    except ConfigurationError as error:
        raise SystemExit(f"jejak: {error}") from None


def _dev_issuer(settings: IdentitySettings, host: str, port: int) -> DevIssuer:
    url = settings.dev_issuer_url or dev_issuer_url(host, port)
    return DevIssuer.load_or_create(settings.dev_issuer_key, url)
