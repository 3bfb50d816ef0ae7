"""The rules for free text entering the system (domain.text)."""

from __future__ import annotations

import re
import time

import pytest

import domain.text
from domain.errors import InvalidInput, InvalidJabatan
from domain.jabatan import JenjangFungsional
from domain.text import (
    CODE,
    COMMENT,
    IDENTIFIER,
    KINDS,
    LINE,
    LINK,
    LONG_TEXT,
    NAME,
    REASON,
    TextKind,
    clean_optional_text,
    clean_text,
    parse_choice,
)

SINGLE_LINE = [kind for kind in KINDS if not kind.multiline]
MULTI_LINE = [kind for kind in KINDS if kind.multiline]


def refusal(value: str, kind: TextKind = NAME, what: str = "A title") -> InvalidInput:
    with pytest.raises(InvalidInput) as raised:
        clean_text(value, what, kind)
    return raised.value


def test_every_kind_keeps_the_limit_the_module_documents() -> None:
    documented = {
        name: int(limit)
        for name, limit in re.findall(r"^\| `(\w+)` \| (\d+) \|", domain.text.__doc__ or "", re.M)
    }
    constants = {name: getattr(domain.text, name) for name in documented}
    assert {name: kind.max_length for name, kind in constants.items()} == documented
    assert set(constants.values()) == set(KINDS)


@pytest.mark.parametrize(
    ("kind", "limit"),
    [(CODE, 50), (IDENTIFIER, 200), (NAME, 200), (LINE, 500), (LINK, 2000), (COMMENT, 1000),
     (REASON, 2000), (LONG_TEXT, 4000)],
)  # fmt: skip
def test_each_kind_accepts_its_maximum_length_and_refuses_one_more(
    kind: TextKind, limit: int
) -> None:
    assert clean_text("x" * limit, "A field", kind) == "x" * limit
    error = refusal("x" * (limit + 1), kind, "A field")
    assert error.code == "INVALID_INPUT"
    assert error.message == f"A field must be 1–{limit} characters; it has {limit + 1}."


def test_surrounding_whitespace_is_stripped() -> None:
    assert clean_text("  Kepala Seksi \n", "A title", NAME) == "Kepala Seksi"
    assert clean_text("\tbaris satu\nbaris dua\n\n", "A reason", REASON) == "baris satu\nbaris dua"


def test_text_that_is_empty_after_stripping_is_refused_where_required() -> None:
    assert refusal("   ").message == "A title must be 1–200 characters; it has 0."


def test_optional_text_that_is_blank_or_absent_is_none() -> None:
    assert clean_optional_text(None, "A reason", REASON) is None
    assert clean_optional_text(" \n ", "A reason", REASON) is None
    assert clean_optional_text(" Sakit ", "A reason", REASON) == "Sakit"


def test_a_nul_is_refused_naming_the_field_without_echoing_the_value() -> None:
    error = refusal("before\x00after", REASON, "A reason")
    assert error.code == "INVALID_INPUT"
    assert error.message == "A reason contains U+0000 (a control character), which is not allowed."
    assert "before" not in error.message


@pytest.mark.parametrize("char", ["\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x85"])
def test_control_characters_are_refused_in_every_kind(char: str) -> None:
    for kind in KINDS:
        assert "control character" in refusal(f"a{char}b", kind).message


@pytest.mark.parametrize("char", ["\x00", "\x1f", "\x85"])
def test_a_control_character_at_the_edge_is_refused_not_stripped(char: str) -> None:
    assert "control character" in refusal(f"Budi Santoso{char}").message


def test_a_lone_surrogate_is_refused() -> None:
    error = refusal("x\ud800y", LONG_TEXT)
    assert error.message == "A title contains U+D800 (a lone surrogate), which is not allowed."


@pytest.mark.parametrize("char", ["\ufffe", "\uffff", "\ufdd0", "\U0001fffe", "\U0010ffff"])
def test_noncharacters_are_refused(char: str) -> None:
    assert "noncharacter" in refusal(f"a{char}b", LONG_TEXT).message


@pytest.mark.parametrize("kind", SINGLE_LINE, ids=lambda k: k.name)
@pytest.mark.parametrize("char", ["\n", "\t", "\r", "\u2028", "\u2029"])
def test_single_line_kinds_refuse_line_breaks_and_tabs(kind: TextKind, char: str) -> None:
    assert re.search(r"one line|control character", refusal(f"a{char}b", kind).message)


@pytest.mark.parametrize("kind", MULTI_LINE, ids=lambda k: k.name)
def test_multi_line_kinds_keep_newlines_and_tabs(kind: TextKind) -> None:
    assert clean_text("satu\n\tdua\u2028tiga", "A text", kind) == "satu\n\tdua\u2028tiga"


def test_a_carriage_return_is_read_as_a_newline_in_long_text() -> None:
    assert clean_text("satu\r\ndua\rtiga", "Feedback", LONG_TEXT) == "satu\ndua\ntiga"


def test_a_name_collapses_runs_of_spaces_before_its_length_is_counted() -> None:
    assert clean_text("Dinas   Pendidikan\u00a0 Kota", "A name", NAME) == "Dinas Pendidikan Kota"
    assert clean_text("a" + " " * 300 + "b", "A name", NAME) == "a b"


def test_letters_beyond_ascii_and_emoji_are_kept_and_count_as_one_each() -> None:
    text = "Pelayanan ramah 👍 — café, ꦲꦏ꧀ꦱꦫ"
    assert clean_text(text, "Feedback", LONG_TEXT) == text
    assert clean_text("👍" * 200, "A name", NAME) == "👍" * 200


def test_a_domain_rule_may_narrow_the_limit_and_keep_its_own_code() -> None:
    assert clean_text("x" * 10, "A goal", LINE, max_length=10) == "x" * 10
    with pytest.raises(InvalidJabatan) as raised:
        clean_text("x" * 11, "A goal", LINE, max_length=10, error=InvalidJabatan)
    assert raised.value.code == "INVALID_JABATAN"
    assert clean_text("x" * 500, "A goal", LINE, max_length=9000) == "x" * 500  # never widens


def test_a_minimum_length_is_named_in_the_refusal() -> None:
    with pytest.raises(InvalidInput, match="A justification must be 10–4000 characters; it has 4"):
        clean_text("Baik", "A justification", LONG_TEXT, min_length=10)


def test_ten_megabytes_are_refused_at_once_with_a_short_message() -> None:
    started = time.perf_counter()
    error = refusal("x" * 10_000_000, REASON, "A reason")
    assert time.perf_counter() - started < 1
    assert error.message == "A reason must be 1–2000 characters; it has 10000000."


def test_a_choice_is_parsed_however_it_is_written_and_refused_with_the_rule_s_error() -> None:
    for written in ("ahli muda", "Ahli-Muda", "AHLI_MUDA", "  ahli   muda "):
        assert parse_choice(JenjangFungsional, written, "jenjang") is JenjangFungsional.AHLI_MUDA
    with pytest.raises(InvalidJabatan) as refused:
        parse_choice(JenjangFungsional, "ahli senior", "jenjang", InvalidJabatan)
    assert str(refused.value.params["allowed"]).startswith("AHLI_PERTAMA, AHLI_MUDA")
