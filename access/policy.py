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
from enum import StrEnum

from access.roles import (
    ASN,
    AUDITORS,
    MASYARAKAT_INTAKE,
    NOMINATORS,
    PLATFORM,
    PROGRAMME_MANAGERS,
    READERS,
    WRITERS,
    Role,
)
from domain.errors import N_, NotAllowedForRole


class AccessRefused(NotAllowedForRole):
    """The policy refuses the caller this field or this person's record."""


class Sensitivity(StrEnum):
    PUBLIC = "public"
    PERSONAL = "personal"
    PRIVATE = "private"
    GUARDED = "guarded"


TENANT_ROLES = frozenset(Role) - PLATFORM  # every role that acts within one tenant
STAFF = READERS | {Role.TRAINING_INSTITUTION}  # the tenant's offices, by role not by person
# Who may select a sensitivity at all (a PRIVATE one then per record).
SELECTORS: Mapping[Sensitivity, frozenset[Role]] = {
    Sensitivity.PUBLIC: TENANT_ROLES,
    Sensitivity.PERSONAL: STAFF | ASN,
    Sensitivity.PRIVATE: READERS | ASN,
    Sensitivity.GUARDED: READERS | ASN,
}
AGGREGATE = TENANT_ROLES - {Role.PUBLIC_PORTAL}  # reports without persons
DIRECTORY = STAFF | ASN  # who may look people up

QUERIES: Mapping[str, frozenset[Role]] = {
    "employee": DIRECTORY,
    "employees": DIRECTORY,
    "unitTree": TENANT_ROLES,
    "employeeEvents": AUDITORS,
    "auditEvents": AUDITORS,  # the whole log of the auditor's tenant
    # The platform's own acts (instansi registered, national policy) of every tenant, and no
    # tenant's data (row-level security: projections/event_log.platform_acts_policy).
    "platformEvents": PLATFORM,
    "appraiserStats": AUDITORS,  # each pejabat penilai's ratings, calibrations, objections
    "appraisalCycles": READERS | ASN | {Role.REPORTING},
    "appraisal": READERS | ASN,
    "appraisalHistory": READERS | ASN,
    "scoreExplanation": READERS | ASN,
    "recomputeCycle": READERS,
    "whatIfScoring": READERS,  # a finalised cycle under a draft policy: ratings, per person
    "appraisalCycleSummary": READERS | {Role.REPORTING},
    "unitAppraisalSummary": READERS | {Role.REPORTING},
    "appraisalActions": READERS | ASN,
    "talentGrid": READERS,
    "trainingProgrammes": AGGREGATE,
    "trainingProgramme": AGGREGATE,
    "trainingYear": READERS | ASN,
    "trainingCompliance": READERS | {Role.SUPERVISOR, Role.TRAINING_INSTITUTION, Role.REPORTING},
    "competencyGaps": READERS | {Role.SUPERVISOR, Role.TRAINING_INSTITUTION, Role.REPORTING},
    "trainingRecommendations": READERS | ASN,
    "competencyCatalogue": AGGREGATE,
    "externalLearningSubmissions": READERS,
    "mentoring": READERS | ASN,
    "tenants": frozenset(Role),
    "accessLog": AUDITORS | ASN,
    "absences": READERS | ASN,
    "proposedSanction": READERS | ASN,
    "unitSatisfaction": TENANT_ROLES,  # public: IKM counts and indices only
    "unitSatisfactions": TENANT_ROLES,
    "policyValues": frozenset(Role),  # published rules: holidays, periods, factors
    "leaveRequests": READERS | ASN,  # one person's: PRIVATE_ROOTS below
    "myLeave": ASN,  # the caller's own, by the NIP of the token
    # The ledger's checkpoint and proofs are hashes and sizes of the whole log, no record's
    # content: every role of a tenant (auditors included) may check them; the platform admin
    # reads no tenant's data, and GET /ledger/checkpoint serves the note without a token.
    "ledgerCheckpoint": TENANT_ROLES,
    "inclusionProof": TENANT_ROLES,
    "consistencyProof": TENANT_ROLES,
    "evidenceBundle": READERS | ASN,  # a person's events as stored: PRIVATE_ROOTS below
    "employeeChanges": READERS | ASN,  # one person's record over time: PRIVATE_ROOTS below
    # What follows a finalised predikat is private: one person's by PRIVATE_ROOTS below; the
    # unit/tenant list and the succession lists (a 9-box by name) for HR and auditors only.
    "tindakLanjut": READERS | ASN,
    "tindakLanjutList": READERS,
    "successionLists": READERS,
    "retiringBy": READERS,  # HR's BUP planning; auditors read what HR reads
}

