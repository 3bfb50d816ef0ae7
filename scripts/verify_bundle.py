"""`jejak-verify`: check an evidence bundle offline, with no database and no Jejak server.

It imports only the standard library, `cryptography`, `domain/ledger` and `domain/scoring`, so
an employee or an auditor can run it on their own machine. What it trusts: the log key and the
witness keys given here (get them from the log's operator and the oversight bodies, not from
the bundle), the quorum given here, and this code. Exit 0 when everything holds, 1 naming the
first failure, 2 when the bundle or a key cannot be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from domain.ledger.bundle import Verification, verify_bundle
from domain.ledger.errors import LedgerError
from domain.ledger.notes import NoteVerifier


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jejak-verify", description="Check a Jejak evidence bundle offline."
    )
    parser.add_argument("bundle", help="the evidence bundle (JSON file; - for stdin)")
    parser.add_argument(
        "--log-key", required=True, help="the log's verifier key (name+id+key) or a file with it"
    )
    parser.add_argument(
        "--witness-key",
        action="append",
        default=[],
        help="a witness's verifier key or a file with it; repeatable",
    )
    parser.add_argument(
        "--quorum",
        type=int,
        help="cosignatures by distinct given witnesses required (default: all given)",
    )
    parser.add_argument(
        "--known-checkpoint",
        action="append",
        default=[],
        help="a checkpoint note seen before (file); one of the same size must have the same root",
    )
    parser.add_argument("--json", action="store_true", help="the report as one JSON object")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        log = NoteVerifier.from_vkey(_value(args.log_key))
        witnesses = [NoteVerifier.from_vkey(_value(w)) for w in args.witness_key]
        bundle = json.loads(_read(args.bundle))
        known = [_read(path) for path in args.known_checkpoint]
    except (OSError, ValueError, LedgerError) as error:
        print(f"jejak-verify: {error}", file=sys.stderr)
        return 2
    result = verify_bundle(bundle, log, witnesses, args.quorum, known)
    print(json.dumps(_as_json(result), indent=2) if args.json else _report(result))
    return 0 if result.ok else 1


def _value(key: str) -> str:
    path = Path(key)
    return path.read_text().strip() if "+" not in key and path.is_file() else key


def _read(path: str) -> str:
    return sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")


def _as_json(result: Verification) -> dict[str, object]:
    checkpoint = result.checkpoint
    return {
        "ok": result.ok,
        "failure": result.failure,
        "checks": result.checks,
        "tree_size": checkpoint.size if checkpoint else None,
        "origin": checkpoint.origin if checkpoint else None,
        "witnesses": result.witnesses,
        "events": result.events,
        "predikats": result.predikats,
    }


def _report(result: Verification) -> str:
    lines = [f"✓ {check}" for check in result.checks]
    lines += [
        f"  predikat {p['recorded']} at position {p['position']} ({p['checkpoint']}, "
        f"rules {p['rules_version']}): recomputed {p['recomputed']}"
        for p in result.predikats
    ]
    if result.ok:
        lines.append("VERIFIED: every check holds.")
    else:
        lines.append(f"✗ REJECTED: {result.failure}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
