"""SIASN "Kinerja Periodik": a finalised cycle's annual predikat in the body BKN's API takes.

Field names and the shape are those of SIASN's `POST /kinerjaperiodik/save` (BKN API
gateway); the codes and what Jejak puts in each are documented, field by field, with which
are confirmed from a public source and which inferred, in docs/siasn-export.md. Nothing here
calls SIASN: the file is handed to whoever holds the instansi's SIASN credentials.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from typing import Any

from access.roles import READERS
from domain.appraisal import ANNUAL
from domain.errors import N_, CycleNotFound, RuleViolation
from domain.scoring import Predikat, Rating
from graphql_api.exports.sheet import Cell, Export, Params, Reading, Row
from projections.appraisal_cycles import cycle_by_id
from projections.appraisal_records import appraisals_in_cycle
from projections.employees import EmployeeRow, employee_by_nip
from projections.units import units_by_ids

COLUMNS = (
    "id", "pnsDinilaiId", "nipBaru", "tahun", "periodikId",
    "bulanMulaiPenilaian", "tahunMulaiPenilaian", "bulanSelesaiPenilaian", "tahunSelesaiPenilaian",
    "hasilKinerjaNilai", "perilakuKerjaNilai", "kuadranKinerjaNilai", "koefisienId",
    "penilaiNipNrp", "penilaiNama", "penilaiJabatanNama", "penilaiGolongan", "penilaiUnorNama",
    "statusPenilai",
)  # fmt: skip
RATING_CODE: Mapping[str, int] = {Rating.DI_ATAS: 1, Rating.SESUAI: 2, Rating.DI_BAWAH: 3}
KUADRAN_CODE: Mapping[str, int] = {p.value: i for i, p in enumerate(Predikat, start=1)}
_RUANG = "abcde"
_GOLONGAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


def siasn_golongan(golongan: str) -> str:
    """SIASN's golongan id: "III/d" → "34" (golongan digit, ruang a=1 … e=5); PPPK as is."""
    head, _, ruang = golongan.partition("/")
    if head in _GOLONGAN and len(ruang) == 1 and ruang.lower() in _RUANG:
        return f"{_GOLONGAN[head]}{_RUANG.index(ruang.lower()) + 1}"
    return golongan


def kinerja_periodik(
    year: int, record: Mapping[str, Any], penilai: EmployeeRow | None, penilai_unor: str | None
) -> dict[str, Cell]:
    """One employee's annual result as a Kinerja Periodik body (columns: COLUMNS)."""
    result = record["doc"]["predikat"][ANNUAL]
    appraiser = record["appraiser"]
    is_asn = bool(appraiser) and len(appraiser) == 18 and appraiser.isdigit()  # a NIP, else the
    # kepala daerah (a political office, appraising the sekda and top JPT) or nobody set
    body: dict[str, Cell] = {
        "id": None,  # a new riwayat in SIASN
        "pnsDinilaiId": None,  # SIASN's own PNS id: looked up by nipBaru when sending
        "nipBaru": record["nip"],
        "tahun": year,
        "periodikId": None,  # SIASN's reference id of the period kind; not public
        "bulanMulaiPenilaian": 1,
        "tahunMulaiPenilaian": year,
        "bulanSelesaiPenilaian": 12,
        "tahunSelesaiPenilaian": year,
        "hasilKinerjaNilai": RATING_CODE[result["hasil_kerja"]],
        "perilakuKerjaNilai": RATING_CODE[result["perilaku_kerja"]],
        "kuadranKinerjaNilai": KUADRAN_CODE[result["predikat"]],
        "koefisienId": None,  # jabatan fungsional's angka kredit koefisien: not in this export
        "penilaiNipNrp": appraiser if is_asn else None,
        "penilaiNama": penilai.name if penilai else None,
        "penilaiJabatanNama": penilai.jabatan_title if penilai else None,
        "penilaiGolongan": siasn_golongan(penilai.golongan) if penilai else None,
        "penilaiUnorNama": penilai_unor,
        "statusPenilai": "ASN" if is_asn else "NON ASN",
    }
    return body


async def kinerja_rows(reading: Reading, params: Params) -> AsyncIterator[Row]:
    """A FINALISED cycle's employees with an annual predikat, by NIP; refused before that."""
    cycle_id = params.cycle()
    cycle = await cycle_by_id(reading.pool, reading.tenant, cycle_id)
    if cycle is None:
        raise CycleNotFound(
            N_("No appraisal cycle {cycle_id} in {tenant}."),
            cycle_id=cycle_id,
            tenant=reading.tenant,
        )
    if cycle.finalised_on is None:
        raise RuleViolation(
            N_("Cycle {year} is not finalised: SIASN takes final results only."), year=cycle.year
        )
    penilai: dict[str, EmployeeRow | None] = {}
    unor: dict[Any, str | None] = {}
    try:
        for record in await appraisals_in_cycle(reading.pool, cycle.id):
            if not record["annual_predikat"] or ANNUAL not in record["doc"]["predikat"]:
                continue
            if not await reading.guard.may_see(
                record["employee_id"], frozenset(), "Appraisal.predikat", record["nip"]
            ):
                continue
            found = await _penilai(reading, record["appraiser"], penilai, unor)
            place = unor.get(found.unit_id) if found else None
            yield [kinerja_periodik(cycle.year, record, found, place)[c] for c in COLUMNS]
    finally:
        await reading.guard.flush()  # every person's result read goes to the access log


async def _penilai(
    reading: Reading,
    nip: str | None,
    known: dict[str, EmployeeRow | None],
    unor: dict[Any, str | None],
) -> EmployeeRow | None:
    """The appraiser as the roster holds them now (of the caller's tenant), and their unit."""
    if not nip:
        return None
    if nip not in known:
        row = await employee_by_nip(reading.pool, nip)
        known[nip] = row if row is not None and row.tenant == reading.tenant else None
    found = known[nip]
    if found is not None and found.unit_id not in unor:
        [unit] = await units_by_ids(reading.pool, [found.unit_id])
        unor[found.unit_id] = unit.name if unit else None
    return found


SIASN_KINERJA = Export(
    name="siasn-kinerja",
    root="appraisalCycleSummary",  # HR, auditors and reporting: as the cycle's distribution
    fields=("AppraisalCycleSummary.units", "UnitAppraisalSummary.counts", "PredikatCount.predikat"),
    columns=COLUMNS,
    rows=kinerja_rows,
    roles=READERS,  # every person's predikat: HR and auditors only
    formats=("json", "jsonl", "csv"),
)