MUTATIONS: Mapping[str, frozenset[Role]] = {
    **dict.fromkeys(
        (
            "appointEmployee",
            "promoteEmployee",
            "changeJabatan",
            "transferEmployee",
            "confirmCpns",
            "recordIjazah",
            "recordAward",
            "imposeSanction",
            "recordAbsence",
            "correctAbsence",
            "endEmployment",
            "createUnit",
            "grantLeave",
            "openAppraisalCycle",
            "enrolUnits",
            "overrideAppraiser",
            "recordAppraisalMutasi",
            "rateOrganisation",
            "calibrateRating",
            "assessPotential",
            "finaliseAppraisalCycle",
            "addCompetency",
            "setJabatanRequirements",
            "pairMentoring",
            "recogniseExternalLearning",
            "refuseExternalLearning",
        ),
        WRITERS,
    ),
    **dict.fromkeys(
        (
            "draftSkp",
            "approveSkp",
            "recordRealisation",
            "giveFeedback",
            "rateEmployee",
            "fileObjection",
            "decideObjection",
            "applyForProgramme",
        ),
        ASN,
    ),
    "receiveMasyarakatRating": MASYARAKAT_INTAKE,
    "recordSurveyResponses": MASYARAKAT_INTAKE,
    **dict.fromkeys(
        (
            "defineProgramme",
            "acceptParticipant",
            "rejectParticipant",
            "recordAttendance",
            "completeParticipant",
            "finishProgramme",
            "cancelProgramme",
        ),
        PROGRAMME_MANAGERS,
    ),
    "nominateParticipant": NOMINATORS,
    "withdrawParticipant": PROGRAMME_MANAGERS | ASN,
    "logMentoringMeeting": WRITERS | ASN,
    "completeMentoring": WRITERS | ASN,
    "endMentoringEarly": WRITERS | ASN,
    "submitExternalLearning": WRITERS | ASN,
    "registerTenant": PLATFORM,
    "recordPolicyValues": PLATFORM | WRITERS,  # admin: national; HR: its own tenant
    "requestLeave": ASN,  # under the caller's own NIP
    "recommendLeave": frozenset({Role.SUPERVISOR}),  # the atasan, for their own team only
    # HR under the PPK's recorded delegation; the PPK himself (named by user id in the
    # tenant's leave_authority policy) acts in the supervisor role: services/leave_requests.py
    "decideLeave": WRITERS | {Role.SUPERVISOR},
    "nominateForAward": WRITERS,  # HR decides on the derived candidacy, with a reason
}

