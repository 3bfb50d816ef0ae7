"""Every error the domain raises: one base, a stable `code` each, a human message.

The GraphQL layer turns these into typed errors (`extensions.code`); anything that is
not a `DomainError` is unexpected and gets masked.
"""

from __future__ import annotations

from typing import ClassVar


class DomainError(Exception):
    """A command was refused; nothing was recorded."""

    code: ClassVar[str] = "DOMAIN_ERROR"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


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
