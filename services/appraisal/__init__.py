"""The appraisal service layer; see `services.appraisal.application`."""

from access.roles import ASN, READERS
from services.appraisal.application import AppraisalApplication
from services.appraisal.views import CycleRecomputation, EmployeeView

__all__ = ["ASN", "READERS", "AppraisalApplication", "CycleRecomputation", "EmployeeView"]
