"""The domain's enums of competency development, as GraphQL enums.

Decorated here, once, and imported by every module that names them in a type, so the schema
sees one definition whichever module is imported first.
"""

from __future__ import annotations

import strawberry

from domain.competency import CompetencyKind
from domain.learning import JPStatus, LearningForm

strawberry.enum(LearningForm, description="Form of learning: klasikal or a nonklasikal form.")
strawberry.enum(JPStatus, description="Standing against 20 JP a year: MET, ON_TRACK, AT_RISK.")
strawberry.enum(CompetencyKind, description="Kind of ASN competence.")

__all__ = ["CompetencyKind", "JPStatus", "LearningForm"]
