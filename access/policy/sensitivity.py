"""How sensitive each field is: the type and field tables of the one policy (`access.policy`)."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum


class Sensitivity(StrEnum):
    PUBLIC = "public"
    PERSONAL = "personal"
    PRIVATE = "private"
    GUARDED = "guarded"


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
