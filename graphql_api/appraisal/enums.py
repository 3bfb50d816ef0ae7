"""The appraisal vocabularies as GraphQL enums, declared once here."""

from __future__ import annotations

import strawberry

from domain.appraisal import Aspect, FeedbackSource, HasilKerjaKind, Period
from domain.scoring import OrgRating, Predikat, Rating
from domain.talent import Potensial

strawberry.enum(Period, description="How often a cycle has periodic checkpoints.")
strawberry.enum(HasilKerjaKind, description="Hasil kerja utama or tambahan.")
strawberry.enum(Aspect, description="The aspect an indikator kinerja individu measures.")
strawberry.enum(FeedbackSource, description="Who gave feedback, as the appraised employee sees it.")
strawberry.enum(Rating, description="Rating hasil kerja or perilaku kerja.")
strawberry.enum(Predikat, description="Predikat kinerja pegawai, from the 3×3 matrix.")
strawberry.enum(OrgRating, description="Predikat kinerja organisasi (SE MenPANRB 3/2023).")
strawberry.enum(Potensial, description="The result of a potential assessment (9-box axis).")

__all__ = [
    "Aspect",
    "FeedbackSource",
    "HasilKerjaKind",
    "OrgRating",
    "Period",
    "Potensial",
    "Predikat",
    "Rating",
]
