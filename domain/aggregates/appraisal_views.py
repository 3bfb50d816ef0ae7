"""What an appraisal shows once recorded: its policy, predikat, feedback and talent box.

The state of `AppraisalRecord` read without changing it; the aggregate derives from this so
the views read apart from the events and the invariants.
"""

from __future__ import annotations

from typing import Any

from domain.appraisal import ANNUAL, FeedbackView, as_seen_by_employee
from domain.scoring import Predikat
from domain.scoring_policy import ScoringPolicy, cycle_policy
from domain.talent import Potensial, TalentBox, talent_box


class AppraisalViews:
    """Views over the state an appraisal's events build (see AppraisalRecord)."""

    settings: dict[str, Any]
    feedback: list[dict[str, Any]]
    ratings: dict[str, dict[str, Any]]
    predikat: dict[str, str]
    potensial: str | None

    def policy(self) -> ScoringPolicy:
        """The scoring policy of the cycle, as enrolment copied it here."""
        return cycle_policy(self.settings)

    def annual_predikat(self) -> Predikat | None:
        """The annual predikat in force, if any."""
        value = self.predikat.get(ANNUAL)
        return Predikat(value) if value else None

    def annual_hasil_kerja(self) -> str | None:
        """The annual rating hasil kerja in force, if any (a head's follows the unit's rating)."""
        rating = self.ratings.get(ANNUAL)
        return rating["hasil_kerja"] if rating else None

    def feedback_seen_by_employee(self) -> list[FeedbackView]:
        """Every piece of feedback with its source kind, never naming who gave it."""
        return as_seen_by_employee(self.feedback)

    def talent_box(self) -> TalentBox | None:
        """The 9-box cell, once there are an annual predikat and a potential assessment."""
        predikat = self.annual_predikat()
        if predikat is None or self.potensial is None:
            return None
        return talent_box(predikat, Potensial(self.potensial))
