"""CompetencyCatalogue: one tenant's competencies and the competencies each jabatan requires.

There is one catalogue per tenant (its id derives from the tenant), so two HR officers adding
competencies at once contend on one aggregate and a code can never be added twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from uuid import UUID, uuid5

from domain.aggregates.base import JejakAggregate
from domain.competency import CompetencyKind, check_competency_codes, jabatan_key
from domain.errors import N_, CompetencyAlreadyExists, RuleViolation, UnknownCompetency
from domain.meta import EventMeta
from domain.text import NAME, clean_text

CATALOGUE_NAMESPACE = UUID("3d0c6a8e-51b2-4f47-9a0e-7c2b14e9d5f3")


class CompetencyCatalogue(JejakAggregate):
    """The tenant's kamus kompetensi."""

    class Opened(JejakAggregate.Created):
        tenant: str

    class CompetencyAdded(JejakAggregate.Event):
        competency_code: str
        name: str
        kind: str

        def apply(self, aggregate: CompetencyCatalogue) -> None:
            aggregate.competencies[self.competency_code] = {"name": self.name, "kind": self.kind}

    class JabatanRequirementsSet(JejakAggregate.Event):
        jabatan_title: str
        jabatan_key: str
        competency_codes: list[str]  # replaces what the jabatan required before

        def apply(self, aggregate: CompetencyCatalogue) -> None:
            aggregate.requirements[self.jabatan_key] = list(self.competency_codes)

    def __init__(self, tenant: str, meta: EventMeta) -> None:
        self.tenant = tenant
        self.competencies: dict[str, dict[str, str]] = {}
        self.requirements: dict[str, list[str]] = {}

    @staticmethod
    def id_for(tenant: str) -> UUID:
        """The tenant's catalogue id: one catalogue per tenant."""
        return uuid5(CATALOGUE_NAMESPACE, tenant)

    @classmethod
    def open(cls, at: datetime, meta: EventMeta) -> CompetencyCatalogue:
        """Open the catalogue of the tenant in `meta`."""
        catalogue: CompetencyCatalogue = cls.start(
            cls.Opened, cls.id_for(meta.tenant), at, meta, tenant=meta.tenant
        )
        return catalogue

    # --- invariants -------------------------------------------------------------------------
    def check_tenant(self, meta: EventMeta) -> None:
        if meta.tenant != self.tenant:
            raise RuleViolation(N_("The competency catalogue belongs to another instansi."))

    def check_known(self, codes: Iterable[str]) -> list[str]:
        """The codes, checked to be in the catalogue; raises UnknownCompetency otherwise."""
        checked = check_competency_codes(codes)
        unknown = [code for code in checked if code not in self.competencies]
        if unknown:
            raise UnknownCompetency(
                N_("Not in the competency catalogue: {codes}."), codes=", ".join(unknown)
            )
        return checked

    # --- commands -------------------------------------------------------------------------
    def add_competency(
        self, code: str, name: str, kind: CompetencyKind, at: datetime, meta: EventMeta
    ) -> None:
        """Add a competency under a new code."""
        self.check_tenant(meta)
        [code] = check_competency_codes([code])
        name = clean_text(name, N_("A competency name"), NAME, min_length=2)
        if code in self.competencies:
            raise CompetencyAlreadyExists(
                N_("Competency {code} is already in the catalogue."), code=code
            )
        self.record(
            self.CompetencyAdded, at, meta, competency_code=code, name=name, kind=kind.value
        )

    def set_jabatan_requirements(
        self, jabatan_title: str, codes: Iterable[str], at: datetime, meta: EventMeta
    ) -> None:
        """Set the competencies a jabatan requires (an empty list clears them)."""
        self.check_tenant(meta)
        jabatan_title = clean_text(jabatan_title, N_("A jabatan title"), NAME, min_length=2)
        key = jabatan_key(jabatan_title)
        checked = self.check_known(codes)
        if self.requirements.get(key) == checked:
            raise RuleViolation(
                N_("Jabatan {title!r} already requires exactly those."), title=jabatan_title
            )
        self.record(
            self.JabatanRequirementsSet,
            at,
            meta,
            jabatan_title=jabatan_title,
            jabatan_key=key,
            competency_codes=checked,
        )

    def required_by(self, jabatan_title: str) -> list[str]:
        """The competencies the jabatan requires (none if HR set none)."""
        return list(self.requirements.get(jabatan_key(jabatan_title), []))
