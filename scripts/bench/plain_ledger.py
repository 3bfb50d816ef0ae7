"""Plain endpoints for the ledger documents: the latest signed checkpoint and an inclusion
proof, read through graphql_api/ledger/reads.py as the resolvers read them (a write-side
connection in a worker thread)."""

from __future__ import annotations

from typing import Any

from starlette.routing import Route

from graphql_api.ledger import reads
from graphql_api.ledger.types import b64, hashes
from scripts.bench.plain_portal import Read, Resources, endpoint, iso


def routes(resources: Resources) -> list[Route]:
    """The ledger documents' endpoints."""

    async def checkpoint(read: Read) -> dict[str, Any]:
        stored = await reads.read(resources.personnel, reads.checkpoint(read.body.get("size")))
        return {"size": stored.size, "root": b64(stored.root), "note": stored.note,
                "issuedAt": iso(stored.issued_at), "witnessed": stored.witnessed,
                "cosignatures": list(stored.cosignatures)}  # fmt: skip

    async def inclusion(read: Read) -> dict[str, Any]:
        position, size = int(read.body["position"]), int(read.body["treeSize"])
        index, path = await reads.read(resources.personnel, reads.inclusion(position, size))
        return {"position": position, "leafIndex": index, "treeSize": size,
                "hashes": hashes(path)}  # fmt: skip

    return [
        Route("/plain/portal/ledger_checkpoint",
              endpoint(resources, "ledgerCheckpoint", checkpoint), methods=["POST"]),
        Route("/plain/portal/inclusion_proof",
              endpoint(resources, "inclusionProof", inclusion), methods=["POST"]),
    ]  # fmt: skip
