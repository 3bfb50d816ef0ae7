"""The career rules of issue 16, one test per rule: promotion, BUP, probation, awards, jenjang."""

from __future__ import annotations

from datetime import date

import pytest

from domain.awards import AwardKind, check_award_eligibility, days_out_of_service
from domain.career_errors import (
    AwardBarredBySanction,
    AwardPnsOnly,
    JenjangGolonganMismatch,
    LatsarNotCompleted,
    ProbationNotComplete,
    PromotionAboveEducationCeiling,
    PromotionNotOneStep,
    PromotionOutOfOrder,
    PromotionOutsidePeriod,
    PromotionPredikatInsufficient,
    PromotionTooEarly,
    RetirementBeforeBup,
)
from domain.errors import (
    AwardNotAllowed,
)
from domain.jabatan import JabatanKind, JenjangFungsional, check_jenjang_golongan, parse_jabatan
from domain.policy import InvalidPolicyValues
from domain.probation import check_latsar_passed, check_probation_served, is_latsar
from domain.promotion import (
    Ijazah,
    PromotionCase,
    PromotionHistory,
    PromotionKind,
    check_promotion_rules,
    check_step,
)
from domain.promotion_periods import next_period_date, seeded_periods_on, validate_periods
from domain.retirement import (
    InService,
    batas_usia_pensiun,
    check_retirement_at_bup,
    pension_date,
    retiring_by,
)
from domain.scoring import Predikat

SINCE = date(2019, 10, 1)


def case(target: str = "III/b", on: date = date(2023, 10, 1), **kw: object) -> PromotionCase:
    return PromotionCase("III/a", target, on, SINCE, **kw)  # type: ignore[arg-type]


# --- kenaikan pangkat --------------------------------------------------------------------
def test_the_seeded_periods_follow_the_decree_in_force_on_each_date() -> None:
    assert seeded_periods_on(date(2023, 12, 31)).months == (4, 10)
    assert seeded_periods_on(date(2024, 1, 1)).months == (2, 4, 6, 8, 10, 12)
    assert seeded_periods_on(date(2025, 10, 1)).months == tuple(range(1, 13))
    assert next_period_date(date(2023, 10, 2)) == date(2024, 2, 1)


def test_a_reguler_promotion_after_four_years_on_a_period_date_passes() -> None:
    check_promotion_rules(case())  # four years to the day, 1 October


def test_a_promotion_off_the_periods_is_refused() -> None:
    with pytest.raises(PromotionOutsidePeriod):
        check_promotion_rules(case(on=date(2024, 3, 1)))  # March is no period under 4/2023


def test_periods_recorded_as_policy_replace_the_seeded_ones() -> None:
    history = PromotionHistory(periods=seeded_periods_on(date(2026, 1, 1)))
    check_promotion_rules(case(on=date(2024, 3, 1), history=history))


def test_a_reguler_promotion_before_four_years_in_the_pangkat_is_refused() -> None:
    with pytest.raises(PromotionTooEarly):
        check_promotion_rules(case(on=date(2023, 4, 1)))


def test_a_pilihan_promotion_needs_only_its_own_least_years() -> None:
    check_promotion_rules(case(on=date(2021, 10, 1), kind=PromotionKind.PILIHAN_FUNGSIONAL))
    with pytest.raises(PromotionTooEarly):
        check_promotion_rules(case(on=date(2020, 4, 1), kind=PromotionKind.PILIHAN_FUNGSIONAL))


def test_a_promotion_dated_on_or_before_the_current_golongan_is_out_of_order() -> None:
    with pytest.raises(PromotionOutOfOrder):
        check_promotion_rules(case(on=date(2019, 4, 1)))


def test_a_promotion_of_two_steps_is_refused() -> None:
    with pytest.raises(PromotionNotOneStep):
        check_promotion_rules(case(target="III/c"))


def test_a_predikat_below_baik_in_the_last_two_years_refuses_the_promotion() -> None:
    bad = PromotionHistory({2022: Predikat.BAIK, 2021: Predikat.BUTUH_PERBAIKAN})
    with pytest.raises(PromotionPredikatInsufficient, match="2021"):
        check_promotion_rules(case(history=bad))
    check_promotion_rules(case(history=PromotionHistory({2020: Predikat.KURANG})))


def test_a_reguler_promotion_above_the_ijazah_ceiling_is_refused() -> None:
    rule = PromotionCase("III/b", "III/c", date(2023, 10, 1), SINCE, ijazah=Ijazah.SMA)
    with pytest.raises(PromotionAboveEducationCeiling, match="III/b"):
        check_promotion_rules(rule)
    check_promotion_rules(
        PromotionCase("III/b", "III/c", date(2023, 10, 1), SINCE, ijazah=Ijazah.D3)
    )


def test_promotion_period_policy_values_are_validated() -> None:
    assert validate_periods({"months": [10, 4]}) == {"months": [4, 10]}
    with pytest.raises(InvalidPolicyValues):
        validate_periods({"months": [13]})


