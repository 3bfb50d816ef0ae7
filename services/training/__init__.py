"""The training service layer; see `services.training.application`."""

from services.training.application import JP_GRANTING_EVENTS, TrainingApplication

__all__ = ["JP_GRANTING_EVENTS", "TrainingApplication"]
