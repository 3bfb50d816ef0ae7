"""What generated appraisals say: SKP rows by kind of jabatan, justifications and feedback."""

from __future__ import annotations

import random

from domain.appraisal import BERAKHLAK
from domain.scoring import Predikat

Row = tuple[str, str, str, str, str]  # kind, rencana hasil kerja, aspect, indikator, target

_MANAGERIAL: tuple[Row, ...] = (
    (
        "UTAMA",
        "Terlaksananya program unit sesuai rencana kerja",
        "KUANTITAS",
        "Persentase program yang terlaksana",
        "100%",
    ),
    (
        "UTAMA",
        "Meningkatnya kualitas layanan unit",
        "KUALITAS",
        "Indeks kepuasan masyarakat atas layanan unit",
        "82",
    ),
    (
        "TAMBAHAN",
        "Tersusunnya laporan kinerja unit tepat waktu",
        "WAKTU",
        "Laporan kinerja disampaikan sebelum batas waktu",
        "12 bulan",
    ),
)
_GURU: tuple[Row, ...] = (
    (
        "UTAMA",
        "Terlaksananya pembelajaran sesuai kurikulum",
        "KUANTITAS",
        "Jumlah jam tatap muka terlaksana",
        "24 jam/minggu",
    ),
    (
        "UTAMA",
        "Meningkatnya hasil belajar peserta didik",
        "KUALITAS",
        "Persentase peserta didik mencapai KKTP",
        "85%",
    ),
)
_HEALTH: tuple[Row, ...] = (
    (
        "UTAMA",
        "Terlaksananya pelayanan kesehatan sesuai standar",
        "KUANTITAS",
        "Jumlah pasien dilayani sesuai SOP",
        "1.200 pasien",
    ),
    (
        "UTAMA",
        "Meningkatnya mutu pelayanan kesehatan",
        "KUALITAS",
        "Persentase rekam medis lengkap",
        "95%",
    ),
)
_STAFF: tuple[Row, ...] = (
    (
        "UTAMA",
        "Terselesaikannya pengelolaan administrasi dan data unit",
        "KUANTITAS",
        "Jumlah dokumen yang diproses",
        "480 dokumen",
    ),
    (
        "UTAMA",
        "Tersedianya data layanan yang mutakhir",
        "WAKTU",
        "Data dimutakhirkan tiap bulan",
        "12 bulan",
    ),
    (
        "TAMBAHAN",
        "Terdukungnya kegiatan lintas bidang",
        "KUANTITAS",
        "Jumlah kegiatan yang didukung",
        "6 kegiatan",
    ),
)

_JUSTIFICATIONS = {
    Predikat.SANGAT_BAIK: (
        "Seluruh target terlampaui dengan bukti dukung lengkap dan perilaku menjadi teladan.",
        "Capaian di atas ekspektasi pada semua indikator; inisiatif inovasi layanan diterapkan.",
    ),
    Predikat.BAIK: (
        "Target hasil kerja tercapai sesuai ekspektasi dengan bukti dukung yang memadai.",
        "Capaian sesuai ekspektasi; perilaku kerja mencerminkan nilai BerAKHLAK.",
    ),
    Predikat.BUTUH_PERBAIKAN: (
        "Sebagian target tidak tercapai; perlu pendampingan dan rencana perbaikan kinerja.",
    ),
    Predikat.KURANG: ("Perilaku kerja di bawah ekspektasi; terdapat pelanggaran disiplin.",),
    Predikat.SANGAT_KURANG: ("Hasil dan perilaku kerja di bawah ekspektasi sepanjang tahun.",),
}
_ROW_FEEDBACK = (
    "Pertahankan capaian; lengkapi bukti dukung setiap bulan.",
    "Capaian semester I baik, percepat penyelesaian target triwulan berikutnya.",
    "Koordinasikan dengan bidang terkait agar target waktu terpenuhi.",
)
_COLLEAGUE = (
    ("Sigap membantu rekan saat beban kerja tinggi.", "KOLABORATIF"),
    ("Ramah dan sabar melayani masyarakat.", "BERORIENTASI_PELAYANAN"),
    ("Cepat beradaptasi dengan aplikasi layanan baru.", "ADAPTIF"),
    ("Menjaga suasana kerja yang rukun.", "HARMONIS"),
)
_MASYARAKAT = {
    4: "Pelayanan cepat dan ramah.",
    3: "Pelayanan baik.",
    2: "Antrean terlalu lama.",
    1: "Petugas sulit ditemui.",
}
OBJECTION_REASONS = (
    "Bukti dukung realisasi triwulan IV belum dipertimbangkan dalam penilaian.",
    "Penilaian perilaku tidak disertai umpan balik selama tahun berjalan.",
    "Target kinerja diubah di tengah tahun tanpa penyesuaian SKP.",
)


def skp_rows(jabatan_kind: str, jabatan_title: str, rng: random.Random) -> tuple[Row, ...]:
    """Two or three hasil kerja rows fitting the jabatan."""
    title = jabatan_title.lower()
    if jabatan_kind in ("JPT_PRATAMA", "ADMINISTRATOR", "PENGAWAS"):
        rows = _MANAGERIAL
    elif title.startswith("guru"):
        rows = _GURU
    elif any(w in title for w in ("perawat", "bidan", "dokter", "apoteker", "sanitarian", "gizi")):
        rows = _HEALTH
    else:
        rows = _STAFF
    return rows[: rng.randint(2, len(rows))]


def justification(predikat: Predikat, rng: random.Random) -> str:
    return rng.choice(_JUSTIFICATIONS[predikat])


def row_feedback(rng: random.Random) -> str:
    return rng.choice(_ROW_FEEDBACK)


def colleague_feedback(rng: random.Random) -> tuple[str, str]:
    text, behaviour = rng.choice(_COLLEAGUE)
    assert behaviour in BERAKHLAK
    return text, behaviour


def masyarakat_comment(score: int, rng: random.Random) -> str | None:
    return _MASYARAKAT[score] if rng.random() < 0.5 else None
