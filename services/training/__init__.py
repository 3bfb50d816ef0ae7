"""The training service layer; see `services.training.application`."""

from services.training.application import JP_GRANTING_EVENTS, TrainingApplication
from services.training.base import NOMINATORS, PROGRAMME_MANAGERS

__all__ = ["JP_GRANTING_EVENTS", "NOMINATORS", "PROGRAMME_MANAGERS", "TrainingApplication"]
