"""Who may call each root field: the role tables of the one policy (`access.policy`)."""

from __future__ import annotations

from collections.abc import Mapping

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

TENANT_ROLES = frozenset(Role) - PLATFORM  # every role that acts within one tenant
STAFF = READERS | {Role.TRAINING_INSTITUTION}  # the tenant's offices, by role not by person
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
