"""PolicyRegister: the versions of one kind of policy data for one scope (national or a tenant).

How a rule adds its kind (promotion_periods, scoring, tpp_factors, …):
 1. In its own rule module in domain/, write `validate(values: Mapping[str, Any]) -> dict`
    that returns the normalised JSON values or raises `InvalidPolicyValues` (domain/policy.py),
    and declare `KIND = PolicyKind("promotion_periods", validate, tenant_may_set=…)`.
 2. Add that KIND to the tuple in domain/policy_kinds.py (one line): unknown kinds are refused.
 3. Read the values in force from a service with `services.policy.policy_in_force(repository,
    kind, scope, on)` (write side) or from projections.policy_values (read side), and hand the
    `values` to the pure rule; never read a constant a decree can change.
 4. Seed the current official values with their source through `PolicyApplication.record_values`
    (scripts/datagen/policies.py shows the holidays), and add a unit test of the validator.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any
from uuid import UUID, uuid5

from domain.aggregates.base import JejakAggregate
from domain.errors import N_
from domain.meta import EventMeta
from domain.policy import (
    PolicyVersion,
    check_scope,
    in_force,
    json_values,
)
from domain.policy_kinds import policy_kind
from domain.text import LINE, NAME, clean_text

POLICY_NAMESPACE = UUID("3b9e6f2a-8c41-4d57-a0e3-5f6d7c8b9a12")


class PolicyRegister(JejakAggregate):
    """Every version of one kind's values for one scope, in the order they were recorded."""

    class Opened(JejakAggregate.Created):
        kind: str
        scope: str

    class PolicyValuesRecorded(JejakAggregate.Event):
        kind: str
        scope: str
        label: str
        effective_from: date
        values: dict[str, Any]
        source: str

        def apply(self, aggregate: PolicyRegister) -> None:
            aggregate.versions.append(
                PolicyVersion(
                    kind=self.kind,
                    scope=self.scope,
                    label=self.label,
                    effective_from=self.effective_from,
                    values=self.values,
                    source=self.source,
                    recorded_at=self.timestamp,
                    sequence=len(aggregate.versions),
                )
            )

    def __init__(self, kind: str, scope: str, meta: EventMeta) -> None:
        self.kind = kind
        self.scope = scope
        self.versions: list[PolicyVersion] = []

    @staticmethod
    def id_for(scope: str, kind: str) -> UUID:
        """The register's id: one register per (scope, kind)."""
        return uuid5(POLICY_NAMESPACE, f"{scope}/{kind}")

    @classmethod
    def open(cls, *, kind: str, scope: str, at: datetime, meta: EventMeta) -> PolicyRegister:
        """Open the register of a known kind for a scope (`national` or a tenant code)."""
        kind, scope = policy_kind(kind).name, check_scope(scope)
        register: PolicyRegister = cls.start(
            cls.Opened, cls.id_for(scope, kind), at, meta, kind=kind, scope=scope
        )
        return register

    def record_values(
        self,
        *,
        label: str,
        effective_from: date,
        values: Mapping[str, Any],
        source: str,
        at: datetime,
        meta: EventMeta,
    ) -> None:
        """Record a version of the values, checked by its kind's validator, with its source."""
        checked = policy_kind(self.kind).validate(json_values(values))
        self.record(
            self.PolicyValuesRecorded,
            at,
            meta,
            kind=self.kind,
            scope=self.scope,
            label=clean_text(label, N_("A policy label"), NAME),
            effective_from=effective_from,
            values=checked,
            source=clean_text(source, N_("A policy source"), LINE),
        )

    def values_on(self, on: date) -> PolicyVersion | None:
        """The version in force on `on`, or None before the first one."""
        return in_force(self.versions, on)
