"""The request's side of the policy (access/policy/): the checks, the facts, the access log.

Two checks, both from the one policy:
- before execution, `PolicyCheck` walks the document: every root field must be one the
  caller's role may call, and every selected field one the role may select at all;
- while resolving, every PRIVATE field (and every root that answers one person's private
  record) asks `AccessGuard.may_see` for the record's owner; a refusal is the field's error
  (code FORBIDDEN) and a null, never the data. An allowed read of someone else's record is
  noted and written to the access log when the request ends.
`apply_private_guards` puts `PrivateField` on exactly the fields the policy names, when the
schema is assembled, so no resolver carries a role list or can forget the check.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol
from uuid import UUID

from graphql import (
    DocumentNode,
    FieldNode,
    GraphQLObjectType,
    GraphQLSchema,
    TypeInfo,
    TypeInfoVisitor,
    Visitor,
    visit,
)
from strawberry.dataloader import DataLoader
from strawberry.extensions import FieldExtension, SchemaExtension
from strawberry.types.base import StrawberryObjectDefinition
from strawberry.types.field import StrawberryField

from access import access_log, policy
from access.policy import Sensitivity, Subject, Viewer
from access.roles import ASN, Role
from domain.aggregates.employee import Employee
from domain.errors import N_
from graphql_api.planned_documents import planned_walk
from projections.access_facts import OwnerFacts, headed_unit_paths, owners
from services.caller import Caller
from services.personnel import normalize_nip


class RecordOwner(Protocol):
    """A GraphQL object holding one person's record: whose (employee id), and other parties."""

    def owner(self) -> tuple[UUID, frozenset[UUID]]: ...


AccessDenied = policy.AccessRefused


@dataclass
class AccessGuard:
    """One request's viewer, the owners it looked up, and the reads it will log."""

    caller: Caller
    pool: Any
    _viewer: Viewer | None = None
    _owners: DataLoader[UUID, OwnerFacts | None] | None = None
    _reads: dict[str, set[str]] = field(default_factory=dict)

    async def viewer(self) -> Viewer:
        """The caller as the policy sees them (the units they head, looked up once)."""
        if self._viewer is None:
            caller, nip = self.caller, self.caller.nip
            headed: tuple[str, ...] = ()
            if caller.actor.role in ASN and nip is not None:
                headed = await headed_unit_paths(self.pool, caller.tenant, nip)
            self._viewer = Viewer(Role(caller.actor.role), caller.tenant, nip, headed)
        return self._viewer

    async def may_see(
        self, owner: UUID, parties: frozenset[UUID], field_name: str, nip: str | None = None
    ) -> bool:
        """Whether the caller may see `field_name` of the record of employee `owner` (NIP
        `nip` when the read models do not know them yet); logs an allowed read."""
        if self._owners is None:
            self._owners = DataLoader(lambda ids: owners(self.pool, ids))
        viewer = await self.viewer()
        facts, *others = await self._owners.load_many([owner, *sorted(parties)])
        tenant = self.caller.tenant
        party_nips = frozenset(o.nip for o in others if o is not None and o.tenant == tenant)
        if facts is not None and facts.tenant != tenant:
            facts = None  # another tenant's person reads as nobody: no existence oracle
        if facts is None:  # nobody the read models know: only HR, auditors or themselves
            subject = Subject(tenant, nip or "", None, party_nips)
        else:
            subject = Subject(facts.tenant, facts.nip, facts.unit_path, facts.parties | party_nips)
        if not policy.may_see_private(viewer, subject):
            return False
        if policy.is_logged(viewer, subject) and subject.nip:
            self._reads.setdefault(subject.nip, set()).add(field_name)
        return True

    async def require_team(self, nip: str, action: str) -> None:
        """Raise FORBIDDEN unless the person is in the caller's team (policy.acts_for_team)."""
        viewer = await self.viewer()
        if not policy.acts_only_for_team(viewer.role):
            return
        normalized = normalize_nip(nip)
        if not await self.may_see(Employee.id_for(normalized), frozenset(), action, normalized):
            raise AccessDenied(
                N_("{action} is for the people of your own team only."), action=action
            )
        self._reads.pop(normalized, None)  # a command, not a read of the record

    def entries(self, now: datetime) -> list[access_log.AccessEntry]:
        """The reads to log, one per record."""
        caller = self.caller
        return [
            access_log.AccessEntry(
                now,
                caller.tenant,
                caller.actor.user_id,
                caller.actor.role,
                caller.nip,
                nip,
                tuple(sorted(fields)),
                caller.correlation_id,
            )
            for nip, fields in sorted(self._reads.items())
        ]

    async def flush(self) -> None:
        """Write the request's reads to the access log."""
        entries = self.entries(datetime.now(UTC))
        self._reads.clear()
        await access_log.append(self.pool, entries)


