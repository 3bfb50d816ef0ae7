"""The tenant's competency catalogue: its competencies and what each jabatan requires."""

from __future__ import annotations

from collections.abc import Sequence

from domain.aggregates.competency_catalogue import CompetencyCatalogue
from domain.competency import parse_competency_kind
from domain.errors import N_
from services.caller import Caller
from services.personnel import Outcome
from services.retry import retry_lost_races
from services.training.base import HR, TrainingBase, require


class CatalogueCommands(TrainingBase):
    """HR keeps the catalogue."""

    def add_competency(
        self, caller: Caller, *, code: str, name: str, kind: str, reason: str | None = None
    ) -> Outcome:
        """Add a competency (TEKNIS, MANAJERIAL or SOSIAL_KULTURAL) to the tenant's catalogue."""
        require(caller, HR, N_("Adding a competency"))
        competency_kind = parse_competency_kind(kind)

        def attempt() -> Outcome:  # a lost race re-checks the code against the fresh catalogue
            at, meta = self.clock(), caller.meta(reason)
            catalogue = self.get_catalogue(caller) or CompetencyCatalogue.open(at, meta)
            catalogue.add_competency(code, name, competency_kind, at, meta)
            return self.save_outcome(catalogue)

        return retry_lost_races(attempt, subject=N_("The competency catalogue"), strict=False)

    def set_jabatan_requirements(
        self,
        caller: Caller,
        *,
        jabatan_title: str,
        competency_codes: Sequence[str],
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> Outcome:
        """Set the competencies a jabatan requires, replacing its previous list."""
        require(caller, HR, N_("Setting a jabatan's competencies"))
        return self._change(
            caller,
            CompetencyCatalogue,
            CompetencyCatalogue.id_for(caller.tenant),
            expected_version,
            lambda c, at: c.set_jabatan_requirements(
                jabatan_title, competency_codes, at, caller.meta(reason)
            ),
        )
