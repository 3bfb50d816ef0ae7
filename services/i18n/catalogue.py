"""The message catalogues: each language's `.po`, compiled in memory by Babel when first read.

English needs no catalogue: the templates in the code are English. A message is formatted
after it is translated, so a translation may put the named placeholders in any order.
"""

from __future__ import annotations

import gettext
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from io import BytesIO

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from domain.errors import Phrase

DOMAIN = "jejak"
#: The schema's descriptions, extracted from schema.graphql (services/i18n/sdl.py).
SCHEMA_DOMAIN = "schema"
ENGLISH, INDONESIAN = "en", "id"
LANGUAGES = (ENGLISH, INDONESIAN)


def catalogue_file(language: str, domain: str = DOMAIN) -> Traversable:
    """The `.po` file of `language` (shipped as package data)."""
    return files(__package__) / "locale" / language / "LC_MESSAGES" / f"{domain}.po"


@cache  # the catalogues are package data: they cannot change while the process runs
def translations(language: str, domain: str = DOMAIN) -> gettext.NullTranslations:
    """The messages of `language`; English (or a language without a catalogue) is the code's."""
    if language == ENGLISH or language not in LANGUAGES:
        return gettext.NullTranslations()
    with catalogue_file(language, domain).open("rb") as po:
        catalog = read_po(po, locale=language, domain=domain)
    compiled = BytesIO()
    write_mo(compiled, catalog)  # fuzzy entries are left out, as msgfmt leaves them out
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def has_translation(template: str, language: str) -> bool:
    """Whether `language` has its own text for `template` (English always has)."""
    return language == ENGLISH or translations(language).gettext(template) != template


def translated(
    template: str, params: Mapping[str, object] | None = None, language: str = ENGLISH
) -> str:
    """`template` in `language` with `params` filled in (formatted only when there are any,
    as DomainError does), each Phrase among them translated too; a translation whose
    placeholders do not fit gives the English."""
    catalogue = translations(language)
    text = catalogue.gettext(template)
    if not params:
        return text
    values = {
        name: value.in_language(catalogue.gettext) if isinstance(value, Phrase) else value
        for name, value in params.items()
    }
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        return template.format(**params)


@dataclass(frozen=True)
class Translator:
    """The CLI's `tr`: a template with its values, in one language (`--lang`, JEJAK_LANG)."""

    language: str = ENGLISH

    def __call__(self, template: str, /, **params: object) -> str:
        return translated(template, params, self.language)
