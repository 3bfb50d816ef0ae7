"""Leave plans: inside the service, never overlapping, no cuti tahunan for guru."""

from __future__ import annotations

from itertools import pairwise

from scripts.datagen.plan import Plan
from scripts.datagen.steps import Appoint, EndEmployment, GrantLeave


def test_leave_never_overlaps_and_falls_in_service(plan: Plan) -> None:
    for employee in (e for t in plan.tenants for e in t.employees):
        appointed, last = employee.steps[0], employee.steps[-1]
        assert isinstance(appointed, Appoint)
        leaves = sorted(
            (s for s in employee.steps if isinstance(s, GrantLeave)), key=lambda s: s.on
        )
        for earlier, later in pairwise(leaves):
            assert earlier.end < later.on
        for leave in leaves:
            assert appointed.on <= leave.on
            if isinstance(last, EndEmployment):
                assert leave.end < last.on


def test_guru_take_no_cuti_tahunan_and_others_do(plan: Plan) -> None:
    by_guru: dict[bool, set[str]] = {True: set(), False: set()}
    for employee in (e for t in plan.tenants for e in t.employees):
        appointed = employee.steps[0]
        assert isinstance(appointed, Appoint)
        guru = appointed.jabatan[1].startswith("Guru")
        by_guru[guru] |= {s.leave_type for s in employee.steps if isinstance(s, GrantLeave)}

    assert "CT" not in by_guru[True]
    assert {"CT", "CS", "CM", "CAP"} <= by_guru[False]
