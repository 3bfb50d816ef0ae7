"""GraphQL types of calibration and leniency per appraiser (projections/appraiser_stats.py)."""

from __future__ import annotations

import strawberry

from domain.scoring import Predikat
from projections.appraiser_stats import AppraiserStats


@strawberry.type(description="One predikat: how often the appraiser gave it, beside others.")
class PredikatShare:
    predikat: str = strawberry.field(description="SANGAT_BAIK, BAIK, BUTUH_PERBAIKAN, …")
    given: int = strawberry.field(description="How many of their appraisees they gave it to.")
    share: float = strawberry.field(description="Its share of what they gave, 0 to 1.")
    unit_share: float = strawberry.field(
        description="Its share of what every appraiser gave in their appraisees' units."
    )
    tenant_share: float = strawberry.field(description="Its share in the tenant's whole cycle.")


@strawberry.type(description="One appraiser's annual results in a cycle: leniency, calibration.")
class AppraiserStatistics:
    appraiser: str = strawberry.field(description="The pejabat penilai (a NIP, or an id).")
    appraisals: int = strawberry.field(description="Appraisals they are the appraiser of.")
    predikat: list[PredikatShare] = strawberry.field(
        description="Each predikat, from the annual ratings as they gave them (before any "
        "calibration or upheld objection)."
    )
    calibrated_up: int = strawberry.field(description="Annual ratings calibrators raised.")
    calibrated_down: int = strawberry.field(description="Annual ratings calibrators lowered.")
    calibrated_level: int = strawberry.field(
        description="Annual ratings calibrators changed without raising or lowering their sum."
    )
    objections_upheld: int = strawberry.field(description="Objections upheld against them.")

    @classmethod
    def from_stats(cls, stats: AppraiserStats) -> AppraiserStatistics:
        shares = [
            PredikatShare(
                predikat=p.value,
                given=stats.given[p.value],
                share=stats.share(stats.given, p.value),
                unit_share=stats.share(stats.unit_given, p.value),
                tenant_share=stats.share(stats.tenant_given, p.value),
            )
            for p in Predikat
        ]
        return cls(
            appraiser=stats.appraiser,
            appraisals=stats.appraisals,
            predikat=shares,
            calibrated_up=stats.calibrated_up,
            calibrated_down=stats.calibrated_down,
            calibrated_level=stats.calibrated_level,
            objections_upheld=stats.objections_upheld,
        )
