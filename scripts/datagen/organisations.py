"""The perangkat daerah a regional government is built from: dinas, badan and their insides.

Each organisation lists its bidang (bagian for the Sekretariat Daerah, inspektur pembantu for
the Inspektorat) with their seksi (subbidang in a badan), in the order a growing tree adds
them, and the jabatan fungsional typical of its staff (track keys of `tracks.py`). A division
is written "Bidang Bina Marga: Seksi Pembangunan Jalan | Seksi Pemeliharaan Jalan".
"""

from __future__ import annotations

from dataclasses import dataclass

from domain.units import UnitKind
from scripts.datagen.regions import RegionKind

Sections = tuple[tuple[str, tuple[str, ...]], ...]  # (bidang, its seksi)

SUBBAGIAN = ("Subbagian Umum dan Kepegawaian", "Subbagian Keuangan", "Subbagian Perencanaan")
DINAS, BADAN, KANTOR = UnitKind.DINAS, UnitKind.BADAN, UnitKind.KANTOR


@dataclass(frozen=True)
class Organisation:
    """A perangkat daerah: its code, kind, name, divisions and typical jabatan fungsional."""

    code: str
    kind: UnitKind
    name: str
    head_title: str
    divisions: Sections
    jf_tracks: tuple[str, ...] = ()
    division_kind: UnitKind = UnitKind.BIDANG
    has_secretariat: bool = True
    only_in: RegionKind | None = None


def head_title_of(name: str) -> str:
    """The head of a division: 'Kepala Bidang Bina Marga'; an inspektur pembantu is its name."""
    return name if name.startswith("Inspektur") else f"Kepala {name}"


def _org(
    code: str,
    kind: UnitKind,
    name: str,
    divisions: tuple[str, ...],
    jf: str = "",
    head: str = "",
    only_in: RegionKind | None = None,
) -> Organisation:
    sections = []
    for division in divisions:
        bidang, _, seksi = division.partition(": ")
        sections.append((bidang, tuple(s.strip() for s in seksi.split("|") if s.strip())))
    jf_tracks = tuple(jf.split()) if jf else ()
    return Organisation(
        code, kind, name, head or f"Kepala {name}", tuple(sections), jf_tracks, only_in=only_in
    )


SETDA = Organisation(
    "SETDA",
    UnitKind.SEKRETARIAT,
    "Sekretariat Daerah",
    "Sekretaris Daerah",
    tuple((f"Bagian {b}", ()) for b in (
        "Tata Pemerintahan", "Umum", "Hukum", "Organisasi", "Perekonomian dan Sumber Daya Alam",
        "Kesejahteraan Rakyat", "Pengadaan Barang dan Jasa", "Protokol dan Komunikasi Pimpinan",
    )),
    ("analis-kebijakan", "pranata-humas"),
    division_kind=UnitKind.BAGIAN,
    has_secretariat=False,
)  # fmt: skip

