"""Appraisal cycles (PermenPANRB 6/2022) over GraphQL: commands, read models, explanations."""
