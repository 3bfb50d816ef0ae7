"""The one authorisation policy: who may call each query and mutation, and who sees what.

Every root field of the schema has an entry in `QUERIES` or `MUTATIONS` (the roles that may
call it), and every field of every object type has a sensitivity, from `TYPES` (the type's
default) and `FIELDS` (exceptions):

| sensitivity | who may select it |
| --- | --- |
| PUBLIC | any role of the tenant: units, programmes, counts and rates |
| PERSONAL | people and staff (not service accounts): names a person (NIP, name, jabatan) |
| PRIVATE | the person, their supervisor chain, HR and auditors only: checked per record |
| GUARDED | private content reached only through a PRIVATE field, which did the check |

A PRIVATE field is where a record's owner is known, so the check runs there, once per record
(`may_see_private`); the types below it (a career entry, a leave record) are GUARDED. The rule
for private data is the brief's: the person, their supervisor chain (the heads of their unit
and of the units above it, and the pejabat penilai and their superior of their appraisals),
HR and auditors of the tenant. A platform admin sees no tenant data. `tests/unit/access`
walks the whole schema and fails on a field or type without an entry here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from access.policy.operations import AGGREGATE, DIRECTORY, MUTATIONS, QUERIES, STAFF, TENANT_ROLES
from access.policy.sensitivity import (
    FIELDS,
    PLATFORM_TYPES,
    PRIVATE_ROOTS,
    TYPES,
    Sensitivity,
)
from access.roles import ASN, AUDITORS, PLATFORM, READERS, Role
from domain.errors import N_, NotAllowedForRole

__all__ = [
    "AGGREGATE", "DIRECTORY", "FIELDS", "MUTATIONS", "PLATFORM_TYPES", "PRIVATE_ROOTS", "QUERIES",
    "SELECTORS", "STAFF", "TENANT_ROLES", "TYPES", "AccessRefused", "Sensitivity", "Subject",
    "Viewer", "access_log_subject", "acts_only_for_team", "is_logged", "may_call",
    "may_see_private", "may_select", "reads_whole_tenant", "sensitivity",
]  # fmt: skip


class AccessRefused(NotAllowedForRole):
    """The policy refuses the caller this field or this person's record."""


# Who may select a sensitivity at all (a PRIVATE one then per record).
SELECTORS: Mapping[Sensitivity, frozenset[Role]] = {
    Sensitivity.PUBLIC: TENANT_ROLES,
    Sensitivity.PERSONAL: STAFF | ASN,
    Sensitivity.PRIVATE: READERS | ASN,
    Sensitivity.GUARDED: READERS | ASN,
}


def sensitivity(type_name: str, field_name: str) -> Sensitivity | None:
    """A field's sensitivity (None: the policy has no entry, which the schema walk refuses)."""
    exact = FIELDS.get(f"{type_name}.{field_name}")
    if exact is not None:
        return exact
    if type_name.endswith(("Payload", "Recorded")):
        return Sensitivity.PUBLIC
    return TYPES.get(type_name)


def may_call(operation: str, root_field: str, role: Role) -> bool:
    """Whether `role` may call the root field (`operation` is "query" or "mutation")."""
    table = MUTATIONS if operation == "mutation" else QUERIES
    return role in table.get(root_field, frozenset())


def may_select(type_name: str, field_name: str, role: Role) -> bool:
    """Whether `role` may select the field at all (a PRIVATE one is then checked per record)."""
    level = sensitivity(type_name, field_name)
    if level is not None and role in PLATFORM:
        return type_name in PLATFORM_TYPES
    return level is not None and role in SELECTORS[level]


@dataclass(frozen=True)
class Viewer:
    """Who reads: role, tenant, own NIP, and the unit paths they head (with what is below)."""

    role: Role
    tenant: str
    nip: str | None
    headed_unit_paths: tuple[str, ...] = ()


@dataclass(frozen=True)
class Subject:
    """Whose private record is read: tenant, NIP, unit path, and the record's other parties."""

    tenant: str
    nip: str
    unit_path: str | None = None
    parties: frozenset[str] = field(default_factory=frozenset)  # appraiser, superior, mentor


def may_see_private(viewer: Viewer, subject: Subject) -> bool:
    """The person, their supervisor chain, HR and auditors of the same tenant; nobody else."""
    if viewer.tenant != subject.tenant:
        return False
    if viewer.role in READERS:
        return True
    if viewer.role not in ASN or viewer.nip is None:
        return False
    if viewer.nip == subject.nip or viewer.nip in subject.parties:
        return True
    path = subject.unit_path
    return path is not None and any(path.startswith(head) for head in viewer.headed_unit_paths)


def acts_only_for_team(role: str) -> bool:
    """A supervisor's commands about a person (a nomination) are for their own team only:
    the people whose private record they may see as their supervisor chain."""
    return role == Role.SUPERVISOR


def reads_whole_tenant(role: str) -> bool:
    """HR and auditors: every record of the tenant, feedback givers and everyone's actions."""
    return role in READERS


def access_log_subject(role: str, own_nip: str | None, wanted: str | None) -> str | None:
    """Whose reads a caller may list: auditors any person's or all (None); a person their own.

    Raises AccessRefused for a person asking about someone else, or without a NIP."""
    if role in AUDITORS:
        return wanted
    if own_nip is None or (wanted is not None and wanted != own_nip):
        raise AccessRefused(N_("The access log of a record is its owner's and the auditors' only."))
    return own_nip


def is_logged(viewer: Viewer, subject: Subject) -> bool:
    """A read of someone else's private record goes into the access log."""
    return viewer.nip != subject.nip
