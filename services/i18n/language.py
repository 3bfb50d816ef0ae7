"""Which language a request or a command speaks: Accept-Language, then JEJAK_LANG, then English.

The header is parsed by Werkzeug (q-values, `*`, `q=0` refusals) and matched against the
catalogues by Babel's `negotiate_locale` (`id-ID` finds `id`); nothing here parses by hand.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar

from babel import negotiate_locale
from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header

from services.i18n.catalogue import ENGLISH, LANGUAGES

LANGUAGE_VARIABLE = "JEJAK_LANG"

#: The language of the request (or command) being answered; set by `speaking`.
current_language: ContextVar[str] = ContextVar("jejak_language", default=ENGLISH)


def _supported(preferred: Iterable[str]) -> str | None:
    match = negotiate_locale(list(preferred), LANGUAGES, sep="-", aliases={})  # no guessing
    return None if match is None else match.split("-")[0].lower()


def default_language(environ: Mapping[str, str] | None = None) -> str:
    """JEJAK_LANG (`id`, `id-ID`, `id_ID.UTF-8`, …) if Jejak speaks it, else English."""
    raw = (os.environ if environ is None else environ).get(LANGUAGE_VARIABLE, "")
    tag = raw.split(".")[0].replace("_", "-").strip()
    return (_supported([tag]) if tag else None) or ENGLISH


def language_of(accept_language: str | None, fallback: str = ENGLISH) -> str:
    """The language an `Accept-Language` header asks for, by its q-values; `fallback` if it
    names none Jejak speaks (or is absent)."""
    accept = parse_accept_header(accept_language or "", LanguageAccept)
    preferred = [tag for tag, quality in accept if quality > 0]  # sorted by quality
    return _supported(preferred) or fallback


@contextmanager
def speaking(language: str) -> Iterator[str]:
    """`language` is the current one for the block (and the tasks it starts)."""
    token = current_language.set(language)
    try:
        yield language
    finally:
        current_language.reset(token)
