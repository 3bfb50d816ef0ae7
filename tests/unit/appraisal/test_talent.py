"""The 9-box (§7): each cell, the kinerja axis, the recommendations and the talent pool."""

from __future__ import annotations

import pytest

from domain.scoring import Predikat, Rating
from domain.talent import RECOMMENDATIONS, Potensial, kinerja_axis, talent_box

BOXES = [
    pytest.param(Predikat.BUTUH_PERBAIKAN, Potensial.TINGGI, 6, id="di-bawah/tinggi"),
    pytest.param(Predikat.BAIK, Potensial.TINGGI, 8, id="sesuai/tinggi"),
    pytest.param(Predikat.SANGAT_BAIK, Potensial.TINGGI, 9, id="di-atas/tinggi"),
    pytest.param(Predikat.KURANG, Potensial.MENENGAH, 3, id="di-bawah/menengah"),
    pytest.param(Predikat.BAIK, Potensial.MENENGAH, 5, id="sesuai/menengah"),
    pytest.param(Predikat.SANGAT_BAIK, Potensial.MENENGAH, 7, id="di-atas/menengah"),
    pytest.param(Predikat.SANGAT_KURANG, Potensial.RENDAH, 1, id="di-bawah/rendah"),
    pytest.param(Predikat.BAIK, Potensial.RENDAH, 2, id="sesuai/rendah"),
    pytest.param(Predikat.SANGAT_BAIK, Potensial.RENDAH, 4, id="di-atas/rendah"),
]


@pytest.mark.parametrize(("predikat", "potensial", "box"), BOXES)
def test_each_cell_of_the_9_box_has_its_number_and_recommendation(
    predikat: Predikat, potensial: Potensial, box: int
) -> None:
    placed = talent_box(predikat, potensial)
    assert (placed.box, placed.recommendation) == (box, RECOMMENDATIONS[box])


@pytest.mark.parametrize(
    ("predikat", "kinerja"),
    [
        (Predikat.SANGAT_BAIK, Rating.DI_ATAS),
        (Predikat.BAIK, Rating.SESUAI),
        (Predikat.BUTUH_PERBAIKAN, Rating.DI_BAWAH),
        (Predikat.KURANG, Rating.DI_BAWAH),
        (Predikat.SANGAT_KURANG, Rating.DI_BAWAH),
    ],
)
def test_the_predikat_maps_to_the_kinerja_axis(predikat: Predikat, kinerja: Rating) -> None:
    assert kinerja_axis(predikat) is kinerja


def test_only_boxes_7_8_and_9_form_the_talent_pool() -> None:
    pool = {
        placed.box
        for predikat in Predikat
        for potensial in Potensial
        if (placed := talent_box(predikat, potensial)).in_talent_pool
    }
    assert pool == {7, 8, 9}


def test_box_9_recommends_the_kelompok_rencana_suksesi() -> None:
    assert "Kelompok Rencana Suksesi" in RECOMMENDATIONS[9]
