"""The roles a verified caller acts in, and the named groups the policy grants to."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """Roles a caller acts in (from the token's roles, mapped by configuration)."""

    HR_OFFICER = "hr_officer"  # BKPSDM / BKD staff of one instansi
    AUDITOR = "auditor"  # Inspektorat, BKN, Ombudsman: read-only, full history
    EMPLOYEE = "employee"  # an ASN using the self-service portal (acts under their NIP)
    SUPERVISOR = "supervisor"  # an atasan: their team's records and nominations
    TRAINING_INSTITUTION = "training_institution"  # a lembaga diklat acting for the tenant
    REPORTING = "reporting"  # a reporting job's service account: aggregates, no private data
    PUBLIC_PORTAL = "public_portal"  # the public portal's service account: masyarakat intake
    ADMIN = "admin"  # platform operator: registers instansi; no tenant data


# Groups the policy (access/policy/) and the services' own checks both use.
WRITERS = frozenset({Role.HR_OFFICER})
AUDITORS = frozenset({Role.AUDITOR})
READERS = WRITERS | AUDITORS  # the whole tenant, private fields included
ASN = frozenset({Role.EMPLOYEE, Role.SUPERVISOR})  # people acting for themselves, by NIP
PROGRAMME_MANAGERS = WRITERS | {Role.TRAINING_INSTITUTION}
NOMINATORS = WRITERS | {Role.SUPERVISOR}
MASYARAKAT_INTAKE = WRITERS | {Role.PUBLIC_PORTAL}  # the public's SKM ratings
PLATFORM = frozenset({Role.ADMIN})
