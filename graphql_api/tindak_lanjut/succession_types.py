"""GraphQL types of succession lists (PermenPANRB 3/2020), for HR and auditors."""

from __future__ import annotations

import strawberry

from domain.jabatan import JabatanKind
from domain.succession import Succession
from graphql_api import enums as _enums  # noqa: F401  (registers JabatanKind)


@strawberry.type(description="A talent-pool member (9-box 7–9) proposed for a key post.")
class SuccessionCandidate:
    nip: str
    name: str
    golongan: str
    box: int = strawberry.field(description="The 9-box cell of the latest finalised cycle.")


@strawberry.type(
    description="A key jabatan (jabatan manajerial) and its ranked candidates from the talent "
    "pool of its unit and the units below (PermenPANRB 3/2020)."
)
class SuccessionList:
    holder_nip: str
    holder_name: str
    jabatan_kind: JabatanKind
    jabatan_title: str
    cycle_year: int | None = strawberry.field(
        description="The finalised cycle the 9-box is from; null before any."
    )
    candidates: list[SuccessionCandidate]

    @classmethod
    def of(cls, s: Succession, names: dict[str, str], cycle_year: int | None) -> SuccessionList:
        return cls(
            holder_nip=s.post.holder_nip, holder_name=names.get(s.post.holder_nip, ""),
            jabatan_kind=s.post.jabatan_kind, jabatan_title=s.post.jabatan_title,
            cycle_year=cycle_year,
            candidates=[
                SuccessionCandidate(
                    nip=t.nip, name=names.get(t.nip, ""), golongan=t.golongan, box=t.box
                )
                for t in s.candidates
            ],
        )  # fmt: skip
