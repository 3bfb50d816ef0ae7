"""What the fuzzer sends, what every answer must satisfy, and the tally it prints at the end.

An answer is fine when it is not a 5xx, its body is JSON, and each of its errors carries an
`extensions.code` other than INTERNAL_ERROR (a masked bug): `Tally.record` counts every
answer and names whatever broke one of these.
"""

from __future__ import annotations

import json
import logging
import traceback
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import httpx

INTERNAL_ERROR = "INTERNAL_ERROR"


@dataclass(frozen=True)
class Request:
    """One request to /graphql: who sends it (for the tally), and its HTTP parts."""

    sender: str
    method: str
    headers: dict[str, str]
    content: bytes | None = None
    params: dict[str, str] | None = None
    fields: tuple[str, ...] = ()  # the root fields of a generated document

    def describe(self) -> str:
        """The request as a failure message shows it (long bodies cut)."""
        body = (self.content or b"")[:2000]
        return f"{self.method} as {self.sender} params={self.params} body={body!r}"


async def send(client: httpx.AsyncClient, request: Request) -> httpx.Response:
    """Send `request` to the app's /graphql."""
    return await client.request(
        request.method,
        "/graphql",
        headers=request.headers,
        content=request.content,
        params=request.params,
    )


@dataclass
class Tally:
    """Counts of what the fuzzer sent and what came back."""

    requests: int = 0
    answered: int = 0  # 200 with data and no error: a resolver ran to the end
    by_status: Counter[int] = field(default_factory=Counter)
    by_sender: Counter[str] = field(default_factory=Counter)
    error_codes: Counter[str] = field(default_factory=Counter)
    server_errors: int = 0
    internal_errors: int = 0
    uncoded_errors: int = 0
    not_json: int = 0
    by_field: dict[str, Counter[str]] = field(default_factory=dict)  # outcome: a code, or OK

    def record(self, request: Request, response: httpx.Response) -> list[str]:
        """Count one exchange; what about its answer breaks a property (empty when fine)."""
        self.requests += 1
        self.by_status[response.status_code] += 1
        self.by_sender[request.sender] += 1
        problems = []
        if response.status_code >= 500:
            self.server_errors += 1
            problems.append(f"HTTP {response.status_code}")
        try:
            body: Any = response.json()
        except (json.JSONDecodeError, UnicodeDecodeError):
            self.not_json += 1
            return [*problems, f"the body is not JSON: {response.text[:200]!r}"]
        if not isinstance(body, dict):
            return [*problems, f"the body is not a JSON object: {body!r:.200}"]
        errors = body.get("errors") or []
        if not errors and body.get("data") is not None:
            self.answered += 1
        codes = [(error.get("extensions") or {}).get("code") for error in errors]
        for name in request.fields:
            outcomes = self.by_field.setdefault(name, Counter())
            outcomes.update([str(code) for code in codes] or ["OK"])
        for error in errors:
            code = (error.get("extensions") or {}).get("code")
            if not isinstance(code, str):
                self.uncoded_errors += 1
                problems.append(f"an error has no extensions.code: {error}")
                continue
            limit = (error.get("extensions") or {}).get("limit")  # which request limit
            self.error_codes[f"{code} ({limit})" if limit else code] += 1
            if code == INTERNAL_ERROR:
                self.internal_errors += 1
                problems.append(f"INTERNAL_ERROR at {error.get('path')}")
        return problems

    def render(self, root_fields: int) -> str:
        """The counts, one line each, for stdout and the test report."""
        never = sorted(name for name, outcomes in self.by_field.items() if not outcomes["OK"])
        lines = [
            f"root fields sent: {len(self.by_field)} of {root_fields}; never answered without "
            f"an error: {len(never)} {never}",
            f"requests sent: {self.requests} (answered with data, no error: {self.answered})",
            f"by sender: {dict(sorted(self.by_sender.items()))}",
            f"by status: {dict(sorted(self.by_status.items()))}",
            f"errors by code: {dict(self.error_codes.most_common())}",
            f"5xx: {self.server_errors}  INTERNAL_ERROR: {self.internal_errors}  "
            f"errors without a code: {self.uncoded_errors}  bodies not JSON: {self.not_json}",
        ]
        return "\n".join(lines)

    def render_fields(self) -> str:
        """Each root field's outcomes: how often it answered, and with which error codes."""
        return "\n".join(
            f"  {name}: {dict(outcomes.most_common())}"
            for name, outcomes in sorted(self.by_field.items())
        )


class ErrorLog(logging.Handler):
    """Keeps the app's ERROR records (a masked error's traceback is logged, never sent)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def since(self, count: int) -> str:
        """The records logged after the first `count`, with their tracebacks."""
        texts = []
        for record in self.records[count:]:
            text = record.getMessage()
            if record.exc_info and record.exc_info[1] is not None:
                text += "\n" + "".join(traceback.format_exception(record.exc_info[1]))
            texts.append(text)
        return "\n".join(texts)
