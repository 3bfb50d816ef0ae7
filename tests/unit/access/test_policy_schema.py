"""The whole schema against the one policy: nothing without an entry, nothing private unguarded."""

from __future__ import annotations

from graphql import GraphQLObjectType, get_named_type

from access import policy
from access.policy import Sensitivity
from access.roles import READERS
from graphql_api.guard import PrivateField, schema_field_names
from graphql_api.schema import schema

GRAPHQL = schema._schema


def test_every_query_and_mutation_has_a_policy_entry_and_no_entry_is_stale() -> None:
    queries = set(GRAPHQL.type_map["Query"].fields)  # type: ignore[attr-defined]
    mutations = set(GRAPHQL.type_map["Mutation"].fields)  # type: ignore[attr-defined]
    assert queries - set(policy.QUERIES) == set(), "queries without a policy entry"
    assert mutations - set(policy.MUTATIONS) == set(), "mutations without a policy entry"
    assert set(policy.QUERIES) - queries == set(), "policy entries for no query"
    assert set(policy.MUTATIONS) - mutations == set(), "policy entries for no mutation"


def test_every_field_of_every_type_has_a_sensitivity() -> None:
    missing = [
        f"{type_name}.{field}"
        for type_name, fields in schema_field_names(GRAPHQL).items()
        if type_name not in ("Query", "Mutation")
        for field in fields
        if policy.sensitivity(type_name, field) is None
    ]
    assert missing == []


def test_no_policy_entry_names_a_type_or_field_the_schema_lacks() -> None:
    fields = schema_field_names(GRAPHQL)
    assert set(policy.TYPES) - set(fields) == set()
    stale = [key for key in policy.FIELDS if key.split(".")[1] not in fields[key.split(".")[0]]]
    assert stale == []


def test_guarded_content_is_reached_only_through_a_check() -> None:
    """A GUARDED type sits under a PRIVATE field, a GUARDED parent, a private root, or a root
    that only HR and auditors may call: never where an unchecked reader could reach it."""
    leaks = []
    for type_name, graphql_type in GRAPHQL.type_map.items():
        if not isinstance(graphql_type, GraphQLObjectType) or type_name.startswith("__"):
            continue
        for name, field in graphql_type.fields.items():
            target = get_named_type(field.type)
            if policy.TYPES.get(target.name) is not Sensitivity.GUARDED:
                continue
            if type_name == "Query":
                safe = name in policy.PRIVATE_ROOTS or policy.QUERIES[name] <= READERS
            elif type_name == "Mutation":
                safe = True  # a payload of the caller's own command
            else:
                level = policy.sensitivity(type_name, name)
                safe = level in (Sensitivity.PRIVATE, Sensitivity.GUARDED)
            if not safe:
                leaks.append(f"{type_name}.{name} -> {target.name}")
    assert leaks == []


def test_every_private_field_and_private_root_carries_the_guard() -> None:
    guarded, private = set(), set()
    for name, concrete in schema.schema_converter.type_map.items():
        for field in getattr(concrete.definition, "fields", []):
            key = schema.config.name_converter.get_graphql_name(field)
            if any(isinstance(e, PrivateField) for e in field.extensions):
                guarded.add(f"{name}.{key}")
            if (name == "Query" and key in policy.PRIVATE_ROOTS) or (
                policy.sensitivity(name, key) is Sensitivity.PRIVATE
            ):
                private.add(f"{name}.{key}")
    assert private, "the policy names private fields"
    assert guarded == private


def test_every_type_with_a_private_field_names_the_record_owner() -> None:
    for name, concrete in schema.schema_converter.type_map.items():
        private = [
            key
            for key in schema_field_names(GRAPHQL).get(name, [])
            if name != "Query" and policy.sensitivity(name, key) is Sensitivity.PRIVATE
        ]
        if private:
            origin = getattr(concrete.definition, "origin", None)
            assert callable(getattr(origin, "owner", None)), name
