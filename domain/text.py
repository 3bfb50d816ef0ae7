"""Free text entering the system: one rule per kind of text, shared by every entry point.

Why: PostgreSQL `text` refuses NUL, so one stored NUL stops every projection reading the log;
UTF-8 (and so JSON and PostgreSQL) cannot carry a lone surrogate; and text without a limit lets
one caller store megabytes that every reader then serves. Each kind has a maximum length:

| kind | at most | lines | holds |
| --- | --- | --- | --- |
| `CODE` | 50 | one | codes and enum values given as text: a NIP, a golongan, a kind |
| `IDENTIFIER` | 200 | one | user ids and NIPs naming a person: actor, appraiser, superior |
| `NAME` | 200 | one | names of people, units and competencies; jabatan, award, programme, |
| | | | external learning titles; providers; mentoring meeting topics |
| `LINE` | 500 | one | references to evidence and certificates; mentoring goals |
| `LINK` | 2000 | one | evidence links (http(s) addresses) |
| `COMMENT` | 1000 | many | a service user's SKM comment |
| `REASON` | 2000 | many | the reason of a decision, on any event (`EventMeta`) |
| `LONG_TEXT` | 4000 | many | SKP rows, perilaku expectations, realisations, evidence notes, |
| | | | feedback, rating justifications, objection reasons |

Every kind strips surrounding whitespace, counts length in code points, and refuses control
characters (Unicode category Cc), lone surrogates (Cs) and noncharacters (U+FDD0–U+FDEF and
U+xFFFE/U+xFFFF). Only the multi-line kinds allow a newline or a tab, with CR LF and CR read
as a newline; U+2028 and U+2029 (line and paragraph separators) count as line breaks too. A
NAME's runs of spaces collapse to one. Errors name the field and the rule, never the value.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from enum import Enum
from typing import TypeVar

from domain.errors import N_, InvalidInput, phrase, the


@dataclass(frozen=True)
class TextKind:
    """A kind of free text: its maximum length and whether it may span lines."""

    name: str
    max_length: int
    multiline: bool = False
    collapse_spaces: bool = False


CODE = TextKind("code", 50)
IDENTIFIER = TextKind("identifier", 200)
NAME = TextKind("name", 200, collapse_spaces=True)
LINE = TextKind("line", 500)
LINK = TextKind("link", 2000)
COMMENT = TextKind("comment", 1000, multiline=True)
REASON = TextKind("reason", 2000, multiline=True)
LONG_TEXT = TextKind("long text", 4000, multiline=True)
KINDS = (CODE, IDENTIFIER, NAME, LINE, LINK, COMMENT, REASON, LONG_TEXT)


def _noncharacters() -> str:
    planes = range(sys.maxunicode // 0x10000 + 1)
    ends = "".join(f"{chr(p * 0x10000 + 0xFFFE)}-{chr(p * 0x10000 + 0xFFFF)}" for p in planes)
    return "\ufdd0-\ufdef" + ends


# Cc without tab and newline, Cs, the noncharacters; then what a single line also refuses.
_NEVER = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff{_noncharacters()}]")
_NOT_ON_ONE_LINE = re.compile("[\t\n\u2028\u2029]")
_NEWLINES = re.compile("\r\n?")
_LINE_BREAKS = frozenset("\t\n\u2028\u2029")


def clean_text(
    value: str,
    what: str,
    kind: TextKind,
    *,
    min_length: int = 1,
    max_length: int | None = None,
    error: type[InvalidInput] = InvalidInput,
) -> str:
    """The text as stored: stripped, checked against its kind; `what`, a marked phrase
    (N_("A title")) or a Phrase, names it in errors and is translated with them.

    `max_length` may only narrow the kind's limit (a rule of the domain stricter than it);
    `error` keeps a field's own code (a subclass of INVALID_INPUT) where it had one.
    """
    limit = min(max_length or kind.max_length, kind.max_length)
    text = _NEWLINES.sub("\n", value)
    subject = phrase(what)  # a marked phrase (N_("A title")), translated with the message
    if found := _NEVER.search(text):  # before stripping: str.strip() drops some controls
        raise error(
            N_("{what} contains {character} ({character_kind}), which is not allowed."),
            what=subject,
            **_describe(found.group()),
        )
    text = text.strip()
    if not kind.multiline and (found := _NOT_ON_ONE_LINE.search(text)):
        raise error(
            N_("{what} must be one line; it contains {character} ({character_kind})."),
            what=subject,
            **_describe(found.group()),
        )
    if kind.collapse_spaces:
        text = " ".join(text.split())
    if not min_length <= len(text) <= limit:
        raise error(
            N_("{what} must be {least}–{most} characters; it has {length}."),
            what=subject,
            least=min_length,
            most=limit,
            length=len(text),
        )
    return text


def clean_optional_text(
    value: str | None,
    what: str,
    kind: TextKind,
    *,
    max_length: int | None = None,
    error: type[InvalidInput] = InvalidInput,
) -> str | None:
    """Optional text: None when absent or blank, else `clean_text`."""
    if value is None or not value.strip():
        return None
    return clean_text(value, what, kind, max_length=max_length, error=error)


def _describe(char: str) -> dict[str, str]:
    what = N_("a line break or tab") if char in _LINE_BREAKS else N_("a control character")
    if "\ud800" <= char <= "\udfff":
        what = N_("a lone surrogate")
    elif "\ufdd0" <= char <= "\ufdef" or ord(char) & 0xFFFE == 0xFFFE:
        what = N_("a noncharacter")
    return {"character": f"U+{ord(char):04X}", "character_kind": phrase(what)}


E = TypeVar("E", bound=Enum)


def parse_choice(enum: type[E], raw: str, what: str, error: type[InvalidInput] = InvalidInput) -> E:
    """One of `enum`'s values, written any usual way ("di atas", "Di-Atas", "DI_ATAS"), or
    `error` naming `what` and listing the values."""
    raw = clean_text(raw, the(what), CODE, min_length=0, error=error)
    try:
        return enum("_".join(raw.upper().replace("-", " ").split()))
    except ValueError:
        allowed = ", ".join(str(member.value) for member in enum)
        raise error(
            N_("Unknown {what} {raw!r}; use one of {allowed}."),
            what=phrase(what),
            raw=raw,
            allowed=allowed,
        ) from None
