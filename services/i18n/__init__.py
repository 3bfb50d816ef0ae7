r"""Bahasa Indonesia: Jejak's messages in the client's language, English the fallback.

English templates in the code are the msgids; `locale/id/LC_MESSAGES/jejak.po` holds the
Indonesian, read and compiled in memory by Babel when first needed (no `.mo` is committed,
so none can go stale). Codes (`extensions.code`, exit codes) never change with the language.

How to add a message:
1. Write the English with named placeholders and mark it: `raise X(N_("No unit {code}."),
   code=code)` (N_ from domain/errors.py), `ApiError(N_("…"), params={…})`, `refusal(…,
   params={…})`, or in the CLI `tr("…", name=value)`. Never an f-string: it cannot be looked up
   (tests/unit/i18n/test_message_templates.py walks the code and fails on one). A value that
   is English words itself is a marked phrase too, translated with the template: a field's
   name given to a shared check (`clean_text(x, N_("A title"), …)`, `check_date`, `require`,
   `retry_lost_races(subject=…)`), a Phrase with values of its own (`Phrase(N_("Employee
   {nip}"), nip=nip)`), `the(N_("promotion kind"))` opening a sentence, `listing(phrases)`,
   or another refusal's message (`cause(error)`); all in domain/errors.py.
2. Extract and merge (babel.cfg at the repo root says what is read):
   .venv/bin/pybabel extract -F babel.cfg --no-location --sort-output -w 100 -o /tmp/jejak.pot \
       access domain graphql_api projections scripts services
   .venv/bin/pybabel update -w 100 -i /tmp/jejak.pot -d services/i18n/locale -D jejak \
       --no-fuzzy-matching
3. Write the msgstr in jejak.po (same placeholders, any order), as a BKPSDM letter would.
4. A new error code also needs its one-line summary in `summaries.py`.
`tests/unit/i18n/test_catalogue.py` fails on any message or code left untranslated.

The schema's descriptions (English in the strawberry types) are the msgids of `schema.po`;
graphql_api/localised.py serves a schema with them in the request's language:
   .venv/bin/python -m graphql_api.export_schema
   .venv/bin/pybabel extract -F services/i18n/schema.cfg --no-location --sort-output -w 100 \
       -o /tmp/schema.pot schema.graphql
   .venv/bin/pybabel update -w 100 -i /tmp/schema.pot -d services/i18n/locale -D schema \
       --no-fuzzy-matching
An empty msgstr is served in English; `tests/unit/i18n/test_schema_catalogue.py` requires every
enum and enum value to be translated, and no translation of a description the schema dropped.
"""

from services.i18n.catalogue import ENGLISH, INDONESIAN, LANGUAGES, Translator, translated
from services.i18n.language import (
    LANGUAGE_VARIABLE,
    current_language,
    default_language,
    language_of,
    speaking,
)

__all__ = [
    "ENGLISH",
    "INDONESIAN",
    "LANGUAGES",
    "LANGUAGE_VARIABLE",
    "Translator",
    "current_language",
    "default_language",
    "language_of",
    "speaking",
    "translated",
]
