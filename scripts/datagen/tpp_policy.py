"""An EXAMPLE TPP factor table the demo tenants record (policy kind `tpp_factors`).

Not any pemda's official value: each region's Perkada (Peraturan Bupati / Wali Kota on TPP
ASN) sets its own, and no generated region has a published one checked here. The example
(domain.tindak_lanjut_tpp.EXAMPLE_FACTORS) says so in its source, so the demo shows the
incentive that follows a predikat without passing it off as a real table. Each tenant's HR
officer records it once, on the day the tenant's first unit is founded.
"""

from __future__ import annotations

from domain.tindak_lanjut_tpp import (
    EXAMPLE_EFFECTIVE_FROM,
    EXAMPLE_FACTORS,
    EXAMPLE_SOURCE,
    TPP_FACTORS_KIND,
)
from services.caller import Caller
from services.outcome import Outcome
from services.policy import PolicyApplication

TPP_EVENTS_PER_TENANT = 2  # the tenant's register opening and the one version


def record_tpp_example(policy: PolicyApplication, hr: Caller) -> Outcome:
    """Record the example TPP factors for the HR officer's own tenant."""
    return policy.record_values(
        hr,
        kind=TPP_FACTORS_KIND,
        scope=hr.tenant,
        label="Contoh TPP (bukan nilai resmi)",
        effective_from=EXAMPLE_EFFECTIVE_FROM,
        values={"factors": EXAMPLE_FACTORS},
        source=EXAMPLE_SOURCE,
        reason="Contoh faktor TPP per predikat untuk demo; bukan Perkada yang berlaku",
    )