_P, _N, _S, _G = (
    Sensitivity.PUBLIC,
    Sensitivity.PERSONAL,
    Sensitivity.PRIVATE,
    Sensitivity.GUARDED,
)
# Each object type's default; payload types of mutations (…Payload, …Recorded) are PUBLIC.
TYPES: Mapping[str, Sensitivity] = {
    "Employee": _N,
    "EmployeeConnection": _P,
    "EmployeeEdge": _N,
    "PageInfo": _P,
    "Jabatan": _N,
    "Unit": _P,
    "CareerEntry": _G,
    "LeaveRecord": _G,
    "LeaveBalance": _G,
    "EmployeeEvent": _G,  # auditors only, by the root's roles
    "PlatformEvent": _P,  # the platform admin's root only; no tenant's data reaches it
    "AppraiserStatistics": _G,  # auditors only, by the root's roles
    "PredikatShare": _G,
    "AppraisalCycle": _P,
    "Appraisal": _G,
    "Skp": _G,
    "HasilKerjaRow": _G,
    "PerilakuExpectation": _G,
    "Realisation": _G,
    "Feedback": _G,
    "FeedbackSummary": _G,
    "RatingGiven": _G,
    "PredikatResult": _G,
    "Calibration": _G,
    "Objection": _G,
    "ScoreExplanation": _G,
    "MatrixCell": _G,
    "RecomputeReport": _G,
    "Recomputed": _G,
    "WhatIfReport": _G,  # HR and auditors only, by the root's roles
    "WhatIfUnit": _G,
    "WhatIfDistribution": _G,
    "WhatIfChange": _N,  # its ratings are PRIVATE fields, checked against the employee
    "AppraisalCycleSummary": _P,
    "AppraisalProgress": _P,
    "UnitAppraisalSummary": _P,
    "PredikatCount": _P,
    "BandFailure": _P,
    "AppraisalAction": _N,
    "TalentGridEntry": _G,  # HR and auditors only, by the root's roles
    "TrainingProgramme": _P,
    "Participant": _N,
    "TrainingYear": _G,
    "JPAmount": _G,
    "JPCredit": _G,
    "TrainingCompliance": _P,
    "JPBand": _P,
    "EmployeeJPStatus": _N,
    "CompetencyGap": _P,
    "ProgrammeOffer": _P,
    "TrainingRecommendation": _G,
    "CompetencyCatalogue": _P,
    "Competency": _P,
    "JabatanRequirement": _P,
    "ExternalLearningSubmission": _N,
    "Mentoring": _N,
    "MentoringMeeting": _G,
    "Tenant": _P,
    "PolicyValues": _P,
    "AccessLogEntry": _N,
    "AbsenceYear": _G,  # discipline: only through the PRIVATE roots absences/proposedSanction
    "AbsenceDayRecord": _G,
    "AbsenceSanction": _G,
    "ProposedSanction": _G,
    "UnitSatisfaction": _P,  # aggregate: no respondent, no employee
    "SatisfactionElement": _P,
    "LedgerCheckpoint": _P,  # sizes, hashes and signatures of the whole log
    "InclusionProof": _P,
    "ConsistencyProof": _P,
    "LeaveRequest": _G,  # only through the PRIVATE root leaveRequests or the own myLeave
    "MyLeave": _N,  # its content by PRIVATE fields, checked against the owner (the caller)
    "TimePoint": _P,  # a log position and a date: no record's content
    "EmployeeChanges": _G,  # only through the PRIVATE root employeeChanges
    "EmployeeChange": _G,
    "TindakLanjut": _G,  # through the PRIVATE root tindakLanjut or HR's tindakLanjutList
    "FinalisedPredikat": _G,
    "TppFactor": _G,
    "AwardCandidacy": _G,
    "PromotionPredikatCondition": _G,
    "AngkaKredit": _G,
    "AngkaKreditYear": _G,
    "SuccessionList": _G,  # HR and auditors only, by the root's roles
    "SuccessionCandidate": _G,
    "AwardNomination": _G,
    "RetiringEmployee": _N,  # NIP, name, jabatan; the BUP and TMT pensiun follow from them
}

# Exceptions to a type's default, as "Type.field".
FIELDS: Mapping[str, Sensitivity] = {
    "Employee.careerHistory": _S,
    "WhatIfChange.recorded": _S,  # a what-if's change is that employee's ratings
    "WhatIfChange.draft": _S,
    "WhatIfChange.hasilKerja": _S,
    "WhatIfChange.perilakuKerja": _S,
    "WhatIfChange.matrixCell": _S,
    "WhatIfChange.rule": _S,
    "Employee.leaveRecords": _S,
    "Employee.leaveBalance": _S,
    "Participant.score": _S,
    "Participant.reason": _S,
    "Participant.certificateRef": _S,
    "Participant.programme": _P,
    "Participant.programmeId": _P,
    "CompetencyGap.nips": _N,
    "CompetencyGap.employeesMissing": _P,
    "TrainingCompliance.employeesAtRisk": _N,
    "ExternalLearningSubmission.evidenceRef": _S,
    "ExternalLearningSubmission.decisionReason": _S,
    "Mentoring.goals": _S,
    "Mentoring.meetings": _S,
    "Mentoring.endReason": _S,
    "AppraisalCycleSummary.outstanding": _N,
    "LeaveRequest.reason": _S,  # leave reasons: the person, their chain, HR, auditors
    "LeaveRequest.recommendationReason": _S,
    "LeaveRequest.decisionReason": _S,
    "MyLeave.balance": _S,
    "MyLeave.requests": _S,
}

# Root queries whose answer is one person's private record, named by their `nip` argument.
PRIVATE_ROOTS = frozenset(
    {
        "appraisal",
        "appraisalHistory",
        "scoreExplanation",
        "trainingYear",
        "trainingRecommendations",
        "absences",
        "proposedSanction",
        "evidenceBundle",
        "leaveRequests",
        "employeeChanges",
        "tindakLanjut",
    }
)


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


# The platform's own directory of instansi: all the platform admin may select (no tenant data).
PLATFORM_TYPES = frozenset(
    {
        "Tenant",
        "RegisterTenantPayload",
        "PolicyValues",
        "RecordPolicyValuesPayload",
        "PlatformEvent",  # the platform's own acts only (row-level security)
    }
)


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
