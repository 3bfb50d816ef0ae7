"""The national scoring policy the demo and the generator record (policy kind `scoring`).

The current official values (domain.scoring_policy.NATIONAL_POLICY: the PermenPANRB 6/2022
matrix, the SE MenPANRB 3/2023 bands, the head-of-unit mapping and the small-unit size, each
with its source), recorded by the platform admin on the day the SE was signed and in force
from the 2023 appraisal year, so every generated cycle adopts it when it is opened.
"""

from __future__ import annotations

from datetime import date

from domain.policy import NATIONAL
from domain.scoring_policy import NATIONAL_POLICY, SCORING_KIND
from services.caller import Caller
from services.outcome import Outcome
from services.policy import PolicyApplication

SIGNED_ON = date(2023, 1, 31)  # SE MenPANRB 3/2023
EFFECTIVE_FROM = date(2023, 1, 1)  # the 2023 appraisal year onwards
SOURCE = "PermenPANRB 6/2022; SE MenPANRB 3/2023 (sumber per bagian: lihat values.sources)"
SCORING_EVENTS = 2  # the register's opening and the one version


def record_scoring_policy(policy: PolicyApplication, admin: Caller) -> Outcome:
    """Record the national scoring policy as the platform admin."""
    return policy.record_values(
        admin,
        kind=SCORING_KIND,
        scope=NATIONAL,
        label=NATIONAL_POLICY.label,
        effective_from=EFFECTIVE_FROM,
        values=NATIONAL_POLICY.values(),
        source=SOURCE,
        reason="Kebijakan penilaian kinerja nasional (matriks, kurva distribusi, pimpinan unit)",
    )
