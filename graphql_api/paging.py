"""Page sizes of every root list: what `first` defaults to and the most a caller may ask for.

They are part of the API contract (the SDL shows the defaults), so they are constants, not
settings. The cost analyser (graphql_api/cost.py) charges a list by the same numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from domain.errors import N_
from graphql_api.errors import InvalidArgument, PageTooLarge

T = TypeVar("T")


@dataclass(frozen=True)
class Page:
    """A list's page size when `first` is left out, and the largest `first` allowed."""

    default: int
    maximum: int


EMPLOYEES = Page(20, 100)
EMPLOYEE_EVENTS = Page(100, 1000)
UNIT_TREE = Page(500, 2000)
APPRAISAL_CYCLES = Page(20, 100)
APPRAISAL_HISTORY = Page(20, 100)
APPRAISAL_ACTIONS = Page(100, 1000)
TALENT_GRID = Page(500, 2000)
TRAINING_PROGRAMMES = Page(50, 200)
COMPETENCY_GAPS = Page(50, 200)
EXTERNAL_LEARNING = Page(50, 500)
TENANTS = Page(100, 1000)  # every instansi of the nation is about 550
UNIT_SATISFACTIONS = Page(100, 2000)  # units with SKM answers, as many as unitTree's
LEAVE_REQUESTS = Page(50, 200)  # one person's, a few a year
AUDIT_EVENTS = Page(100, 1000)  # the whole log, paged by position
APPRAISER_STATS = Page(100, 1000)  # pejabat penilai, paged by their id
EMPLOYEE_CHANGES = Page(100, 1000)  # one person's changes in a period
RETIRING = Page(100, 1000)  # a regency's PNS reaching BUP within a few years
TINDAK_LANJUT = Page(100, 500)  # a unit's staff, each with what follows their appraisal
SUCCESSION = Page(100, 500)  # the key jabatan of a tenant, each with its candidates

PAGES: Mapping[str, Page] = {
    "Query.employees": EMPLOYEES,
    "Query.employeeEvents": EMPLOYEE_EVENTS,
    "Query.unitTree": UNIT_TREE,
    "Query.appraisalCycles": APPRAISAL_CYCLES,
    "Query.appraisalHistory": APPRAISAL_HISTORY,
    "Query.appraisalActions": APPRAISAL_ACTIONS,
    "Query.talentGrid": TALENT_GRID,
    "Query.trainingProgrammes": TRAINING_PROGRAMMES,
    "Query.competencyGaps": COMPETENCY_GAPS,
    "Query.externalLearningSubmissions": EXTERNAL_LEARNING,
    "Query.tenants": TENANTS,
    "Query.unitSatisfactions": UNIT_SATISFACTIONS,
    "Query.leaveRequests": LEAVE_REQUESTS,
    "Query.auditEvents": AUDIT_EVENTS,
    "Query.platformEvents": AUDIT_EVENTS,
    "Query.appraiserStats": APPRAISER_STATS,
    "Query.employeeChanges": EMPLOYEE_CHANGES,
    "Query.retiringBy": RETIRING,
    "Query.tindakLanjutList": TINDAK_LANJUT,
    "Query.successionLists": SUCCESSION,
    "Query.accessLog": Page(100, 500),  # graphql_api/access_log/queries.py pages it itself
}


def check_first(first: int, page: Page) -> int:
    """`first` if it is within the page's bounds; PAGE_TOO_LARGE or INVALID_ARGUMENT if not."""
    if first > page.maximum:
        raise PageTooLarge(
            N_("first may be at most {maximum}, not {first}."),
            params={"maximum": page.maximum, "first": first},
            max=page.maximum,
        )
    if first < 0:
        raise InvalidArgument(
            N_("first must not be negative, not {first}."), params={"first": first}
        )
    return first


def page_after(
    items: Sequence[T], first: int, page: Page, key: Callable[[T], object], after: object = None
) -> list[T]:
    """At most `first` of `items` (in their order), starting after the one whose key is `after`.

    For lists the read model hands over whole: the page bounds the answer, not the read.
    """
    check_first(first, page)
    start = 0
    if after is not None:
        keys = [key(item) for item in items]
        if after not in keys:
            raise InvalidArgument(
                N_("after {after!r} is not in this list."), params={"after": after}
            )
        start = keys.index(after) + 1
    return list(items[start : start + first])


def description(text: str, page: Page, after: str = "") -> str:
    """A list field's description, saying how it pages."""
    paged = f" Page with `after` ({after})." if after else ""
    return f"{text} `first` defaults to {page.default} and is at most {page.maximum}.{paged}"
