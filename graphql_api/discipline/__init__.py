"""Absence and discipline: days absent without a valid reason and the hukuman they propose."""
