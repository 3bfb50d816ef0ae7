"""`jejak witness key|serve`: the witness an oversight body runs with its own key.

It needs no Jejak database: a key file, the logs' verifier keys and a state file are all it
holds. `scripts/cli.py` wires it in with `add_witness_command(commands)`.
"""

from __future__ import annotations

import argparse
import sys

from domain.errors import N_
from domain.ledger.keys import create_key, load_key
from domain.ledger.notes import CosignatureSigner, InvalidKey, NoteVerifier
from scripts.output import tr

DEFAULT_NAME = "jejak-witness"


def add_witness_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `jejak witness key` and `jejak witness serve`."""
    witness = commands.add_parser(
        "witness", help="a C2SP tlog-witness: cosigns checkpoints that extend the last one"
    ).add_subparsers(dest="action", required=True)
    key = witness.add_parser("key", help="make a witness key file and print its verifier key")
    key.add_argument("--out", required=True, help="the new key file (mode 0600; never replaced)")
    _name_option(key)
    key.set_defaults(func=cmd_witness_key)
    serve = witness.add_parser("serve", help="answer POST /add-checkpoint (c2sp.org/tlog-witness)")
    serve.add_argument("--key", required=True, help="the witness's key file (jejak witness key)")
    _name_option(serve)
    serve.add_argument(
        "--log",
        action="append",
        required=True,
        metavar="VKEY",
        help="a log's verifier key (its origin is the key's name; ORIGIN=VKEY for another); "
        "repeatable",
    )
    serve.add_argument("--state", required=True, help="the state file (SQLite; made if missing)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    serve.add_argument("--port", type=int, default=7380, help="port to listen on (7380)")
    serve.set_defaults(func=cmd_witness_serve)


def _name_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--name",
        default=DEFAULT_NAME,
        help=f"the witness's key name, e.g. inspektorat.example.go.id/witness ({DEFAULT_NAME})",
    )


def parse_log(value: str) -> tuple[str, NoteVerifier]:
    """(origin, verifier) from "VKEY" or "ORIGIN=VKEY"."""
    origin, sep, vkey = value.partition("=")
    if sep and "+" not in origin:
        return origin, NoteVerifier.from_vkey(vkey)
    verifier = NoteVerifier.from_vkey(value)
    return verifier.name, verifier


def cmd_witness_key(args: argparse.Namespace) -> int:
    try:
        key = create_key(args.out)
    except FileExistsError:
        print(tr("{file} exists; a witness key is never replaced.", file=args.out), file=sys.stderr)
        return 1
    print(CosignatureSigner(args.name, key).vkey())
    return 0


def cmd_witness_serve(args: argparse.Namespace) -> int:
    from scripts.serve import serve
    from services.witness.server import Witness, create_witness_app
    from services.witness.state import WitnessState

    signer = CosignatureSigner(args.name, load_key(args.key))
    logs = [parse_log(value) for value in args.log]
    if any(verifier.algorithm != 0x01 for _, verifier in logs):
        raise InvalidKey(N_("a log's verifier key is an Ed25519 note key (type 0x01)"))
    witness = Witness(signer, logs, WitnessState(args.state))
    print(tr("witness key: {vkey}", vkey=signer.vkey()), file=sys.stderr)
    for origin, verifier in logs:
        print(tr("log {origin}: {vkey}", origin=origin, vkey=verifier.vkey()), file=sys.stderr)
    serve(create_witness_app(witness), args.host, args.port, announce=_announce)
    return 0


def _announce(address: str) -> None:
    listening = tr("witness listening on {address}/add-checkpoint", address=address)
    print(listening, file=sys.stderr, flush=True)
