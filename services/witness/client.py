"""Asking a witness to cosign a checkpoint (c2sp.org/tlog-witness), with the standard library.

urllib, so the log's runtime needs no HTTP client dependency. The answer's lines are returned
unverified: the caller checks them with `verify_cosignatures` against the witness keys it trusts.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Sequence

from domain.ledger.signed_note import SIGNATURE_PREFIX
from services.witness.protocol import (
    PATH,
    SIZE_CONTENT_TYPE,
    MalformedRequest,
    format_request,
    parse_size,
)

MAX_ANSWER_BYTES = 64 * 1024


class WitnessError(Exception):
    """The witness gave no cosignature."""


class WitnessConflict(WitnessError):
    """409: the witness's last cosigned size is not the old size sent; retry from `size`."""

    def __init__(self, size: int) -> None:
        super().__init__(f"the witness has cosigned up to size {size}")
        self.size = size


class WitnessRefused(WitnessError):
    """Any other refusal (400, 403, 404, 422, …) or an answer that breaks the protocol."""

    def __init__(self, status: int, body: str) -> None:
        super().__init__(f"the witness answered {status}: {body.strip()[:200]}")
        self.status = status
        self.body = body


class WitnessUnreachable(WitnessError):
    """No HTTP answer at all: connection refused, timeout, DNS."""


def request_cosignature(
    url: str, old_size: int, consistency_proof: Sequence[bytes], note_text: str, timeout: float
) -> list[str]:
    """The witness's cosignature lines (with newlines) for the checkpoint note.

    `url` is the witness's submission prefix (`/add-checkpoint` is appended) or the full URL.
    """
    target = url if url.rstrip("/").endswith(PATH) else url.rstrip("/") + PATH
    if not target.startswith(("http://", "https://")):
        raise ValueError("a witness URL is http:// or https://")
    request = urllib.request.Request(  # noqa: S310 (the scheme is checked above)
        target,
        data=format_request(old_size, consistency_proof, note_text),
        method="POST",
        headers={"Content-Type": "text/plain; charset=utf-8"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:  # noqa: S310
            return _cosignature_lines(answer.read(MAX_ANSWER_BYTES).decode("utf-8", "replace"))
    except urllib.error.HTTPError as error:
        body = error.read(MAX_ANSWER_BYTES).decode("utf-8", "replace")
        content_type = error.headers.get("Content-Type", "")
        if error.code == 409 and content_type.startswith(SIZE_CONTENT_TYPE):
            try:
                raise WitnessConflict(parse_size(body)) from None
            except MalformedRequest:
                raise WitnessRefused(409, body) from None
        raise WitnessRefused(error.code, body) from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise WitnessUnreachable(f"{target}: {error}") from None


def _cosignature_lines(body: str) -> list[str]:
    lines = [line + "\n" for line in body.splitlines()]
    if not lines or not all(line.startswith(SIGNATURE_PREFIX) for line in lines):
        raise WitnessRefused(200, body)
    return lines