# The core of every regional government, in the order a small tree gets them.
CORE: tuple[Organisation, ...] = (
    SETDA,
    _org("DISDIK", DINAS, "Dinas Pendidikan", (
        "Bidang Pembinaan Sekolah Dasar: Seksi Kurikulum SD | Seksi Peserta Didik SD"
        " | Seksi Sarana Prasarana SD",
        "Bidang Pembinaan Sekolah Menengah Pertama: Seksi Kurikulum SMP"
        " | Seksi Peserta Didik SMP | Seksi Sarana Prasarana SMP",
        "Bidang Guru dan Tenaga Kependidikan: Seksi Pendidik | Seksi Tenaga Kependidikan",
        "Bidang Pendidikan Anak Usia Dini dan Nonformal: Seksi Kurikulum PAUD"
        " | Seksi Pendidikan Masyarakat",
    ), "analis-kebijakan pranata-komputer-terampil"),
    _org("DINKES", DINAS, "Dinas Kesehatan", (
        "Bidang Kesehatan Masyarakat: Seksi Kesehatan Keluarga dan Gizi"
        " | Seksi Promosi Kesehatan | Seksi Kesehatan Lingkungan",
        "Bidang Pencegahan dan Pengendalian Penyakit: Seksi Surveilans dan Imunisasi"
        " | Seksi Penyakit Menular | Seksi Penyakit Tidak Menular",
        "Bidang Pelayanan Kesehatan: Seksi Pelayanan Kesehatan Primer | Seksi Pelayanan Rujukan",
        "Bidang Sumber Daya Kesehatan: Seksi Kefarmasian dan Alat Kesehatan | Seksi SDM Kesehatan",
    ), "epidemiolog promkes"),
    _org("BKPSDM", BADAN, "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", (
        "Bidang Pengadaan, Pemberhentian dan Informasi: Subbidang Pengadaan dan Pemberhentian"
        " | Subbidang Data dan Informasi",
        "Bidang Mutasi dan Promosi: Subbidang Mutasi | Subbidang Kepangkatan",
        "Bidang Pengembangan Kompetensi: Subbidang Diklat | Subbidang Sertifikasi",
        "Bidang Penilaian Kinerja dan Disiplin: Subbidang Kinerja | Subbidang Disiplin",
    ), "analis-sdm pranata-komputer"),
    _org("BPKAD", BADAN, "Badan Pengelolaan Keuangan dan Aset Daerah", (
        "Bidang Anggaran: Subbidang Penyusunan Anggaran | Subbidang Pengendalian Anggaran",
        "Bidang Perbendaharaan: Subbidang Belanja | Subbidang Kas Daerah",
        "Bidang Akuntansi dan Pelaporan: Subbidang Akuntansi | Subbidang Pelaporan",
        "Bidang Aset: Subbidang Penatausahaan Aset | Subbidang Pemanfaatan Aset",
    ), "analis-keuangan"),
    _org("BAPPEDA", BADAN, "Badan Perencanaan Pembangunan Daerah", (
        "Bidang Perencanaan, Pengendalian dan Evaluasi: Subbidang Evaluasi",
        "Bidang Pemerintahan dan Pembangunan Manusia: Subbidang Pendidikan dan Kesehatan",
        "Bidang Perekonomian dan Sumber Daya Alam: Subbidang Perekonomian",
        "Bidang Infrastruktur dan Kewilayahan: Subbidang Infrastruktur",
    ), "perencana"),
    _org("DPUPR", DINAS, "Dinas Pekerjaan Umum dan Penataan Ruang", (
        "Bidang Bina Marga: Seksi Pembangunan Jalan | Seksi Pemeliharaan Jalan",
        "Bidang Sumber Daya Air: Seksi Irigasi | Seksi Pengendalian Banjir",
        "Bidang Cipta Karya: Seksi Air Minum dan Sanitasi | Seksi Bangunan Gedung",
        "Bidang Penataan Ruang: Seksi Perencanaan Tata Ruang | Seksi Pengendalian Ruang",
    ), "teknik-jalan penata-ruang"),
    _org("DISDUKCAPIL", DINAS, "Dinas Kependudukan dan Pencatatan Sipil", (
        "Bidang Pelayanan Pendaftaran Penduduk: Seksi Identitas Penduduk | Seksi Pindah Datang",
        "Bidang Pelayanan Pencatatan Sipil: Seksi Kelahiran dan Kematian"
        " | Seksi Perkawinan dan Perceraian",
        "Bidang Pengelolaan Informasi Administrasi Kependudukan: Seksi Sistem Informasi"
        " | Seksi Pengolahan Data",
    ), "adminduk"),
    _org("DISKOMINFO", DINAS, "Dinas Komunikasi dan Informatika", (
        "Bidang Aplikasi Informatika: Seksi Layanan E-Government | Seksi Infrastruktur TIK",
        "Bidang Informasi dan Komunikasi Publik: Seksi Pengelolaan Informasi Publik",
        "Bidang Statistik dan Persandian: Seksi Statistik Sektoral | Seksi Persandian",
    ), "pranata-komputer pranata-humas"),
    _org("INSPEKTORAT", KANTOR, "Inspektorat Daerah", (
        "Inspektur Pembantu Wilayah I", "Inspektur Pembantu Wilayah II",
        "Inspektur Pembantu Wilayah III", "Inspektur Pembantu Khusus",
    ), "auditor", head="Inspektur Daerah"),
    _org("SATPOLPP", KANTOR, "Satuan Polisi Pamong Praja", (
        "Bidang Penegakan Peraturan Daerah: Seksi Penyidikan dan Penindakan",
        "Bidang Ketertiban Umum: Seksi Operasi dan Pengendalian",
        "Bidang Perlindungan Masyarakat: Seksi Satuan Perlindungan Masyarakat",
    ), "pol-pp"),
)  # fmt: skip

