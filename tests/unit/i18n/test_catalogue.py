"""The Indonesian catalogue is complete: every marked message, every error code, same placeholders.

A failure here names what to translate: see services/i18n/__init__.py for the steps.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path
from string import Formatter

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

import domain
import services
from domain.errors import DomainError, EmployeeNotFound
from services.i18n import INDONESIAN, translated
from services.i18n.catalogue import catalogue_file
from services.i18n.messages import error_message
from services.i18n.summaries import SUMMARIES

ROOT = Path(__file__).resolve().parents[3]
PACKAGES = ("access", "domain", "graphql_api", "projections", "scripts", "services")


def code_messages() -> set[str]:
    """Every message the code marks (N_, tr), extracted as `pybabel extract -F babel.cfg` does."""
    with (ROOT / "babel.cfg").open() as config:
        method_map, options_map = parse_mapping_cfg(config)  # type: ignore[no-untyped-call]
    found: set[str] = set()
    for package in PACKAGES:
        for _, _, message, *_ in extract_from_dir(ROOT / package, method_map, options_map):
            found.add(message if isinstance(message, str) else message[0])
    return found


def indonesian() -> dict[str, str]:
    with catalogue_file(INDONESIAN).open("rb") as po:
        catalog = read_po(po)
    return {
        m.id: m.string
        for m in catalog
        if isinstance(m.id, str) and isinstance(m.string, str) and m.id and not m.fuzzy
    }


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name is not None}


def test_every_message_the_code_marks_has_an_indonesian_translation() -> None:
    catalogue = indonesian()
    untranslated = sorted(m for m in code_messages() if not catalogue.get(m))
    assert untranslated == [], "add these to jejak.po (pybabel update, then write the msgstr)"


def test_every_translation_keeps_the_placeholders_of_its_english() -> None:
    catalogue = indonesian()
    differing = {
        msgid: msgstr
        for msgid, msgstr in catalogue.items()
        if msgstr and placeholders(msgid) != placeholders(msgstr)
    }
    assert differing == {}


def test_the_catalogue_holds_nothing_the_code_no_longer_says() -> None:
    assert sorted(set(indonesian()) - code_messages()) == []


def all_error_codes() -> set[str]:
    """Every DomainError's code, the domain's and the services' (bulk import, …) alike."""
    for package in (domain, services):
        for module in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
            importlib.import_module(module.name)
    seen: set[str] = set()
    pending: list[type[DomainError]] = [DomainError]
    while pending:
        kind = pending.pop()
        seen.add(kind.code)
        pending.extend(kind.__subclasses__())
    return seen


def test_every_domain_error_code_has_a_summary() -> None:
    missing = sorted(all_error_codes() - SUMMARIES.keys())
    assert missing == [], "add a one-line summary of each to services/i18n/summaries.py"


def test_a_message_is_formatted_after_translation_so_placeholders_may_move() -> None:
    english = "The role {role} may not use: {fields}."
    params = {"role": "employee", "fields": "Query.accessLog"}
    assert translated(english, params) == "The role employee may not use: Query.accessLog."
    assert translated(english, params, INDONESIAN) == (
        "Peran employee tidak berwenang menggunakan: Query.accessLog."
    )


def test_an_untranslated_error_message_gives_its_code_s_summary_and_keeps_the_english() -> None:
    error = EmployeeNotFound("No employee with NIP 199001012015031001.")
    message = error_message(error.code, error.template, error.params, error.message, INDONESIAN)
    assert message == (
        "Pegawai tidak ditemukan. (keterangan dalam bahasa Inggris: "
        "No employee with NIP 199001012015031001.)"
    )


@pytest.mark.parametrize("language", ["en", INDONESIAN])
def test_a_translation_with_broken_placeholders_falls_back_to_english(language: str) -> None:
    assert (
        translated("Not in the catalogue: {x}.", {"x": 1}, language) == "Not in the catalogue: 1."
    )
