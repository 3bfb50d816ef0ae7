"""Each export names real schema fields, so its authorisation is the query's, not a guess."""

from __future__ import annotations

from access.roles import Role
from graphql_api.exports.catalogue import EXPORTS
from graphql_api.guard import schema_field_names
from graphql_api.schema import schema


def test_every_field_an_export_reads_is_a_field_of_the_schema() -> None:
    fields = schema_field_names(schema._schema)
    for export in EXPORTS.values():
        assert export.root in fields["Query"], export.name
        for name in export.fields:
            type_name, field_name = name.split(".")
            assert field_name in fields[type_name], f"{export.name}: {name}"


def test_leave_balances_are_for_hr_and_auditors_only() -> None:
    allowed = {role for role in Role if not EXPORTS["leave-balances"].refused(role)}
    assert allowed == {Role.HR_OFFICER, Role.AUDITOR}


def test_the_reporting_account_gets_aggregates_but_no_names() -> None:
    allowed = {name for name, e in EXPORTS.items() if not e.refused(Role.REPORTING)}
    assert allowed == {"predikat-distribution", "appraisal-progress", "competency-gaps"}
