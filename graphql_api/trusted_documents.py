"""Trusted documents: the operations portals register ahead of time, by `documentId`.

Follows the GraphQL-over-HTTP persisted-documents appendix: a document's id is
`sha256:<hex>`, the lower-case SHA-256 of its source text in UTF-8. The manifest
(JEJAK_TRUSTED_DOCUMENTS) is a JSON object of id → document text; `jejak documents hash`
prints its entries. At start every id is checked against its text (a mismatch stops the
start), and every document is planned once (graphql_api/planned_documents.py): parsed,
validated against the schema (an invalid one stops the start), measured against the request
limits and walked by the access policy for every role. A registered document over a limit is
not refused at start, since an operator may lower a limit to shed it: each request of it is.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from graphql import GraphQLError, specified_rules, validate
from strawberry.schema.schema import validate_document

from access.roles import Role
from graphql_api.documents import DocumentCaches
from graphql_api.guard import refusals
from graphql_api.planned_documents import PlannedDocument, operation_types
from graphql_api.schema import JejakSchema

MANIFEST_VARIABLE = "JEJAK_TRUSTED_DOCUMENTS"
ONLY_VARIABLE = "JEJAK_TRUSTED_DOCUMENTS_ONLY"
SHA256_ID = re.compile(r"sha256:[0-9a-f]{64}")

logger = logging.getLogger("jejak.graphql")


class ManifestError(ValueError):
    """The manifest cannot be trusted: unreadable, malformed, or an id not its text's."""


def document_id(text: str) -> str:
    """The appendix's SHA256 hex document identifier of a document's source text."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def manifest_entries(texts: Mapping[str, str]) -> dict[str, str]:
    """Manifest entries (id → text) for documents given by name; names only label errors."""
    return {document_id(text): text for text in texts.values()}


def read_manifest(path: Path) -> dict[str, str]:
    """The manifest at `path`, every id checked against its document's text."""
    try:
        loaded = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ManifestError(f"{MANIFEST_VARIABLE}: cannot read {path}: {error}") from None
    if not isinstance(loaded, dict):
        raise ManifestError(f"{MANIFEST_VARIABLE}: {path} must hold a JSON object of id → text")
    problems = []
    for key, text in loaded.items():
        if not isinstance(text, str):
            problems.append(f"{key}: the document is not a string")
        elif not SHA256_ID.fullmatch(key):
            problems.append(f"{key}: not a sha256:<64 lower-case hex digits> id")
        elif document_id(text) != key:
            problems.append(f"{key}: the text's id is {document_id(text)}")
    if problems:
        raise ManifestError(f"{MANIFEST_VARIABLE}: {path}: " + "; ".join(problems))
    return loaded


@dataclass(frozen=True)
class TrustedSettings:
    """Where the manifest is (None: no registered documents), and whether only registered
    documents may run (GraphiQL excepted with the development issuer)."""

    manifest: Path | None = None
    only: bool = False

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> TrustedSettings:
        environ = os.environ if environ is None else environ
        path = environ.get(MANIFEST_VARIABLE, "").strip()
        only = environ.get(ONLY_VARIABLE, "0").strip()
        if only not in ("0", "1"):
            raise ValueError(f"{ONLY_VARIABLE} must be 0 or 1, not {only!r}")
        if only == "1" and not path:
            raise ValueError(f"{ONLY_VARIABLE}=1 needs {MANIFEST_VARIABLE}: a manifest to allow")
        return cls(Path(path) if path else None, only == "1")


class TrustedDocuments:
    """The registered documents, planned, by id and by text; `only`: nothing else runs."""

    def __init__(
        self, by_id: Mapping[str, PlannedDocument] | None = None, only: bool = False
    ) -> None:
        self.by_id: Mapping[str, PlannedDocument] = dict(by_id or {})
        self.by_text: Mapping[str, PlannedDocument] = {p.text: p for p in self.by_id.values()}
        self.only = only

    def __len__(self) -> int:
        return len(self.by_id)

    @classmethod
    def load(cls, settings: TrustedSettings, schema: JejakSchema) -> TrustedDocuments:
        """The manifest the settings name, planned against `schema` (none: empty)."""
        if settings.manifest is None:
            return cls()
        planned = plan(read_manifest(settings.manifest), schema)
        logger.info("Registered %d trusted documents from %s", len(planned), settings.manifest)
        return cls(planned, settings.only)


def plan(manifest: Mapping[str, str], schema: JejakSchema) -> dict[str, PlannedDocument]:
    """Every document parsed, validated, measured and walked once; ManifestError naming
    each that is not valid GraphQL for this schema."""
    caches, graphql_schema = DocumentCaches(schema.limits), schema._schema
    planned, invalid = {}, []
    for key, text in manifest.items():
        try:
            document = caches.parse(text)
        except GraphQLError as error:
            if (error.extensions or {}).get("limit") is None:  # a syntax error
                invalid.append(f"{key}: {error.message}")
                continue
            _log_over_limit(key, error)
            planned[key] = PlannedDocument(key, text, None, (error,), {}, {})
            continue
        errors = validate_document(graphql_schema, document, tuple(specified_rules))
        if errors:
            invalid.append(f"{key}: " + "; ".join(e.message for e in errors))
            continue
        over = validate(graphql_schema, document, [caches.rule])
        for refusal in over:
            _log_over_limit(key, refusal)
        walks = {role.value: tuple(refusals(graphql_schema, document, role)) for role in Role}
        planned[key] = PlannedDocument(
            key, text, document, tuple(over), walks, operation_types(document)
        )
    if invalid:
        raise ManifestError(f"{MANIFEST_VARIABLE}: not valid here: " + "; ".join(invalid))
    return planned


def _log_over_limit(key: str, error: GraphQLError) -> None:
    limit = (error.extensions or {}).get("limit")
    logger.warning("Trusted document %s passes the %s limit: each request is refused", key, limit)