# --- BUP ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("kind", "jenjang", "title", "bup"),
    [
        (JabatanKind.PELAKSANA, None, "Pengadministrasi Perkantoran", 58),
        (JabatanKind.ADMINISTRATOR, None, "Kepala Bagian Umum", 58),
        (JabatanKind.JPT_UTAMA, None, "Sekretaris Jenderal", 60),
        (JabatanKind.JPT_MADYA, None, "Sekretaris Daerah Provinsi", 60),
        (JabatanKind.JPT_PRATAMA, None, "Kepala Dinas", 60),
        (JabatanKind.FUNGSIONAL, JenjangFungsional.AHLI_MUDA, "Perencana Ahli Muda", 58),
        (JabatanKind.FUNGSIONAL, JenjangFungsional.AHLI_MADYA, "Perencana Ahli Madya", 60),
        (JabatanKind.FUNGSIONAL, JenjangFungsional.AHLI_UTAMA, "Perencana Ahli Utama", 65),
        (JabatanKind.FUNGSIONAL, JenjangFungsional.AHLI_PERTAMA, "Guru Ahli Pertama", 60),
        (JabatanKind.FUNGSIONAL, JenjangFungsional.PENYELIA, "Perawat Penyelia", 58),
    ],
)
def test_bup_follows_pasal_239_and_the_laws_of_pasal_240(
    kind: JabatanKind, jenjang: JenjangFungsional | None, title: str, bup: int
) -> None:
    assert batas_usia_pensiun(kind, jenjang, title) == bup


def test_a_pensiun_bup_before_the_pension_date_is_refused() -> None:
    born = date(1967, 5, 20)
    assert pension_date(born, 58) == date(2025, 6, 1)
    check_retirement_at_bup(born, JabatanKind.PELAKSANA, None, "Pengadministrasi", date(2025, 6, 1))
    with pytest.raises(RetirementBeforeBup):
        check_retirement_at_bup(born, JabatanKind.JPT_MADYA, None, "Sekda", date(2025, 6, 1))


def test_retiring_by_lists_who_reaches_bup_by_a_date_soonest_first() -> None:
    people = [
        InService("A", date(1967, 5, 20), JabatanKind.PELAKSANA, None, "Pengadministrasi"),
        InService("B", date(1966, 1, 3), JabatanKind.JPT_PRATAMA, None, "Kepala Dinas"),
        InService("C", date(1967, 1, 2), JabatanKind.PENGAWAS, None, "Kepala Seksi"),
    ]
    found = retiring_by(people, date(2025, 6, 1))
    assert [(r.nip, r.pension_on) for r in found] == [
        ("C", date(2025, 2, 1)),
        ("A", date(2025, 6, 1)),
    ]


# --- CPNS ----------------------------------------------------------------------------------
def test_confirmation_before_a_year_of_probation_is_refused() -> None:
    check_probation_served(date(2023, 2, 1), date(2024, 2, 1))
    with pytest.raises(ProbationNotComplete):
        check_probation_served(date(2023, 2, 1), date(2023, 2, 2))


def test_confirmation_needs_latsar_passed_by_the_tmt_pns() -> None:
    check_latsar_passed(date(2023, 11, 3), date(2024, 2, 1))
    with pytest.raises(LatsarNotCompleted):
        check_latsar_passed(date(2024, 3, 1), date(2024, 2, 1))
    assert is_latsar("Latsar CPNS Golongan III Angkatan 4")
    assert is_latsar("Diklat Prajabatan Angkatan II Tahun 2009")  # before PP 11/2017
    assert not is_latsar("Pelatihan Kepemimpinan Pengawas")


# --- awards --------------------------------------------------------------------------------
SLKS_10 = AwardKind.SATYALANCANA_KARYA_SATYA_10


def test_satyalancana_needs_a_pns_without_sedang_or_berat_sanction_and_the_years() -> None:
    check_award_eligibility(SLKS_10, date(2010, 3, 1), date(2020, 3, 1), "PNS", ("RINGAN",))
    with pytest.raises(AwardPnsOnly):
        check_award_eligibility(SLKS_10, date(2010, 3, 1), date(2020, 3, 1), "PPPK")
    with pytest.raises(AwardBarredBySanction):
        check_award_eligibility(SLKS_10, date(2010, 3, 1), date(2020, 3, 1), "PNS", ("SEDANG",))
    cltn = days_out_of_service([(date(2012, 1, 1), date(2012, 12, 31))], date(2020, 3, 1))
    with pytest.raises(AwardNotAllowed):
        check_award_eligibility(SLKS_10, date(2010, 3, 1), date(2020, 3, 1), "PNS", (), cltn)


# --- jenjang and golongan ------------------------------------------------------------------
def test_a_jenjang_outside_its_golongan_range_is_refused() -> None:
    ahli_muda = parse_jabatan("FUNGSIONAL", "Perencana Ahli Muda", "AHLI_MUDA")
    check_jenjang_golongan(ahli_muda, "III/d", "PNS")
    check_jenjang_golongan(ahli_muda, "III/b", "PNS")  # raised with the promotion it comes with
    with pytest.raises(JenjangGolonganMismatch):
        check_jenjang_golongan(ahli_muda, "III/a", "PNS")
    with pytest.raises(JenjangGolonganMismatch):
        check_jenjang_golongan(ahli_muda, "IV/a", "PNS")


def test_a_penyesuaian_ijazah_raises_straight_to_the_pangkat_of_the_new_ijazah() -> None:
    # PP 99/2000 Pasal 18 ayat (1) huruf e as amended by PP 12/2002: a Sarjana goes to III/a.
    check_step("II/b", "III/a", PromotionKind.PILIHAN_PENYESUAIAN_IJAZAH, Ijazah.S1)
    with pytest.raises(PromotionNotOneStep):
        check_step("II/b", "III/b", PromotionKind.PILIHAN_PENYESUAIAN_IJAZAH, Ijazah.S1)
    with pytest.raises(PromotionNotOneStep):
        check_step("II/b", "III/a", PromotionKind.REGULER, Ijazah.S1)
