"""The values generated documents carry: scalars that look like the domain's most of the time,
and, by argument name, the seeded region's ids and NIPs about half the time.

Mostly plausible values get past the input rules to the resolvers, the commands and the read
models behind them; the rest (any date, any text, any integer, a malformed date) keep the
input rules themselves under test.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date
from typing import TypeVar

import graphql
from hypothesis import strategies as st
from hypothesis_graphql import nodes

from tests.e2e.fuzz_seed import Seeded

T = TypeVar("T")

BAD_DATES = ("", "2025-02-30", "31/12/2025", "2025-13-01", "0000-00-00", "2025-1-1", "now")
WORDS = (  # free text a portal would send: names, titles, reasons, checkpoints, links
    "ANNUAL", "Q1", "S1", "M01", "PASSED", "FAILED", "OPEN", "RECOGNISED", "III/a", "IX",
    "Pelatihan Dasar CPNS", "Dinas Kesehatan", "Kepala Seksi Pelayanan", "Analis Kebijakan",
    "Menyusun laporan kinerja bulanan", "Laporan selesai tepat waktu", "Penugasan pimpinan",
    "https://portal.palangkaraya.go.id/bukti/1", "SK-800/12/BKPSDM/2025", "BPSDM Kalteng",
    "Satyalancana Karya Satya X Tahun", "DINKES-01", "Sesuai keputusan kepala daerah",
)  # fmt: skip
# Which seeded values fit an argument or input field, by its name.
NIP_NAMES = ("nip", "headNips", "appraiser", "superior", "mentorNip", "menteeNip", "actor")
UNIT_NAMES = ("unitId", "rootId", "parentId", "unitIds", "toUnitId")


def weighted(*choices: tuple[int, st.SearchStrategy[T]]) -> st.SearchStrategy[T]:
    """One of the strategies, each drawn `weight` times as often as a weight of 1."""
    pool = [strategy for weight, strategy in choices for _ in range(weight)]
    return st.sampled_from(pool).flatmap(lambda strategy: strategy)


DATES = weighted(
    (6, st.dates(date(2023, 1, 1), date(2027, 12, 31)).map(date.isoformat)),  # the data's years
    (2, st.dates().map(date.isoformat)),
    (1, st.sampled_from(BAD_DATES)),
).map(nodes.String)
DATETIMES = weighted(
    (4, st.datetimes(timezones=st.none() | st.just(UTC)).map(lambda moment: moment.isoformat())),
    (1, st.sampled_from(BAD_DATES)),
).map(nodes.String)
INTS = weighted(
    (2, st.sampled_from([2024, 2025, 2026])),  # years
    (5, st.integers(0, 200)),  # pages, minutes, JP, rows, versions, sessions
    (1, st.integers(-(2**31), 2**31 - 1)),
).map(nodes.Int)
IDS = weighted(
    (2, st.uuids().map(str).map(nodes.String)),
    (1, st.text().map(nodes.String)),
    (1, st.integers(-(2**31), 2**31 - 1).map(nodes.Int)),
)
NEW_NIPS = st.builds(  # valid, but nobody's: birth date, TMT CPNS 19–25 years later, sex, serial
    lambda born, later, month, sex, serial: (
        f"{born:%Y%m%d}{born.year + later}{month:02d}{sex}{serial:03d}"
    ),
    st.dates(date(1965, 1, 1), date(2000, 12, 31)),
    st.integers(19, 25),
    st.integers(1, 12),
    st.sampled_from("12"),
    st.integers(1, 999),
)


def _json_object(fields: dict[str, str]) -> graphql.ObjectValueNode:
    return graphql.ObjectValueNode(
        fields=tuple(
            graphql.ObjectFieldNode(name=graphql.NameNode(value=key), value=nodes.String(value))
            for key, value in fields.items()
        )
    )


# A JSON argument (policy values) as a client sends one: an object literal of a few fields.
JSON_OBJECTS = st.dictionaries(
    st.sampled_from(["year", "holidays", "months", "values", "x"]), st.text(max_size=20), max_size=3
).map(_json_object)


def scalars(seeded: Seeded) -> dict[str, st.SearchStrategy[graphql.ValueNode]]:
    """hypothesis-graphql's strategies for the schema's scalars, built-in ones included."""
    words = WORDS + seeded.competency_codes + seeded.golongan
    return {
        "Date": DATES,
        "DateTime": DATETIMES,
        "ID": IDS,
        "Int": INTS,
        "String": weighted((3, st.sampled_from(words)), (2, st.text())).map(nodes.String),
        "JSON": JSON_OBJECTS,
    }


def seeded_pools(seeded: Seeded) -> dict[str, st.SearchStrategy[str]]:
    """What each argument name draws from instead of its generated value (about half the time)."""
    pools = {name: seeded.nips for name in NIP_NAMES}
    pools |= {name: seeded.unit_ids for name in UNIT_NAMES}
    pools |= {
        "cycleId": seeded.cycle_ids,
        "programmeId": seeded.programme_ids,
        "prerequisiteIds": seeded.programme_ids,
        "mentoringId": seeded.mentoring_ids,
        "learningId": seeded.learning_ids,
        "id": seeded.employee_ids + seeded.programme_ids + seeded.mentoring_ids,
        "competencyCodes": seeded.competency_codes,
        "golongan": seeded.golongan,
        "toGolongan": seeded.golongan,
    }
    strategies = {name: st.sampled_from(values) for name, values in pools.items() if values}
    if "nip" in strategies:  # also someone new to appoint
        strategies["nip"] = weighted((2, strategies["nip"]), (1, NEW_NIPS))
    return strategies


class Seeding(graphql.Visitor):
    """Replaces, about half the time each, the value of an argument named in `pools`."""

    def __init__(self, draw: st.DrawFn, pools: Mapping[str, st.SearchStrategy[str]]) -> None:
        super().__init__()
        self.draw = draw
        self.pools = pools

    def enter_argument(self, node: graphql.ArgumentNode, *_: object) -> graphql.ArgumentNode:
        return graphql.ArgumentNode(name=node.name, value=self.seed(node.name.value, node.value))

    def enter_object_field(
        self, node: graphql.ObjectFieldNode, *_: object
    ) -> graphql.ObjectFieldNode:
        return graphql.ObjectFieldNode(name=node.name, value=self.seed(node.name.value, node.value))

    def seed(self, name: str, value: graphql.ValueNode) -> graphql.ValueNode:
        pool = self.pools.get(name)
        if pool is None:
            return value
        if isinstance(value, graphql.ListValueNode):
            items = tuple(self.seed(name, item) for item in value.values)
            return graphql.ListValueNode(values=items)
        # Seeded on False, which Hypothesis draws a little more often than True and shrinks
        # to: a failing example keeps its real ids.
        real = not self.draw(st.booleans())
        if real and isinstance(value, graphql.StringValueNode | graphql.IntValueNode):
            return graphql.StringValueNode(value=self.draw(pool))
        return value
