"""Which language a request or command speaks: Accept-Language by q-value, JEJAK_LANG, English."""

from __future__ import annotations

import pytest

from services.i18n import ENGLISH, INDONESIAN, default_language, language_of


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("id-ID,id;q=0.9", INDONESIAN),
        ("ID", INDONESIAN),
        ("en-US,en;q=0.9,id;q=0.8", ENGLISH),
        ("id-id;q=0.5, en;q=0.4", INDONESIAN),
        ("en;q=0.1, id", INDONESIAN),
        ("fr;q=1, id;q=0.2", INDONESIAN),
    ],
)
def test_the_header_s_q_values_pick_the_language(header: str, expected: str) -> None:
    assert language_of(header) == expected


@pytest.mark.parametrize("header", [None, "", "fr-FR", "*", "id;q=0", "q=;;,"])
def test_a_header_naming_no_language_jejak_speaks_gives_the_fallback(header: str | None) -> None:
    assert language_of(header, fallback=ENGLISH) == ENGLISH
    assert language_of(header, fallback=INDONESIAN) == INDONESIAN


@pytest.mark.parametrize(
    ("value", "expected"),
    [("id", INDONESIAN), ("id_ID.UTF-8", INDONESIAN), ("id-ID", INDONESIAN), ("en", ENGLISH)],
)
def test_jejak_lang_sets_the_default_language(value: str, expected: str) -> None:
    assert default_language({"JEJAK_LANG": value}) == expected


@pytest.mark.parametrize("environ", [{}, {"JEJAK_LANG": ""}, {"JEJAK_LANG": "klingon"}])
def test_without_a_usable_jejak_lang_the_default_is_english(environ: dict[str, str]) -> None:
    assert default_language(environ) == ENGLISH
