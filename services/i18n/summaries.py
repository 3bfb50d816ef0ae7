"""One English sentence per error code: what a client reads in its language when the error's
own message has no translation yet (an f-string message, or one added since the catalogue).

Every code a client can meet has one; tests/unit/i18n/test_catalogue.py checks that each
DomainError's code is here and that each sentence is translated.
"""

from __future__ import annotations

from collections.abc import Mapping

from domain.errors import N_

SUMMARIES: Mapping[str, str] = {
    # input that is malformed
    "DOMAIN_ERROR": N_("The request was refused; nothing was recorded."),
    "INVALID_INPUT": N_("The input is not valid."),
    "INVALID_NIP": N_("The NIP is not valid."),
    "INVALID_GOLONGAN": N_("The golongan is not valid."),
    "INVALID_JABATAN": N_("The jabatan is not valid."),
    "INVALID_LEAVE_REQUEST": N_("The leave request is not valid."),
    "INVALID_SANCTION": N_("The disciplinary sanction is not valid."),
    "INVALID_DATE": N_("The date is not valid."),
    "INVALID_EMPLOYMENT_TYPE": N_("The employment type is not valid."),
    "INVALID_LEARNING": N_("The learning record is not valid."),
    "INVALID_SKP": N_("The SKP is not valid."),
    "INVALID_POLICY_VALUES": N_("The policy values are not valid."),
    "UNKNOWN_COMPETENCY": N_("The competency is not in the catalogue."),
    "UNKNOWN_RULES_VERSION": N_("The scoring rules version is unknown."),
    "UNKNOWN_POLICY_KIND": N_("The kind of policy is unknown."),
    "BIRTH_DATE_MISMATCH": N_("The birth date does not match the NIP."),
    "DUPLICATE_COLUMN": N_("A column appears more than once."),
    "MISSING_COLUMN": N_("A required column is missing."),
    "MISSING_VALUE": N_("A required value is missing."),
    "INVALID_FILE": N_("The import file cannot be read."),
    "DUPLICATE_IN_FILE": N_("The row repeats a NIP given earlier in the file."),
    "UNIT_AMBIGUOUS": N_("Several units bear that name; give the unit's code or id."),
    "IMPORT_CONFLICT": N_("The NIP is already recorded with other data than the row's."),
    # rules
    "RULE_VIOLATION": N_("The rules do not allow this."),
    "REASON_REQUIRED": N_("A reason is required."),
    "EMPLOYEE_NOT_ACTIVE": N_("The employee is not active."),
    "PROMOTION_NOT_ALLOWED": N_("The promotion is not allowed."),
    "PROMOTION_ABOVE_EDUCATION_CEILING": N_(
        "The promotion goes above the ceiling of the employee's education."
    ),
    "PROMOTION_NOT_ONE_STEP": N_("A promotion goes up one golongan step at a time."),
    "PROMOTION_OUTSIDE_PERIOD": N_("The promotion is outside a promotion period."),
    "PROMOTION_OUT_OF_ORDER": N_("The promotion is out of order."),
    "PROMOTION_PREDIKAT_INSUFFICIENT": N_(
        "The employee's SKP predikat is not enough for a promotion."
    ),
    "PROMOTION_TOO_EARLY": N_("The employee has not yet served long enough for a promotion."),
    "JENJANG_GOLONGAN_MISMATCH": N_("The jenjang does not fit the golongan."),
    "IJAZAH_NOT_HIGHER": N_("The ijazah is not higher than the one on record."),
    "LATSAR_NOT_COMPLETED": N_("The CPNS has not completed Latsar."),
    "PROBATION_NOT_COMPLETE": N_("The probation period is not complete."),
    "RETIREMENT_BEFORE_BUP": N_("The retirement date is before the retirement age (BUP)."),
    "LEAVE_NOT_ALLOWED": N_("The leave is not allowed."),
    "INSUFFICIENT_LEAVE_BALANCE": N_("The annual leave balance is not enough."),
    "LEAVE_CAP_EXCEEDED": N_("The leave exceeds the longest period allowed for its kind."),
    "AWARD_NOT_ALLOWED": N_("The award is not allowed."),
    "AWARD_BARRED_BY_SANCTION": N_("A disciplinary sanction bars the award."),
    "AWARD_PNS_ONLY": N_("The award is for PNS only."),
    "AWARD_NOMINATION_NOT_DUE": N_("The award nomination is not due on the predikat."),
    "PROGRAMME_NOT_OPEN": N_("The training programme is not open."),
    "PARTICIPANT_NOT_ELIGIBLE": N_("The participant is not eligible."),
    "PREREQUISITES_NOT_MET": N_("The prerequisites are not met."),
    "ATTENDANCE_INSUFFICIENT": N_("The attendance is not enough."),
    "MENTOR_NOT_SENIOR": N_("The mentor must be more senior than the mentee."),
    "MENTORING_NOT_ACTIVE": N_("The mentoring is not active."),
    "LEARNING_ALREADY_DECIDED": N_("The learning record has already been decided."),
    "CYCLE_LOCKED": N_("The appraisal cycle is locked."),
    "UNIT_NOT_PARTICIPATING": N_("The unit does not take part in the appraisal cycle."),
    "SKP_NOT_APPROVED": N_("The SKP has not been approved."),
    "FEEDBACK_RATE_LIMITED": N_("Too much feedback has been given; try again later."),
    "APPRAISALS_INCOMPLETE": N_("Not every appraisal is complete."),
    "ORG_RATING_MISSING": N_("The unit's organisational rating is missing."),
    "DISTRIBUTION_OUT_OF_BAND": N_("The predikat distribution is out of band."),
    "HEAD_RATING_MISMATCH": N_("A unit head's hasil kerja departs from the unit's rating."),
    "ANNUAL_BEFORE_PERIOD_END": N_("The annual rating is given only after the year ends."),
    "OBJECTION_NOT_ALLOWED": N_("The objection is not allowed."),
    "OBJECTION_WINDOW_CLOSED": N_("The period for an objection has ended."),
    "OBJECTION_DECIDED": N_("The objection has already been decided."),
    # the ledger's documents
    "LEDGER_ERROR": N_("The ledger document is malformed or does not verify."),
    "MALFORMED_NOTE": N_("The signed note is malformed."),
    "INVALID_LEDGER_KEY": N_("The ledger key is not valid."),
    "BAD_SIGNATURE": N_("A signature does not verify."),
    "UNVERIFIED_NOTE": N_("No trusted key has signed the note."),
    "BUNDLE_REJECTED": N_("The evidence bundle does not verify."),
    # who may do it
    "FORBIDDEN": N_("You are not allowed to do this."),
    "APPRAISAL_FORBIDDEN": N_("You are not a party to this appraisal step."),
    "UNAUTHENTICATED": N_("Authentication is required."),
    # lookups, conflicts, tenants
    "NOT_FOUND": N_("Not found."),
    "EMPLOYEE_NOT_FOUND": N_("The employee was not found."),
    "UNIT_NOT_FOUND": N_("The unit was not found."),
    "PROGRAMME_NOT_FOUND": N_("The training programme was not found."),
    "MENTORING_NOT_FOUND": N_("The mentoring was not found."),
    "LEARNING_RECORD_NOT_FOUND": N_("The learning record was not found."),
    "CYCLE_NOT_FOUND": N_("The appraisal cycle was not found."),
    "APPRAISAL_NOT_FOUND": N_("The appraisal was not found."),
    "POLICY_NOT_FOUND": N_("The policy was not found."),
    "ALREADY_EXISTS": N_("It already exists."),
    "NIP_NOT_APPOINTABLE": N_("This NIP cannot be appointed."),
    "TENANT_ALREADY_REGISTERED": N_("The instansi is already registered."),
    "COMPETENCY_ALREADY_EXISTS": N_("The competency already exists."),
    "UNKNOWN_TENANT": N_("The instansi is not registered."),
    "CONFLICT": N_("The record changed in the meantime; read it again and retry."),
    # the request itself
    "BAD_REQUEST": N_("The request is not valid."),
    "INVALID_ARGUMENT": N_("An argument is not valid."),
    "PAGE_TOO_LARGE": N_("The page asked for is too large."),
    "READ_MODEL_LAG": N_("The read models have not caught up yet; try again shortly."),
    "READ_MODEL_DEGRADED": N_("A read model is held back; the operator has been told."),
    "QUERY_TOO_COMPLEX": N_("The query is too complex."),
    "REQUEST_TOO_LARGE": N_("The request is too large."),
    "REQUEST_TIMEOUT": N_("The request took too long."),
    "METHOD_NOT_ALLOWED": N_("This HTTP method is not allowed."),
    "PERSISTED_DOCUMENT_NOT_FOUND": N_("The persisted document is not registered."),
    "PERSISTED_DOCUMENT_REQUIRED": N_("Only registered documents may run here."),
    "UNSUPPORTED_MEDIA_TYPE": N_("This content type is not supported."),
    "INTERNAL_ERROR": N_("Unexpected error"),
}

#: Wraps a summary and the untranslated English message, so no detail is lost.
WITH_ENGLISH_DETAIL = N_("{summary} (in English: {detail})")
