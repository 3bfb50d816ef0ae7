"""Who looked at my record: the access log, for the person and for auditors."""

from __future__ import annotations

import strawberry
from strawberry import Info

from access import access_log, policy
from domain.errors import N_
from graphql_api.access_log.types import AccessLogEntry
from graphql_api.context import Context
from graphql_api.errors import InvalidArgument, PageTooLarge
from graphql_api.fields import resolver
from services.personnel import normalize_nip

MAX_ENTRIES = 500


@strawberry.type
class AccessLogQueries:
    @resolver(
        "Reads of private records by others (HR, supervisors, appraisers, auditors), oldest "
        "first. A person sees who read their own record; an auditor sees the tenant's, or one "
        f"person's with `nip`. Page with `after` (the last id seen); `first` is at most "
        f"{MAX_ENTRIES}."
    )
    async def access_log(
        self,
        info: Info[Context, None],
        nip: str | None = None,
        after: int = 0,
        first: int = 100,
    ) -> list[AccessLogEntry]:
        if first > MAX_ENTRIES:
            raise PageTooLarge(
                N_("first may be at most {maximum}, not {first}."),
                params={"maximum": MAX_ENTRIES, "first": first},
                max=MAX_ENTRIES,
            )
        if first < 0 or after < 0:
            raise InvalidArgument(N_("first and after must not be negative."))
        caller = info.context.caller
        wanted = normalize_nip(nip) if nip is not None else None
        subject = policy.access_log_subject(caller.actor.role, caller.nip, wanted)
        rows = await access_log.reads_of(info.context.pool, caller.tenant, subject, after, first)
        return [AccessLogEntry.of(row) for row in rows]
