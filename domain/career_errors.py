"""The career rules' refusals (kenaikan pangkat, BUP, probation, ijazah, awards, jenjang).

Each has a stable `code`; the bases (and the message conventions) are in domain/errors.py.
"""

from __future__ import annotations

from domain.errors import AwardNotAllowed, PromotionNotAllowed, RuleViolation


class PromotionTooEarly(PromotionNotAllowed):
    code = "PROMOTION_TOO_EARLY"


class PromotionOutOfOrder(PromotionNotAllowed):
    code = "PROMOTION_OUT_OF_ORDER"


class PromotionNotOneStep(PromotionNotAllowed):
    code = "PROMOTION_NOT_ONE_STEP"


class PromotionOutsidePeriod(PromotionNotAllowed):
    code = "PROMOTION_OUTSIDE_PERIOD"


class PromotionPredikatInsufficient(PromotionNotAllowed):
    code = "PROMOTION_PREDIKAT_INSUFFICIENT"


class PromotionAboveEducationCeiling(PromotionNotAllowed):
    code = "PROMOTION_ABOVE_EDUCATION_CEILING"


class RetirementBeforeBup(RuleViolation):
    code = "RETIREMENT_BEFORE_BUP"


class ProbationNotComplete(RuleViolation):
    code = "PROBATION_NOT_COMPLETE"


class LatsarNotCompleted(RuleViolation):
    code = "LATSAR_NOT_COMPLETED"


class IjazahNotHigher(RuleViolation):
    code = "IJAZAH_NOT_HIGHER"


class AwardPnsOnly(AwardNotAllowed):
    code = "AWARD_PNS_ONLY"


class AwardBarredBySanction(AwardNotAllowed):
    code = "AWARD_BARRED_BY_SANCTION"


class JenjangGolonganMismatch(RuleViolation):
    code = "JENJANG_GOLONGAN_MISMATCH"
