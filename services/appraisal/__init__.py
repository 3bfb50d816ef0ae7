"""The appraisal service layer; see `services.appraisal.application`."""

from services.appraisal.application import AppraisalApplication
from services.appraisal.base import ASN, READERS
from services.appraisal.views import CycleRecomputation, EmployeeView

__all__ = ["ASN", "READERS", "AppraisalApplication", "CycleRecomputation", "EmployeeView"]
