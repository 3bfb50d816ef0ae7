"""The kenaikan pangkat periods come from the policy register once it holds any; the seeded
official values only answer for a log that has none."""

from __future__ import annotations

from datetime import date

import pytest

from domain.aggregates.policy_register import PolicyRegister
from domain.career_errors import (
    PromotionOutsidePeriod,
)
from domain.meta import EventMeta
from domain.policy import NATIONAL
from domain.promotion_periods import PROMOTION_PERIODS_KIND
from services.caller import Caller
from services.personnel import Outcome, PersonnelApplication
from tests.unit.services.conftest import PNS_NIP

SOURCE = "Peraturan contoh: hanya 1 Juli"


def record_periods(app: PersonnelApplication, months: list[int]) -> None:
    """The platform admin's register of national periods, with one version from 1900."""
    meta = EventMeta("admin-1", "admin", NATIONAL, "req-1")
    at = app.clock()
    register = PolicyRegister.open(kind=PROMOTION_PERIODS_KIND, scope=NATIONAL, at=at, meta=meta)
    register.record_values(
        label="Periode uji",
        effective_from=date(1900, 1, 1),
        values={"months": months},
        source=SOURCE,
        at=at,
        meta=meta,
    )
    app.save(register)


def test_a_recorded_version_replaces_the_seeded_periods(
    app: PersonnelApplication, hr: Caller, employee: Outcome
) -> None:
    # given: the register says July only (the seeded Peraturan BKN 4/2023 says even months)
    record_periods(app, [7])
    # when / then: 1 June, a seeded period, is refused, naming the recorded source
    with pytest.raises(PromotionOutsidePeriod, match="hanya 1 Juli"):
        app.promote(hr, nip=PNS_NIP, to_golongan="III/b", effective_on=date(2025, 6, 1))
    # and 1 July, no seeded period, is accepted
    app.promote(hr, nip=PNS_NIP, to_golongan="III/b", effective_on=date(2025, 7, 1))
    assert app.get_employee(PNS_NIP).golongan == "III/b"


def test_a_log_with_no_recorded_periods_uses_the_seeded_ones(
    app: PersonnelApplication, hr: Caller, employee: Outcome
) -> None:
    # when / then: July is no period under Peraturan BKN 4/2023
    with pytest.raises(PromotionOutsidePeriod, match="Peraturan BKN 4/2023"):
        app.promote(hr, nip=PNS_NIP, to_golongan="III/b", effective_on=date(2025, 7, 1))
