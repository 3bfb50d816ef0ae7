"""The witness: cosigns a log's checkpoint only if it extends what it cosigned before.

It checks, in the order c2sp.org/tlog-witness gives: a known origin (404), a valid signature
by that log's key (403), old size ≤ checkpoint size (400), old size = its own record (409 with
its size), the consistency proof (422), the same root when the size has not moved (409); then
it records the checkpoint (committed before answering) and returns its cosignature.
Needs no Jejak database: its state is one SQLite file (`services/witness/state.py`).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from domain.ledger.merkle import verify_consistency
from domain.ledger.notes import (
    Checkpoint,
    CosignatureSigner,
    LedgerError,
    NoteVerifier,
    cosign,
    open_checkpoint,
    parse_note,
)
from services.witness.protocol import PATH, SIZE_CONTENT_TYPE, MalformedRequest, parse_request
from services.witness.state import Cosigned, WitnessState

MAX_BODY_BYTES = 64 * 1024  # 63 proof lines and a note with its signatures fit many times
log = logging.getLogger("jejak.witness")


@dataclass(frozen=True)
class Answer:
    """An HTTP answer: status, body and its content type."""

    status: int
    body: str
    content_type: str = "text/plain; charset=utf-8"


class Witness:
    """The add-checkpoint decision over the witness's key, its known logs and its state."""

    def __init__(
        self,
        signer: CosignatureSigner,
        logs: Sequence[tuple[str, NoteVerifier]],
        state: WitnessState,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.signer = signer
        self.logs: dict[str, list[NoteVerifier]] = {}
        for origin, verifier in logs:
            self.logs.setdefault(origin, []).append(verifier)
        self.state = state
        self.clock = clock

    def add_checkpoint(self, body: bytes) -> Answer:
        """Answer one add-checkpoint request body."""
        try:
            request = parse_request(body)
            claimed = Checkpoint.parse(parse_note(request.note).text)
        except (MalformedRequest, LedgerError) as error:
            return Answer(400, f"{error}\n")
        verifiers = self.logs.get(claimed.origin)
        if verifiers is None:
            return Answer(404, "unknown log origin\n")
        checkpoint = _opened(request.note, verifiers)
        if checkpoint is None:
            return Answer(403, "no valid signature by the log's key\n")
        if request.old_size > checkpoint.size:
            return Answer(400, "old size is larger than the checkpoint's size\n")
        with self.state.update(checkpoint.origin) as (record, write):
            size = record.size if record else 0
            if request.old_size != size:
                return Answer(409, f"{size}\n", SIZE_CONTENT_TYPE)
            refusal = _refusal(record, checkpoint, request.proof)
            if refusal is not None:
                log.warning("refused %s at %d: %s", checkpoint.origin, checkpoint.size, refusal)
                return refusal
            now = int(self.clock())
            write(Cosigned(checkpoint.origin, checkpoint.size, checkpoint.root, request.note, now))
        return Answer(200, cosign(request.note, self.signer, now))  # its exact text


def _opened(note: str, verifiers: list[NoteVerifier]) -> Checkpoint | None:
    for verifier in verifiers:
        try:
            return open_checkpoint(note, verifier)
        except LedgerError:
            continue
    return None


def _refusal(record: Cosigned | None, new: Checkpoint, proof: Sequence[bytes]) -> Answer | None:
    if record is None:
        return None if not proof else Answer(422, "the proof from size 0 must be empty\n")
    if record.size == new.size:
        if record.root != new.root:
            return Answer(409, f"{record.size}\n", SIZE_CONTENT_TYPE)  # a split view
        return None if not proof else Answer(422, "no proof between equal sizes\n")
    if not verify_consistency(record.size, new.size, record.root, new.root, proof):
        return Answer(422, "the consistency proof does not verify\n")
    return None


def create_witness_app(witness: Witness) -> Starlette:
    """The witness's ASGI app: POST /add-checkpoint only."""

    async def add_checkpoint(request: Request) -> Response:
        body = b""
        async for chunk in request.stream():
            body += chunk
            if len(body) > MAX_BODY_BYTES:
                return PlainTextResponse("request too large\n", status_code=413)
        answer = await run_in_threadpool(witness.add_checkpoint, body)
        return Response(answer.body, answer.status, media_type=answer.content_type)

    return Starlette(routes=[Route(PATH, add_checkpoint, methods=["POST"])])
