"""GraphQL types of what follows a finalised appraisal; each field named for its legal source."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from uuid import UUID

import strawberry

from domain.angka_kredit import ANGKA_KREDIT_SOURCE, AngkaKreditStatus, YearCredit
from domain.jabatan import JenjangFungsional
from domain.tindak_lanjut import AWARD_SOURCE, PPPK_RENEWAL_SOURCE
from graphql_api import enums as _enums  # noqa: F401  (registers JenjangFungsional)
from projections.award_nominations import NominationRow
from projections.tindak_lanjut import FollowUp


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


@strawberry.type(description="One finalised year's predikat.")
class FinalisedPredikat:
    year: int
    predikat: str = strawberry.field(description="SANGAT_BAIK … SANGAT_KURANG.")


@strawberry.type(description="The TPP/tunjangan kinerja factor of the latest finalised predikat.")
class TppFactor:
    year: int
    predikat: str
    factor_percent: float | None = strawberry.field(
        description="Percentage of the TPP the predikat earns under the tenant's tpp_factors "
        "in force; null while the tenant has recorded none."
    )
    source: str | None = strawberry.field(description="The Perkada/Perbup the factor is from.")
    label: str | None


@strawberry.type(description="Candidacy for an award nomination (" + AWARD_SOURCE + ").")
class AwardCandidacy:
    candidate: bool
    consecutive_sangat_baik_years: int
    required_years: int
    through_year: int | None = strawberry.field(description="The latest finalised year counted.")


@strawberry.type(description="A nomination for a penghargaan HR made, with its reason.")
class AwardNomination:
    year: int = strawberry.field(description="The appraisal year the Sangat Baik run ends.")
    consecutive_years: int
    nominated_at: datetime
    nominated_by: str
    reason: str | None
    position: int = strawberry.field(description="Log position of the nomination.")

    @classmethod
    def of(cls, r: NominationRow) -> AwardNomination:
        return cls(
            year=r.year, consecutive_years=r.consecutive_years, nominated_at=r.nominated_at,
            nominated_by=r.actor_id, reason=r.reason, position=r.position,
        )  # fmt: skip


@strawberry.type(
    description="The predikat condition of a kenaikan pangkat at the next period date "
    "(PP 99/2000 Pasal 7 huruf b with PP 30/2019: at least Baik in the two years before)."
)
class PromotionPredikatCondition:
    met: bool
    effective_on: str = strawberry.field(description="The next promotion period date (TMT).")
    reason: str | None = strawberry.field(description="Why the condition is not met.")


@strawberry.type(description="One finalised year's angka kredit: koefisien × persentase.")
class AngkaKreditYear:
    year: int
    predikat: str
    months: int = strawberry.field(description="Months counted (the first year from the TMT).")
    koefisien: float
    persentase: int
    angka_kredit: float

    @classmethod
    def of(cls, y: YearCredit) -> AngkaKreditYear:
        return cls(
            year=y.year, predikat=y.predikat.value, months=y.months,
            koefisien=float(y.koefisien), persentase=y.persentase,
            angka_kredit=float(y.angka_kredit),
        )  # fmt: skip


@strawberry.type(description="A jabatan fungsional's angka kredit (" + ANGKA_KREDIT_SOURCE + ").")
class AngkaKredit:
    jenjang: JenjangFungsional
    golongan: str
    jenjang_since: str = strawberry.field(description="Since when the jabatan is held.")
    years: list[AngkaKreditYear]
    accumulated: float = strawberry.field(description="AK kumulatif in the jenjang.")
    next_golongan: str | None
    needed_for_next_golongan: int | None = strawberry.field(
        description="AK kumulatif in the jenjang the next golongan needs."
    )
    golongan_reached: bool
    next_jenjang: JenjangFungsional | None
    needed_for_next_jenjang: int | None
    jenjang_reached: bool = strawberry.field(
        description="The AK is met; uji kompetensi and a vacancy are not judged here."
    )

    @classmethod
    def of(cls, s: AngkaKreditStatus) -> AngkaKredit:
        return cls(
            jenjang=s.jenjang, golongan=s.golongan, jenjang_since=s.jenjang_since.isoformat(),
            years=[AngkaKreditYear.of(y) for y in s.years], accumulated=float(s.accumulated),
            next_golongan=s.next_golongan, needed_for_next_golongan=s.needed_for_next_golongan,
            golongan_reached=s.golongan_reached, next_jenjang=s.next_jenjang,
            needed_for_next_jenjang=s.needed_for_next_jenjang, jenjang_reached=s.jenjang_reached,
        )  # fmt: skip


@strawberry.type(description="What follows one employee's finalised predikat (private).")
class TindakLanjut:
    nip: str
    name: str
    employment_type: str
    predikat_history: list[FinalisedPredikat]
    tpp: TppFactor | None
    award: AwardCandidacy
    nominations: list[AwardNomination] = strawberry.field(
        description="The nominations HR decided on the candidacy."
    )
    promotion: PromotionPredikatCondition | None = strawberry.field(description="PNS only.")
    angka_kredit: AngkaKredit | None = strawberry.field(description="Jabatan fungsional only.")
    pppk_renewal: str | None = strawberry.field(
        description="PPPK only: RENEW, REVIEW, NOT_RECOMMENDED or NO_RESULT (advice from the "
        "kinerja; " + PPPK_RENEWAL_SOURCE + ")."
    )
    development: str = strawberry.field(
        description="TOP_PERFORMER (Sangat Baik: priority development), REMEDIAL (below Baik) "
        "or NONE; the programmes are in trainingRecommendations."
    )
    employee_id: strawberry.Private[UUID]

    def owner(self) -> tuple[UUID, frozenset[UUID]]:
        """Whose record this is, for the private-field check."""
        return self.employee_id, frozenset()

    @classmethod
    def of(cls, f: FollowUp) -> TindakLanjut:
        e = f.employee
        tpp = f.tpp
        return cls(
            nip=e.nip, name=e.name, employment_type=e.employment_type,
            predikat_history=[
                FinalisedPredikat(year=y, predikat=p.value)
                for y, p in sorted(f.predikat_by_year.items())
            ],
            tpp=TppFactor(
                year=tpp.year, predikat=tpp.predikat.value,
                factor_percent=_number(tpp.factor_percent), source=tpp.source, label=tpp.label,
            ) if tpp else None,
            award=AwardCandidacy(
                candidate=f.award.candidate,
                consecutive_sangat_baik_years=f.award.consecutive_years,
                required_years=f.award.required_years, through_year=f.award.through_year,
            ),
            nominations=[AwardNomination.of(n) for n in f.nominations],
            promotion=PromotionPredikatCondition(
                met=f.promotion.met, effective_on=f.promotion.effective_on.isoformat(),
                reason=f.promotion.reason,
            ) if f.promotion else None,
            angka_kredit=AngkaKredit.of(f.angka_kredit) if f.angka_kredit else None,
            pppk_renewal=f.pppk_renewal.value if f.pppk_renewal else None,
            development=f.development.value, employee_id=e.id,
        )  # fmt: skip
