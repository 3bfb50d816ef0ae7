"""The TPP (tambahan penghasilan pegawai) or tunjangan kinerja factor by predikat: policy data.

PP 30/2019 Pasal 49 and 52 tie the tunjangan kinerja to the result of the penilaian kinerja,
and Permendagri 77/2020 (Pedoman Teknis Pengelolaan Keuangan Daerah, on TPP ASN) leaves how much
of the TPP a predikat earns to each pemda's Perkada (Peraturan Bupati / Peraturan Wali Kota).
So the factor is policy data of kind `tpp_factors`, recorded per tenant by its HR officer with
its Perkada/Perbup as the source: {"factors": {"SANGAT_BAIK": 100, "BAIK": 100, ...}}, a
percentage of the TPP per predikat (0–200, every predikat named). There is no national value:
a tenant without its own version has no factor, and the API says so instead of guessing.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from domain.errors import N_
from domain.policy import InvalidPolicyValues, PolicyKind
from domain.scoring import Predikat

TPP_FACTORS_KIND = "tpp_factors"
MAX_FACTOR_PERCENT = 200

# An EXAMPLE for the demo tenants, not any pemda's official value: the shape of a Perkada
# table, with round numbers. Each region records its own from its Perkada.
EXAMPLE_FACTORS: dict[str, int] = {
    Predikat.SANGAT_BAIK.value: 110,
    Predikat.BAIK.value: 100,
    Predikat.BUTUH_PERBAIKAN.value: 80,
    Predikat.KURANG.value: 60,
    Predikat.SANGAT_KURANG.value: 40,
}
EXAMPLE_SOURCE = (
    "CONTOH / EXAMPLE for the demo, not an official value: the form of a Peraturan "
    "Bupati/Wali Kota on TPP ASN (Permendagri 77/2020); record the region's own Perkada"
)
EXAMPLE_EFFECTIVE_FROM = date(2020, 1, 1)


def validate_tpp_factors(values: Mapping[str, Any]) -> dict[str, Any]:
    """Policy values of kind `tpp_factors`: {"factors": {predikat: percent 0–200}}, all five."""
    factors = values.get("factors")
    if not isinstance(factors, Mapping):
        raise InvalidPolicyValues(N_('TPP factors need "factors": a percentage per predikat.'))
    known = {p.value for p in Predikat}
    if set(factors) != known:
        raise InvalidPolicyValues(
            N_("TPP factors name every predikat exactly once: {known}."),
            known=", ".join(sorted(known)),
        )
    cleaned: dict[str, int | float] = {}
    for predikat, percent in factors.items():
        if isinstance(percent, bool) or not isinstance(percent, int | float):
            raise InvalidPolicyValues(
                N_("The TPP factor of {predikat} must be a number."), predikat=predikat
            )
        if not 0 <= percent <= MAX_FACTOR_PERCENT:
            raise InvalidPolicyValues(
                N_("The TPP factor of {predikat} is a percentage 0 to {most}."),
                predikat=predikat,
                most=MAX_FACTOR_PERCENT,
            )
        cleaned[predikat] = percent
    return {"factors": cleaned}


TPP_FACTORS = PolicyKind(
    TPP_FACTORS_KIND,
    validate_tpp_factors,
    tenant_may_set=True,
    description="TPP/tunjangan kinerja percentage per predikat, from the pemda's Perkada.",
)


def tpp_factor(predikat: Predikat, values: Mapping[str, Any]) -> Decimal:
    """PP 30/2019 Pasal 49: the TPP percentage a predikat earns under the Perkada in force."""
    return Decimal(str(validate_tpp_factors(values)["factors"][predikat.value]))