# Further perangkat daerah, added as the tree grows.
EXTRA: tuple[Organisation, ...] = (
    _org("BAPENDA", BADAN, "Badan Pendapatan Daerah", (
        "Bidang Pajak Daerah: Subbidang Pendataan | Subbidang Penagihan",
        "Bidang Retribusi: Subbidang Retribusi Jasa Umum",
    )),
    _org("DINSOS", DINAS, "Dinas Sosial", (
        "Bidang Rehabilitasi Sosial: Seksi Rehabilitasi Anak dan Lanjut Usia",
        "Bidang Perlindungan dan Jaminan Sosial: Seksi Bantuan Sosial",
    )),
    _org("DISHUB", DINAS, "Dinas Perhubungan", (
        "Bidang Lalu Lintas: Seksi Manajemen Lalu Lintas | Seksi Perparkiran",
        "Bidang Angkutan: Seksi Angkutan Orang dan Barang",
    )),
    _org("DLH", DINAS, "Dinas Lingkungan Hidup", (
        "Bidang Pengelolaan Sampah: Seksi Pengurangan Sampah | Seksi Penanganan Sampah",
        "Bidang Pengendalian Pencemaran: Seksi Pemantauan Lingkungan",
    )),
    _org("DPMPTSP", DINAS, "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", (
        "Bidang Pelayanan Perizinan: Seksi Perizinan Usaha | Seksi Perizinan Non Usaha",
        "Bidang Penanaman Modal: Seksi Promosi Investasi",
    )),
    _org("BPBD", BADAN, "Badan Penanggulangan Bencana Daerah", (
        "Bidang Pencegahan dan Kesiapsiagaan: Seksi Kesiapsiagaan",
        "Bidang Kedaruratan dan Logistik: Seksi Logistik",
    )),
    _org("DISPERKIM", DINAS, "Dinas Perumahan dan Kawasan Permukiman", (
        "Bidang Perumahan: Seksi Rumah Swadaya",
        "Bidang Kawasan Permukiman: Seksi Peningkatan Kualitas Permukiman",
    )),
    _org("DP3A", DINAS, "Dinas Pemberdayaan Perempuan dan Perlindungan Anak", (
        "Bidang Perlindungan Perempuan dan Anak: Seksi Layanan Pengaduan",
        "Bidang Kualitas Hidup Perempuan: Seksi Pengarusutamaan Gender",
    )),
    _org("DISNAKER", DINAS, "Dinas Tenaga Kerja", (
        "Bidang Pelatihan dan Penempatan Kerja: Seksi Penempatan Tenaga Kerja",
        "Bidang Hubungan Industrial: Seksi Persyaratan Kerja",
    )),
    _org("DISPUSIP", DINAS, "Dinas Perpustakaan dan Kearsipan", (
        "Bidang Perpustakaan: Seksi Layanan Perpustakaan",
        "Bidang Kearsipan: Seksi Pengelolaan Arsip",
    ), "arsiparis"),
    _org("DISPERINDAG", DINAS, "Dinas Perdagangan dan Perindustrian", (
        "Bidang Perdagangan: Seksi Pengelolaan Pasar | Seksi Metrologi Legal",
        "Bidang Perindustrian: Seksi Industri Kecil dan Menengah",
    )),
    _org("BAKESBANGPOL", BADAN, "Badan Kesatuan Bangsa dan Politik", (
        "Bidang Ideologi dan Wawasan Kebangsaan: Subbidang Wawasan Kebangsaan",
        "Bidang Politik Dalam Negeri: Subbidang Fasilitasi Pemilu",
    )),
    _org("DISKOPUKM", DINAS, "Dinas Koperasi dan Usaha Mikro", (
        "Bidang Koperasi: Seksi Kelembagaan Koperasi",
        "Bidang Usaha Mikro: Seksi Pemberdayaan Usaha Mikro",
    )),
    _org("DISPORAPAR", DINAS, "Dinas Kepemudaan, Olahraga dan Pariwisata", (
        "Bidang Pariwisata: Seksi Destinasi Wisata",
        "Bidang Kepemudaan dan Olahraga: Seksi Pembinaan Olahraga",
    )),
)  # fmt: skip

# Only a kabupaten has villages to empower and much farmland.
KABUPATEN_ONLY: tuple[Organisation, ...] = (
    _org("DISTAN", DINAS, "Dinas Pertanian", (
        "Bidang Tanaman Pangan: Seksi Produksi Tanaman Pangan",
        "Bidang Penyuluhan: Seksi Kelembagaan Penyuluhan",
    ), "penyuluh-pertanian", only_in=RegionKind.KABUPATEN),
    _org("DPMD", DINAS, "Dinas Pemberdayaan Masyarakat dan Desa", (
        "Bidang Pemerintahan Desa: Seksi Administrasi Pemerintahan Desa",
        "Bidang Pemberdayaan Masyarakat Desa: Seksi Kelembagaan Masyarakat Desa",
    ), only_in=RegionKind.KABUPATEN),
)  # fmt: skip