class PrivateField(FieldExtension):
    """Resolves a PRIVATE field only for those who may see its owner's record."""

    def __init__(self, name: str) -> None:
        self.name = name

    async def resolve_async(
        self, next_: Callable[..., Any], source: Any, info: Any, **kwargs: Any
    ) -> Any:
        guard: AccessGuard = info.context.access
        nip: str | None = None
        if source is None:  # a root: the person is named by the `nip` argument
            nip = normalize_nip(str(kwargs["nip"]))
            owner, parties = Employee.id_for(nip), frozenset[UUID]()
        else:
            owner, parties = source.owner()
        if not await guard.may_see(owner, parties, self.name, nip):
            raise AccessDenied(N_("{field} of this employee is not yours to see."), field=self.name)
        result = next_(source, info, **kwargs)
        return await result if isinstance(result, Awaitable) else result


def apply_private_guards(definitions: Iterable[StrawberryObjectDefinition]) -> int:
    """Put `PrivateField` on every field the policy calls PRIVATE; how many it guarded."""
    guarded = 0
    for definition in definitions:
        for strawberry_field in definition.fields:
            name = strawberry_field.graphql_name or _camel(strawberry_field.python_name)
            if _is_private(definition.name, name) and not _has_guard(strawberry_field):
                strawberry_field.extensions.append(PrivateField(f"{definition.name}.{name}"))
                guarded += 1
    return guarded


def _is_private(type_name: str, field_name: str) -> bool:
    if type_name == "Query":
        return field_name in policy.PRIVATE_ROOTS
    return policy.sensitivity(type_name, field_name) is Sensitivity.PRIVATE


def _has_guard(strawberry_field: StrawberryField) -> bool:
    return any(isinstance(e, PrivateField) for e in strawberry_field.extensions)


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def refusals(schema: GraphQLSchema, document: DocumentNode, role: Role) -> list[str]:
    """The fields of `document` that `role` may not call or select, as "Type.field"."""
    type_info = TypeInfo(schema)
    refused: list[str] = []

    class Check(Visitor):
        def enter_field(self, node: FieldNode, *_: Any) -> None:
            parent = type_info.get_parent_type()
            name = node.name.value
            if parent is None or name.startswith("__") or parent.name.startswith("__"):
                return
            if parent.name in ("Query", "Mutation"):
                operation = "mutation" if parent.name == "Mutation" else "query"
                allowed = policy.may_call(operation, name, role)
            else:
                allowed = policy.may_select(parent.name, name, role)
            if not allowed:
                refused.append(f"{parent.name}.{name}")

    visit(document, TypeInfoVisitor(type_info, Check()))
    return refused


class PolicyCheck(SchemaExtension):
    """Refuses a document naming a field the caller's role may not use; logs private reads."""

    async def on_execute(self) -> AsyncIterator[None]:
        context = self.execution_context.context
        document = self.execution_context.graphql_document
        if document is not None:
            role = Role(context.caller.actor.role)
            jejak_schema = self.execution_context.schema
            schema = jejak_schema._schema
            # A registered document was walked for every role at start; a sent one is walked
            # once per text and role (graphql_api/policy_walks.py), unless fast reads are off.
            planned = planned_walk(self.execution_context, role.value)
            walks = getattr(jejak_schema, "walks", None)
            query = self.execution_context.query
            if planned is not None:
                refused = list(planned)
            elif walks is not None and query is not None:
                refused = list(
                    walks.refused(query, role.value, lambda: refusals(schema, document, role))
                )
            else:
                refused = refusals(schema, document, role)
            if refused:
                raise AccessDenied(
                    N_("The role {role} may not use: {fields}."),
                    role=role.value,
                    fields=", ".join(sorted(set(refused))),
                )
        try:
            yield
        finally:
            await context.access.flush()


def schema_field_names(schema: GraphQLSchema) -> dict[str, list[str]]:
    """Every object type's fields, by type name (introspection types left out)."""
    return {
        name: list(graphql_type.fields)
        for name, graphql_type in schema.type_map.items()
        if isinstance(graphql_type, GraphQLObjectType) and not name.startswith("__")
    }


__all__ = [
    "AccessDenied",
    "AccessGuard",
    "PolicyCheck",
    "PrivateField",
    "RecordOwner",
    "apply_private_guards",
    "refusals",
    "schema_field_names",
]
