"""Realistic generated data for Jejak: tenants, unit trees, employees with years of history,
appraisal cycles and training.

`build_plan` decides everything from a seed; `generate` loads a plan through the real
application commands; `load_demo_if_empty` loads the demo size for `jejak serve --demo`.
"""

from scripts.datagen.loader import LoadReport, LogNotEmpty, generate, load, load_demo_if_empty
from scripts.datagen.plan import HISTORY_SOURCES, HistorySource, Plan, build_plan

__all__ = [
    "HISTORY_SOURCES",
    "HistorySource",
    "LoadReport",
    "LogNotEmpty",
    "Plan",
    "build_plan",
    "generate",
    "load",
    "load_demo_if_empty",
]
