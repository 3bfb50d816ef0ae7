"""Messages as English templates with named values, marked for the catalogue (services/i18n).

A message is translated at the boundary, never in the domain: `N_` marks a template, a `Phrase`
is a marked phrase (with its own values) that goes inside another message and is translated with
it, so an Indonesian message reads wholly Indonesian.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Self

if TYPE_CHECKING:
    from domain.errors import DomainError


def N_(template: str) -> str:  # noqa: N802 (gettext's name for a marker, which Babel looks for)
    """Marks an English message template for the catalogue (services/i18n); returns it as is."""
    return template


class Phrase(str):
    """A value of a message that is itself a marked English phrase (`what` a field is, N_("A
    title")), maybe with values of its own: the boundary translates it with the template, so
    no English is left inside. As a str it is the English."""

    template: str
    params: dict[str, object]

    def __new__(cls, template: str, **params: object) -> Self:
        phrase = super().__new__(cls, template.format(**params) if params else template)
        phrase.template, phrase.params = template, params
        return phrase

    def in_language(self, gettext: Callable[[str], str]) -> str:
        """The phrase through `gettext` (a catalogue's), its own Phrase values too."""
        values = {
            name: value.in_language(gettext) if isinstance(value, Phrase) else value
            for name, value in self.params.items()
        }
        text = gettext(self.template)
        try:
            return text.format(**values) if values else text
        except (KeyError, IndexError, ValueError):
            return str(self)


class Subject(Phrase):
    """A Phrase that opens a sentence ("The {noun}"): a capital first letter in any language."""

    def in_language(self, gettext: Callable[[str], str]) -> str:
        text = super().in_language(gettext)
        return text[:1].upper() + text[1:]


def phrase(what: str) -> Phrase:
    """`what` as a Phrase (a marked phrase passed as plain str becomes one)."""
    return what if isinstance(what, Phrase) else Phrase(what)


def listing(items: Iterable[str], joined: str = "{some}, {last}") -> Phrase:
    """Marked phrases, each translated, joined pairwise by the template `joined` (marked when
    it has words: N_("{some} or {last}"))."""
    *rest, last = [phrase(item) for item in items]
    if not rest:
        return last
    return Phrase(joined, some=listing(rest, joined), last=last)


def cause(error: DomainError) -> Phrase:
    """Another refusal's message as a value of this one's, translated along with it."""
    return Phrase(error.template, **error.params)


def the(noun: str) -> Subject:
    """ "The <noun>" opening a sentence (`noun` marked, N_("promotion kind"))."""
    return Subject(N_("The {noun}"), noun=phrase(noun))
