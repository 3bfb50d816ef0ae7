"""Who sees a person's private record, and who may call and select what (access/policy/)."""

from __future__ import annotations

import pytest

from access import policy
from access.policy import AccessRefused, Subject, Viewer
from access.roles import Role

TENANT, OTHER = "pemkot-palangkaraya", "pemkab-kemuning"
PERSON = "199001012015031001"
COLLEAGUE = "199001012015031002"
HEAD = "198001012005011001"
SUBJECT = Subject(TENANT, PERSON, "/dinas/bidang/", frozenset({"198501012010011001"}))


def viewer(role: Role, nip: str | None = None, *heads: str, tenant: str = TENANT) -> Viewer:
    return Viewer(role, tenant, nip, tuple(heads))


@pytest.mark.parametrize("role", [Role.HR_OFFICER, Role.AUDITOR])
def test_hr_and_auditors_see_every_private_record_of_their_tenant(role: Role) -> None:
    assert policy.may_see_private(viewer(role), SUBJECT)


@pytest.mark.parametrize("role", [Role.HR_OFFICER, Role.AUDITOR, Role.EMPLOYEE])
def test_nobody_sees_a_private_record_of_another_tenant(role: Role) -> None:
    assert not policy.may_see_private(viewer(role, PERSON, tenant=OTHER), SUBJECT)


def test_a_person_sees_their_own_record() -> None:
    assert policy.may_see_private(viewer(Role.EMPLOYEE, PERSON), SUBJECT)


def test_a_colleague_does_not_see_a_persons_private_record() -> None:
    assert not policy.may_see_private(viewer(Role.EMPLOYEE, COLLEAGUE), SUBJECT)


def test_the_head_of_the_persons_unit_or_a_unit_above_sees_it() -> None:
    assert policy.may_see_private(viewer(Role.SUPERVISOR, HEAD, "/dinas/"), SUBJECT)
    assert policy.may_see_private(viewer(Role.EMPLOYEE, HEAD, "/dinas/bidang/"), SUBJECT)


def test_the_head_of_a_sibling_unit_does_not() -> None:
    assert not policy.may_see_private(viewer(Role.SUPERVISOR, HEAD, "/dinas/lain/"), SUBJECT)


def test_the_appraiser_named_by_the_persons_appraisal_sees_it() -> None:
    assert policy.may_see_private(viewer(Role.EMPLOYEE, "198501012010011001"), SUBJECT)


@pytest.mark.parametrize(
    "role", [Role.ADMIN, Role.REPORTING, Role.PUBLIC_PORTAL, Role.TRAINING_INSTITUTION]
)
def test_service_accounts_institutions_and_the_platform_admin_see_no_private_record(
    role: Role,
) -> None:
    assert not policy.may_see_private(viewer(role, PERSON), SUBJECT)


def test_a_read_of_ones_own_record_is_not_logged_and_anothers_is() -> None:
    assert not policy.is_logged(viewer(Role.EMPLOYEE, PERSON), SUBJECT)
    assert policy.is_logged(viewer(Role.HR_OFFICER, "hr-1"), SUBJECT)


def test_only_hr_may_appoint_and_only_people_may_draft_their_skp() -> None:
    assert policy.may_call("mutation", "appointEmployee", Role.HR_OFFICER)
    assert not policy.may_call("mutation", "appointEmployee", Role.ADMIN)
    assert not policy.may_call("mutation", "appointEmployee", Role.AUDITOR)
    assert policy.may_call("mutation", "draftSkp", Role.EMPLOYEE)
    assert not policy.may_call("mutation", "draftSkp", Role.HR_OFFICER)


def test_the_public_portal_may_only_send_masyarakat_ratings_and_read_aggregates() -> None:
    assert policy.may_call("mutation", "receiveMasyarakatRating", Role.PUBLIC_PORTAL)
    assert not policy.may_call("query", "employee", Role.PUBLIC_PORTAL)
    assert policy.may_call("query", "unitTree", Role.PUBLIC_PORTAL)


def test_a_reporting_job_reads_counts_but_no_field_that_names_a_person() -> None:
    assert policy.may_select("TrainingCompliance", "complianceRate", Role.REPORTING)
    assert not policy.may_select("TrainingCompliance", "employeesAtRisk", Role.REPORTING)
    assert not policy.may_select("Employee", "nip", Role.REPORTING)


def test_a_type_or_root_field_without_an_entry_is_refused_to_everyone() -> None:
    assert not policy.may_select("Salary", "amount", Role.HR_OFFICER)
    assert not policy.may_call("query", "everything", Role.HR_OFFICER)


def test_a_person_lists_only_who_read_their_own_record() -> None:
    assert policy.access_log_subject("employee", PERSON, None) == PERSON
    with pytest.raises(AccessRefused):
        policy.access_log_subject("employee", PERSON, COLLEAGUE)
    with pytest.raises(AccessRefused):
        policy.access_log_subject("reporting", None, None)


def test_an_auditor_lists_the_tenants_reads_or_one_persons() -> None:
    assert policy.access_log_subject("auditor", None, None) is None
    assert policy.access_log_subject("auditor", None, PERSON) == PERSON
