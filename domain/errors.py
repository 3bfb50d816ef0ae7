"""Every error the domain raises: one base, a stable `code` each, a human message.

The GraphQL layer turns these into typed errors (`extensions.code`); anything that is
not a `DomainError` is unexpected and gets masked. A message is an English template with
named placeholders and its values (`EmployeeNotFound(N_("No employee with NIP {nip}."),
nip=nip)`), so the boundary can translate it (services/i18n); the domain never translates.
"""

from __future__ import annotations

from typing import ClassVar

from domain.messages import N_ as N_
from domain.messages import Phrase as Phrase
from domain.messages import Subject as Subject
from domain.messages import cause as cause
from domain.messages import listing as listing
from domain.messages import phrase as phrase
from domain.messages import the as the


class DomainError(Exception):
    """A command was refused; nothing was recorded."""

    code: ClassVar[str] = "DOMAIN_ERROR"

    def __init__(self, message: str, **params: object) -> None:
        text = message.format(**params) if params else message
        super().__init__(text)
        self.message = text
        self.template = message  # the English template, the catalogue's msgid
        self.params = params


# --- input that is malformed ------------------------------------------------------------
class InvalidInput(DomainError):
    code = "INVALID_INPUT"


class InvalidNIP(InvalidInput):
    code = "INVALID_NIP"


class InvalidGolongan(InvalidInput):
    code = "INVALID_GOLONGAN"


class InvalidJabatan(InvalidInput):
    code = "INVALID_JABATAN"


class InvalidLeaveRequest(InvalidInput):
    code = "INVALID_LEAVE_REQUEST"


class InvalidSanction(InvalidInput):
    code = "INVALID_SANCTION"


# --- well-formed input that a rule forbids -----------------------------------------------
class RuleViolation(DomainError):
    code = "RULE_VIOLATION"


class ReasonRequired(RuleViolation):
    code = "REASON_REQUIRED"


class EmployeeNotActive(RuleViolation):
    code = "EMPLOYEE_NOT_ACTIVE"


class PromotionNotAllowed(RuleViolation):
    code = "PROMOTION_NOT_ALLOWED"


class LeaveNotAllowed(RuleViolation):
    code = "LEAVE_NOT_ALLOWED"


class InsufficientLeaveBalance(LeaveNotAllowed):
    code = "INSUFFICIENT_LEAVE_BALANCE"


class NotAllowedForRole(DomainError):
    code = "FORBIDDEN"


# --- lookups and concurrency -------------------------------------------------------------
class NotFound(DomainError):
    code = "NOT_FOUND"


class EmployeeNotFound(NotFound):
    code = "EMPLOYEE_NOT_FOUND"


class UnitNotFound(NotFound):
    code = "UNIT_NOT_FOUND"


class AlreadyExists(DomainError):
    code = "ALREADY_EXISTS"


class NipNotAppointable(AlreadyExists):
    """The NIP is taken by another instansi's employee; which one is not the caller's to know."""

    code = "NIP_NOT_APPOINTABLE"


# --- tenants (instansi) -------------------------------------------------------------------
class TenantAlreadyRegistered(AlreadyExists):
    code = "TENANT_ALREADY_REGISTERED"


class UnknownTenant(DomainError):
    """A command for an instansi that was never registered: nothing is recorded for it."""

    code = "UNKNOWN_TENANT"


class Conflict(DomainError):
    """The aggregate changed since the caller read it (stale expected version)."""

    code = "CONFLICT"


class AwardNotAllowed(RuleViolation):
    code = "AWARD_NOT_ALLOWED"


# --- training ---
class InvalidLearning(InvalidInput):
    code = "INVALID_LEARNING"


class UnknownCompetency(InvalidLearning):
    code = "UNKNOWN_COMPETENCY"


class CompetencyAlreadyExists(AlreadyExists):
    code = "COMPETENCY_ALREADY_EXISTS"


class ProgrammeNotFound(NotFound):
    code = "PROGRAMME_NOT_FOUND"


class MentoringNotFound(NotFound):
    code = "MENTORING_NOT_FOUND"


class LearningRecordNotFound(NotFound):
    code = "LEARNING_RECORD_NOT_FOUND"


class ProgrammeNotOpen(RuleViolation):
    code = "PROGRAMME_NOT_OPEN"


class ParticipantNotEligible(RuleViolation):
    code = "PARTICIPANT_NOT_ELIGIBLE"


class PrerequisitesNotMet(RuleViolation):
    code = "PREREQUISITES_NOT_MET"


class AttendanceInsufficient(RuleViolation):
    code = "ATTENDANCE_INSUFFICIENT"


class MentorNotSenior(RuleViolation):
    code = "MENTOR_NOT_SENIOR"


class MentoringNotActive(RuleViolation):
    code = "MENTORING_NOT_ACTIVE"


class LearningAlreadyDecided(RuleViolation):
    code = "LEARNING_ALREADY_DECIDED"


# --- appraisal cycles ---
class CycleNotFound(NotFound):
    code = "CYCLE_NOT_FOUND"


class AppraisalNotFound(NotFound):
    code = "APPRAISAL_NOT_FOUND"


class AppraisalForbidden(NotAllowedForRole):
    """The caller is not the employee, appraiser or superior this appraisal step needs."""

    code = "APPRAISAL_FORBIDDEN"


class InvalidSkp(InvalidInput):
    code = "INVALID_SKP"


class UnknownRulesVersion(InvalidInput):
    code = "UNKNOWN_RULES_VERSION"


class CycleLocked(RuleViolation):
    code = "CYCLE_LOCKED"


class UnitNotParticipating(RuleViolation):
    code = "UNIT_NOT_PARTICIPATING"


class SkpNotApproved(RuleViolation):
    code = "SKP_NOT_APPROVED"


class FeedbackRateLimited(RuleViolation):
    code = "FEEDBACK_RATE_LIMITED"


class AppraisalsIncomplete(RuleViolation):
    code = "APPRAISALS_INCOMPLETE"


class OrgRatingMissing(RuleViolation):
    code = "ORG_RATING_MISSING"


class DistributionOutOfBand(RuleViolation):
    """Units whose predikat distribution fails their band; `failures` lists each condition."""

    code = "DISTRIBUTION_OUT_OF_BAND"

    def __init__(self, failures: list[dict[str, object]]) -> None:
        super().__init__(
            "The predikat distribution is out of band: "
            + "; ".join(
                f"unit {f['unit_id']} ({f['org_rating']}) needs {f['condition']} but has "
                f"{f['count']} of {f['total']} ({f['percent']}%)"
                for f in failures
            )
            + "."
        )
        self.failures = failures


class ObjectionNotAllowed(RuleViolation):
    code = "OBJECTION_NOT_ALLOWED"


class ObjectionWindowClosed(ObjectionNotAllowed):
    code = "OBJECTION_WINDOW_CLOSED"


class ObjectionAlreadyDecided(ObjectionNotAllowed):
    code = "OBJECTION_DECIDED"
