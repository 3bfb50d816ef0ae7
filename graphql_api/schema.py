"""The one place the GraphQL schema is assembled: every feature's queries and mutations."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionContext, ExecutionResult
from strawberry.types.base import StrawberryObjectDefinition
from strawberry.types.graphql import OperationType

from graphql_api.access_log.queries import AccessLogQueries
from graphql_api.appraisal.mutations import AppraisalMutations
from graphql_api.appraisal.mutations_assessment import AssessmentMutations
from graphql_api.appraisal.queries import AppraisalQueries
from graphql_api.audit.queries import AuditQueries
from graphql_api.consistency import (
    DEFAULT_WAIT_MS,
    MAX_WAIT_MS,
    MIN_POSITION_HEADER,
    WAIT_TIMEOUT_HEADER,
    WaitForReadModels,
)
from graphql_api.discipline.mutations import DisciplineMutations
from graphql_api.discipline.queries import DisciplineQueries
from graphql_api.documents import BoundedDocuments, DocumentCaches, requested_operation
from graphql_api.eager_resolvers import make_resolvers_eager
from graphql_api.employees.mutations import EmployeeMutations
from graphql_api.employees.queries import EmployeeQueries
from graphql_api.enum_values import VALUE_DESCRIPTIONS, describe_values
from graphql_api.errors import log_unexpected, shape_error
from graphql_api.guard import PolicyCheck, apply_private_guards
from graphql_api.leaf_fields import index_leaves, leaf_execution
from graphql_api.leave.mutations import LeaveMutations
from graphql_api.leave.requests import LeaveRequestMutations, LeaveRequestQueries
from graphql_api.ledger.queries import LedgerQueries
from graphql_api.limits import Limits
from graphql_api.observed import ObservedOperation
from graphql_api.planned_documents import PlannedDocuments
from graphql_api.policy.mutations import PolicyMutations
from graphql_api.policy.queries import PolicyQueries
from graphql_api.policy_walks import PolicyWalks
from graphql_api.retirement.queries import RetirementQueries
from graphql_api.satisfaction.mutations import SatisfactionMutations
from graphql_api.satisfaction.queries import SatisfactionQueries
from graphql_api.tenants.mutations import TenantMutations
from graphql_api.tenants.queries import TenantQueries
from graphql_api.time_travel.queries import TimeTravelQueries
from graphql_api.tindak_lanjut.mutations import TindakLanjutMutations
from graphql_api.tindak_lanjut.queries import TindakLanjutQueries
from graphql_api.training.mutations import TrainingMutations
from graphql_api.training.queries import TrainingQueries
from graphql_api.units.mutations import UnitMutations
from graphql_api.units.queries import UnitQueries

QUERY_DESCRIPTION = f"""Read models of the caller's tenant, for portals and oversight.

Read models follow the event log a moment behind it. To read your own write, send the
`position` a mutation returned as the HTTP header `{MIN_POSITION_HEADER}: <int>`: the query
waits until the read models reach it, at most `{WAIT_TIMEOUT_HEADER}` milliseconds (default
{DEFAULT_WAIT_MS}, at most {MAX_WAIT_MS}), then fails with code READ_MODEL_LAG and the
position reached. Callers send an OpenID Connect bearer token (`Authorization: Bearer <jwt>`);
a token granting several roles picks one with `X-Jejak-Act-As: <role>`."""

MUTATION_DESCRIPTION = """Commands of an HR officer (or admin) of a tenant.

