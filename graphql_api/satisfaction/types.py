"""A unit's IKM as GraphQL types: counts and indices only, never a respondent or an employee."""

from __future__ import annotations

from uuid import UUID

import strawberry
from strawberry import Info

from graphql_api.context import Context
from graphql_api.fields import resolver
from graphql_api.ids import to_id
from graphql_api.units.types import Unit, load_unit
from projections.satisfaction import UnitIkm


@strawberry.type(description="One of the nine SKM elements (U1–U9) and its mean answer.")
class SatisfactionElement:
    code: str = strawberry.field(description="U1 … U9.")
    name: str = strawberry.field(description="The element (unsur), e.g. Persyaratan.")
    nrr: float = strawberry.field(description="Nilai rata-rata: the mean answer, 1–4.")
    weighted_nrr: float = strawberry.field(description="NRR × 1/9 (the Lampiran's 0,111).")


@strawberry.type(description="A unit's Indeks Kepuasan Masyarakat in a survey period.")
class UnitSatisfaction:
    unit_id: strawberry.ID
    period: str = strawberry.field(description="YYYY, YYYY-S1/S2 or YYYY-Q1…Q4.")
    respondents: int = strawberry.field(description="Completed questionnaires counted.")
    elements: list[SatisfactionElement]
    ikm: float = strawberry.field(description="Σ NRR × 1/9, from 1 to 4 (four decimals).")
    index: float = strawberry.field(description="IKM × 25, from 25 to 100 (two decimals).")
    mutu: str = strawberry.field(description="Mutu pelayanan: A, B, C or D.")
    kinerja: str = strawberry.field(
        description="Kinerja unit: Sangat Baik, Baik, Kurang Baik or Tidak Baik."
    )

    @resolver("The unit kerja surveyed.")
    async def unit(self, info: Info[Context, None]) -> Unit:
        return await load_unit(info.context, strawberry_uuid(self.unit_id))

    @classmethod
    def of(cls, found: UnitIkm) -> UnitSatisfaction:
        ikm = found.ikm
        return cls(
            unit_id=to_id(found.unit_id),
            period=found.period.label,
            respondents=ikm.respondents,
            elements=[
                SatisfactionElement(
                    code=e.code,
                    name=e.name,
                    nrr=round(float(e.nrr), 3),
                    weighted_nrr=round(float(e.weighted), 3),
                )
                for e in ikm.elements
            ],
            ikm=round(float(ikm.value), 4),
            index=float(ikm.index),
            mutu=ikm.mutu,
            kinerja=ikm.kinerja,
        )


def strawberry_uuid(value: strawberry.ID) -> UUID:
    return UUID(str(value))
