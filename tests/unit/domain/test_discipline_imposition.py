"""What imposing a hukuman needs beyond its kind: a reason to depart from Pasal 11's proposal,
and the right jabatan after a penurunan or pembebasan."""

from __future__ import annotations

import pytest

from domain.absence_sanction import proposed_sanction
from domain.discipline import (
    SanctionKind,
    check_departure,
    check_jabatan_after,
)
from domain.errors import InvalidSanction, ReasonRequired
from domain.jabatan import Jabatan, JabatanKind, JenjangFungsional

K = SanctionKind
PENGAWAS = Jabatan(JabatanKind.PENGAWAS, "Kepala Seksi Umum")
PELAKSANA = Jabatan(JabatanKind.PELAKSANA, "Pengadministrasi Umum")
AHLI_MUDA = Jabatan(JabatanKind.FUNGSIONAL, "Analis SDM Aparatur", JenjangFungsional.AHLI_MUDA)
AHLI_PERTAMA = Jabatan(
    JabatanKind.FUNGSIONAL, "Analis SDM Aparatur", JenjangFungsional.AHLI_PERTAMA
)


def test_the_proposal_carries_level_kind_and_duration_of_the_band() -> None:
    proposal = proposed_sanction(15)
    assert proposal is not None
    assert (proposal.level.value, proposal.kind, proposal.duration_months) == (
        "SEDANG",
        K.POTONGAN_TUKIN_25_9_BULAN,
        9,
    )


def test_imposing_the_proposed_kind_needs_no_departure_reason() -> None:
    check_departure(K.TEGURAN_LISAN, K.TEGURAN_LISAN, None)


def test_imposing_another_kind_than_proposed_needs_a_departure_reason() -> None:
    with pytest.raises(ReasonRequired, match="TEGURAN_TERTULIS"):
        check_departure(K.TEGURAN_LISAN, K.TEGURAN_TERTULIS, "  ")
    check_departure(K.TEGURAN_LISAN, K.TEGURAN_TERTULIS, "Two days excused after the decision")


def test_a_penurunan_moves_a_pengawas_to_a_pelaksana() -> None:
    check_jabatan_after(K.PENURUNAN_JABATAN_12_BULAN, PENGAWAS, PELAKSANA)


def test_a_penurunan_moves_a_fungsional_one_jenjang_down_in_the_same_track() -> None:
    check_jabatan_after(K.PENURUNAN_JABATAN_12_BULAN, AHLI_MUDA, AHLI_PERTAMA)
    with pytest.raises(InvalidSanction, match="one level lower"):
        check_jabatan_after(K.PENURUNAN_JABATAN_12_BULAN, AHLI_PERTAMA, AHLI_MUDA)


def test_a_penurunan_or_pembebasan_needs_the_jabatan_after() -> None:
    with pytest.raises(InvalidSanction, match="needs the jabatan"):
        check_jabatan_after(K.PEMBEBASAN_JABATAN_KE_PELAKSANA_12_BULAN, PENGAWAS, None)


def test_a_pembebasan_releases_a_holder_of_a_jabatan_to_a_pelaksana_only() -> None:
    check_jabatan_after(K.PEMBEBASAN_JABATAN_KE_PELAKSANA_12_BULAN, AHLI_MUDA, PELAKSANA)
    with pytest.raises(InvalidSanction, match="jabatan pelaksana"):
        check_jabatan_after(K.PEMBEBASAN_JABATAN_KE_PELAKSANA_12_BULAN, PENGAWAS, AHLI_MUDA)


def test_other_kinds_do_not_change_the_jabatan() -> None:
    with pytest.raises(InvalidSanction, match="does not change"):
        check_jabatan_after(K.TEGURAN_LISAN, PENGAWAS, PELAKSANA)