Each records events through the PersonnelApplication and returns the log `position` of its
last event. A refused command records nothing and fails with the rule's `extensions.code`
(INVALID_NIP, REASON_REQUIRED, CONFLICT, FORBIDDEN, EMPLOYEE_NOT_FOUND, …)."""


@strawberry.type(description=QUERY_DESCRIPTION)
class Query(
    EmployeeQueries,
    UnitQueries,
    AuditQueries,
    AccessLogQueries,
    AppraisalQueries,
    TrainingQueries,
    TenantQueries,
    DisciplineQueries,
    SatisfactionQueries,
    PolicyQueries,
    LeaveRequestQueries,
    LedgerQueries,
    TimeTravelQueries,
    TindakLanjutQueries,
    RetirementQueries,
):
    pass


@strawberry.type(description=MUTATION_DESCRIPTION)
class Mutation(
    EmployeeMutations,
    UnitMutations,
    LeaveMutations,
    LeaveRequestMutations,
    AppraisalMutations,
    AssessmentMutations,
    TrainingMutations,
    TenantMutations,
    DisciplineMutations,
    SatisfactionMutations,
    PolicyMutations,
    TindakLanjutMutations,
):
    pass


class JejakSchema(strawberry.Schema):
    """Gives every error its `extensions.code` and logs the unexpected ones.

    Errors are shaped after `execute` rather than in an extension, because strawberry returns
    errors raised in parsing or in an extension hook without passing them to extensions.
    `limits` are the request limits its documents are parsed and validated within.
    """

    limits: Limits
    fast_reads: bool  # leaf_fields.py, eager_resolvers.py and policy_walks.py are on
    walks: PolicyWalks | None  # each sent document's policy walk, made once (if fast_reads)

    async def execute(
        self,
        query: str | None,
        variable_values: dict[str, Any] | None = None,
        context_value: Any | None = None,
        root_value: Any | None = None,
        operation_name: str | None = None,
        allowed_operation_types: Iterable[OperationType] | None = None,
        operation_extensions: dict[str, Any] | None = None,
    ) -> ExecutionResult:
        requested = requested_operation.set(operation_name)
        try:
            result = await super().execute(
                query,
                variable_values,
                context_value,
                root_value,
                operation_name,
                allowed_operation_types,
                operation_extensions,
            )
        finally:
            requested_operation.reset(requested)
        if result.errors:
            result.errors = [shape_error(error) for error in result.errors]
        return result

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        log_unexpected(errors)


def build_schema(limits: Limits | None = None, *, fast_reads: bool = True) -> JejakSchema:
    """The Jejak schema with its extensions, its documents bounded by `limits` (default: as
    the environment sets them; graphql_api/limits.py) and cached within them.

    The policy's PRIVATE fields get their guard first (graphql_api/guard.py): the types are
    found by converting the schema once, and converted again with the guards in place.
    With `fast_reads` (the default; off only to measure against), attribute leaves skip the
    executor's per-field machinery (graphql_api/leaf_fields.py), async resolvers that wait
    for nothing answer at once (graphql_api/eager_resolvers.py) and each document's policy
    walk is made once per role (graphql_api/policy_walks.py).
    """
    limits = Limits.from_env() if limits is None else limits
    caches = DocumentCaches(limits)
    extensions: list[type[SchemaExtension] | Callable[[], SchemaExtension]] = [
        ObservedOperation,  # first: it sees what every other extension raised
        PlannedDocuments,  # before BoundedDocuments: a registered document comes parsed
        lambda: BoundedDocuments(caches),
        PolicyCheck,
        WaitForReadModels,
    ]
    describe_values(VALUE_DESCRIPTIONS)  # the domain's enums carry no GraphQL descriptions
    found = strawberry.Schema(query=Query, mutation=Mutation)
    apply_private_guards(
        concrete.definition
        for concrete in found.schema_converter.type_map.values()
        if isinstance(concrete.definition, StrawberryObjectDefinition)
    )
    execution = leaf_execution() if fast_reads else None
    built = JejakSchema(
        query=Query, mutation=Mutation, extensions=extensions, execution_context_class=execution
    )
    if execution is not None:
        index_leaves(execution, built._schema)
        make_resolvers_eager(built._schema)
    built.limits = limits
    built.fast_reads = fast_reads
    built.walks = PolicyWalks(caches) if fast_reads else None
    return built


schema = build_schema()
