"""How operator commands print: aligned tables, ISO 8601 times with their offset, JSON lines,
and a quiet exit when the reader of a pipe (`| head`) has gone. Human output (headers, status
and error lines) is in the command's language (`--lang`, JEJAK_LANG); JSON lines never are."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID

from domain.errors import DomainError
from services.i18n import current_language, translated
from services.i18n.messages import error_message

#: A process killed by SIGPIPE exits with 128 + 13; shells report exactly this for `cat` or `grep`.
CLOSED_PIPE = 141


def iso_time(moment: datetime, timespec: str = "seconds") -> str:
    """ISO 8601 with the offset; a time without one is PostgreSQL's UTC (timestamptz)."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.isoformat(timespec=timespec)


def one_line(text: str) -> str:
    """Text for a table cell: newlines, tabs and other unprintable characters escaped."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode() for ch in text)


def tr(template: str, /, **params: object) -> str:
    """`template` (English, named placeholders) in the command's language, `params` filled in."""
    return translated(template, params, current_language.get())


def error_line(error: DomainError) -> str:
    """`CODE: message` for stderr: the code as it is, the message in the command's language."""
    language = current_language.get()
    message = error_message(error.code, error.template, error.params, error.message, language)
    return f"{error.code}: {message}"


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[str] = ()) -> str:
    """Columns as wide as their widest cell, two spaces apart; those named in `right` aligned
    right (numbers). Headers are shown in the command's language where the catalogue has them."""
    shown = [tr(header) for header in headers]
    widths = [max([len(h), *(len(row[i]) for row in rows)]) for i, h in enumerate(shown)]
    lines = []
    for cells in (shown, *rows):
        padded = [
            cell.rjust(width) if header in right else cell.ljust(width)
            for cell, width, header in zip(cells, widths, headers, strict=True)
        ]
        lines.append("  ".join(padded).rstrip())
    return "\n".join(lines)


def _plain(value: object) -> Any:
    if isinstance(value, datetime):
        return iso_time(value, "auto")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    raise TypeError(f"{type(value).__name__} is not JSON")


def json_line(value: dict[str, Any]) -> str:
    """One JSON object on one line; times ISO 8601 with their offset, ids as text."""
    return json.dumps(value, default=_plain, ensure_ascii=False)


def quiet_after_closed_pipe() -> int:
    """The reader closed the pipe (`| head`): nothing more can reach it, so say nothing.

    Python ignores SIGPIPE, so the write raised BrokenPipeError instead of ending the process.
    Pointing stdout and stderr at /dev/null keeps the interpreter's own flush at exit from
    raising (and printing) it again. The exit code is the one a tool killed by SIGPIPE gives.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        for stream in (sys.stdout, sys.stderr):
            try:
                os.dup2(devnull, stream.fileno())
            except (OSError, ValueError):  # not a real file (replaced, or already closed)
                continue
    finally:
        os.close(devnull)
    return CLOSED_PIPE
