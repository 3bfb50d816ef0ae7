"""`jejak documents hash FILE.graphql…`: a portal's documents as trusted-document manifest entries.

Prints one JSON object, id → text, each id the GraphQL-over-HTTP appendix's `sha256:<hex>` of
the file's text exactly as it is (every byte counts: the portal must send the same text, or
its id). Save it as the file JEJAK_TRUSTED_DOCUMENTS names (graphql_api/trusted_documents.py).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from graphql_api.trusted_documents import TrustedSettings, document_id, plan, read_manifest
from scripts.output import tr


def add_documents_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `jejak documents`."""
    documents = commands.add_parser("documents", help="trusted documents of the portals")
    actions = documents.add_subparsers(dest="documents_command", required=True)
    hashed = actions.add_parser(
        "hash", help="print manifest entries (documentId → text) for .graphql files"
    )
    hashed.add_argument("files", nargs="+", type=Path, help="a .graphql file, one document each")
    hashed.set_defaults(func=cmd_hash)


def cmd_hash(args: argparse.Namespace) -> int:
    """The manifest entries of the files, as one JSON object on stdout."""
    entries: dict[str, str] = {}
    for path in args.files:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            print(tr("Cannot read {path}: {error}", path=str(path), error=str(error)),
                  file=sys.stderr)  # fmt: skip
            return 1
        entries[document_id(text)] = text
    print(json.dumps(entries, indent=2, ensure_ascii=False))
    return 0


def serve_trusted_documents() -> TrustedSettings:
    """The trusted-document settings `jejak serve` runs with, the manifest checked and planned
    against the schema now: a manifest that does not check out stops the start in one line."""
    from graphql_api.schema import schema

    try:
        settings = TrustedSettings.from_env()
        if settings.manifest is not None:
            planned = plan(read_manifest(settings.manifest), schema)
            only = tr(" (only these run)") if settings.only else ""
            print(tr("Trusted documents: {count} registered from {path}{only}.",
                     count=len(planned), path=str(settings.manifest), only=only),
                  file=sys.stderr)  # fmt: skip
    except ValueError as error:  # ManifestError too
        print(str(error), file=sys.stderr)
        raise SystemExit(2) from None
    return settings
