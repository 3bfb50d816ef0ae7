"""`jejak ledger verify|status|checkpoint`: check the whole ledger, show it, bring it up to date.

`verify` trusts nothing in the database: the log's public key comes from --log-key (its C2SP
vkey) or from the signing key outside the database (JEJAK_LEDGER_KEY / JEJAK_LEDGER_KEY_FILE).
`scripts/cli.py` wires it in with `add_ledger_command(commands)`.
"""

from __future__ import annotations

import argparse
import sys

import psycopg

from domain.errors import N_
from domain.ledger.errors import LedgerError
from domain.ledger.keys import key_from_env, load_key
from domain.ledger.notes import NoteSigner, NoteVerifier
from scripts.output import iso_time, json_line, tr
from scripts.progress import ProgressBar
from scripts.read_models import operator_database
from services.database import Database
from services.ledger.keeper import LedgerKeeper
from services.ledger.settings import LedgerSettings
from services.ledger.store import LedgerStore
from services.ledger.verify import verify

SHOWN_FINDINGS = 10


def add_ledger_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `jejak ledger verify|status|checkpoint`."""
    ledger = commands.add_parser("ledger", help="the tamper-evident ledger").add_subparsers(
        dest="action", required=True
    )
    check = ledger.add_parser(
        "verify",
        help="recompute the tree from the events table and check every signed checkpoint "
        "(exits 1 naming the first tampered position)",
    )
    check.add_argument(
        "--log-key",
        action="append",
        default=[],
        help="the log's verifier key (vkey), repeatable: after a key rotation give the old and "
        "the new; default: from the signing key",
    )
    check.add_argument(
        "--witness-key", action="append", default=[], help="a witness's vkey (repeatable)"
    )
    check.set_defaults(func=cmd_ledger_verify)
    status = ledger.add_parser("status", help="size, integrated position, last checkpoint")
    status.add_argument("--json", action="store_true", help="one JSON object")
    status.set_defaults(func=cmd_ledger_status)
    ledger.add_parser(
        "checkpoint", help="integrate the whole log now, checkpoint it and push to witnesses"
    ).set_defaults(func=cmd_ledger_checkpoint)


def log_verifier(database: Database) -> NoteVerifier:
    """The public half of the configured signing key (when no --log-key is given)."""
    settings = LedgerSettings.from_env(database.dbname)
    if settings.key:
        private = key_from_env(settings.key)
    elif settings.key_file.exists():
        private = load_key(settings.key_file)
    else:
        raise LedgerError(
            N_("No log key: give --log-key or JEJAK_LEDGER_KEY(_FILE); {key_file} does not exist."),
            key_file=settings.key_file,
        )
    return NoteSigner(settings.origin, private).verifier()


def cmd_ledger_verify(args: argparse.Namespace) -> int:
    with operator_database() as database:
        try:
            logs = [NoteVerifier.from_vkey(v) for v in args.log_key] or [log_verifier(database)]
            witnesses = [NoteVerifier.from_vkey(v) for v in args.witness_key]
        except LedgerError as error:
            print(f"jejak ledger verify: {error}", file=sys.stderr)
            return 2
        bar = ProgressBar("verify")
        with psycopg.connect(**database.psycopg_kwargs()) as conn:
            report = verify(conn, logs, witnesses, progress=bar)
        bar.finish()
    if report.ok:
        print(tr("The ledger holds: {events:,} events, {leaves:,} leaves and {checkpoints:,} "
                 "signed checkpoints agree.", events=report.events, leaves=report.leaves,
                 checkpoints=report.checkpoints))  # fmt: skip
        return 0
    for finding in report.findings[:SHOWN_FINDINGS]:
        print(tr("TAMPERED ({kind}): {message}", kind=finding.kind, message=finding.message))
    if len(report.findings) > SHOWN_FINDINGS:
        more = len(report.findings) - SHOWN_FINDINGS
        print(tr("… and {more:,} more findings.", more=more))
    return 1


def cmd_ledger_status(args: argparse.Namespace) -> int:
    with operator_database() as database, psycopg.connect(**database.psycopg_kwargs()) as conn:
        store = LedgerStore(conn)
        try:
            size, position = store.size(), store.position()
        except psycopg.errors.UndefinedTable:
            print(tr("No ledger yet: run `jejak serve` or `jejak ledger checkpoint`."))
            return 1
        latest = store.latest_checkpoint()
        witnessed = store.latest_checkpoint(witnessed_only=True)
    status = {
        "size": size,
        "position": position,
        "checkpoint_size": latest.size if latest else None,
        "checkpoint_issued_at": latest.issued_at if latest else None,
        "witnessed": bool(latest and latest.witnessed),
        "witnessed_size": witnessed.size if witnessed else None,
    }
    if args.json:
        print(json_line(status))
        return 0
    print(tr("size {size:,} leaves, integrated up to position {position:,}", size=size,
             position=position))  # fmt: skip
    if latest is None:
        print(tr("no checkpoint yet"))
    else:
        state = tr("witnessed") if latest.witnessed else tr("not witnessed")
        print(tr("last checkpoint: size {size:,} at {issued_at}, {state}", size=latest.size,
                 issued_at=iso_time(latest.issued_at), state=state))  # fmt: skip
        if witnessed is not None and witnessed is not latest:
            print(tr("last witnessed checkpoint: size {size:,}", size=witnessed.size))
    return 0


def cmd_ledger_checkpoint(_: argparse.Namespace) -> int:
    with operator_database() as database:
        keeper = LedgerKeeper(database, LedgerSettings.from_env(database.dbname))
        try:
            size = keeper.checkpoint_now()
        finally:
            keeper.close()
    print(tr("Checkpointed the ledger at {size:,} leaves; log key {vkey}", size=size,
             vkey=keeper.signer.vkey()))  # fmt: skip
    return 0


def announce_log_key(database: Database) -> None:
    """Print the log's public key at `jejak serve` start (creating the default key if missing),
    so witnesses and verifiers can be given it."""
    signer = LedgerSettings.from_env(database.dbname).signer()
    print(tr("Ledger log key (vkey): {vkey}", vkey=signer.vkey()), file=sys.stderr, flush=True)
