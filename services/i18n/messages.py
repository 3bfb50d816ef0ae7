"""An error's message in the client's language, from its English template and values.

Used at the boundary (GraphQL error shaping, HTTP refusals, CLI error lines); the code never
changes. A template the catalogue lacks falls back to its code's summary (summaries.py) with
the English message kept beside it, and to the English alone if even that is missing.
"""

from __future__ import annotations

from collections.abc import Mapping

from services.i18n.catalogue import ENGLISH, has_translation, translated
from services.i18n.summaries import SUMMARIES, WITH_ENGLISH_DETAIL


def error_message(
    code: str,
    template: str,
    params: Mapping[str, object] | None,
    english: str,
    language: str,
) -> str:
    """The message of an error with this `code` and English `template`/`params` (formatted
    as `english`) in `language`."""
    if language == ENGLISH:
        return english
    if has_translation(template, language):
        return translated(template, params, language)
    summary = SUMMARIES.get(code)
    if summary is None or not has_translation(summary, language):
        return english
    detail = {"summary": translated(summary, None, language), "detail": english}
    return translated(WITH_ENGLISH_DETAIL, detail, language)
