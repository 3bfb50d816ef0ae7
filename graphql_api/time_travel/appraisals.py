"""`appraisal(asOf: …)` and `scoreExplanation(asOf: …)`: the appraisal as it stood then."""

from __future__ import annotations

from typing import Any

from domain.errors import N_, AppraisalNotFound
from graphql_api.appraisal.types import Appraisal
from graphql_api.context import Context
from graphql_api.time_travel.types import AsOfInput, TimePoint, resolve_point
from projections.history_appraisals import appraisal_as_of


async def appraisal_at(
    context: Context, row: dict[str, Any], as_of: AsOfInput | None, *, reveal_givers: bool
) -> Appraisal:
    """The appraisal at `as_of`, naming the point it was computed at; without it, today's
    (whose `lastPosition` says where it stands)."""
    if as_of is None:
        return Appraisal.of(row, reveal_givers=reveal_givers)
    point = await resolve_point(context, None, as_of)  # an appraisal's own events, tenant-wide
    then = await appraisal_as_of(context.pool, row, point.position, point.valid_on)
    if then is None:
        raise AppraisalNotFound(
            N_("{nip} was not yet enrolled in the {year} cycle at that point."),
            nip=row["nip"],
            year=row["year"],
        )
    appraisal = Appraisal.of(then, reveal_givers=reveal_givers)
    appraisal.as_of = TimePoint.from_row(point)
    return appraisal
