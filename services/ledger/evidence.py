"""A person's evidence bundle: their events as stored, each proven against one signed checkpoint.

The events are the raw rows of the one log (never decoded and re-encoded: the proof is over
the stored bytes), chosen as the audit trail chooses them (services/audit.py): the person's own
record and the events the `event_subjects` read model links to them; with a cycle, only their
appraisal in that cycle and the cycle's own facts its predikat rests on. Everything is read in
one REPEATABLE READ transaction, so the events, the leaves and the checkpoint agree. The bundle
format is domain/ledger/bundle.py's; events the checkpoint does not cover yet are listed as
pending, never proven.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any
from uuid import UUID

from psycopg import Connection, errors, sql
from psycopg.rows import tuple_row

from domain.aggregates.appraisal_cycle import AppraisalCycle
from domain.aggregates.employee_appraisal import EmployeeAppraisal
from domain.errors import N_
from domain.ledger.bundle import ProvenEvent, build_bundle
from domain.ledger.bundle_scores import decode_state
from domain.ledger.entry import StoredEvent
from projections.base import READ_SCHEMA
from services.ledger.store import LedgerStore, StoredCheckpoint
from services.personnel import PersonnelApplication

# The cycle's own events a predikat rests on: its settings, the units' ratings, the final rules.
# Its roster events (EmployeesEnrolled, AppraiserChanged) are other people's and are left out.
CYCLE_FACTS = tuple(
    f"{AppraisalCycle.__module__}:{AppraisalCycle.__qualname__}.{kind.__name__}"
    for kind in (AppraisalCycle.Opened, AppraisalCycle.OrganisationRated, AppraisalCycle.Finalised)
)


class LedgerNotReady(LookupError):
    """The ledger has no (witnessed) checkpoint yet, so nothing can be proven."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.template = message  # an English message (N_), translated by the API


class NothingToProve(LookupError):
    """The log holds no event of this person (or of their appraisal in this cycle)."""


def evidence_bundle(
    personnel: PersonnelApplication,
    employee_id: UUID,
    cycle_id: UUID | None = None,
    *,
    witnessed_only: bool = False,
    about: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The bundle of one employee's events (or of their appraisal in `cycle_id`), proven
    against the latest checkpoint (the latest witnessed one with `witnessed_only`); `about`
    adds to the bundle's subject (the NIP, the tenant)."""
    subject = {**(about or {}), "employee_id": str(employee_id)}
    if cycle_id is not None:
        subject["cycle_id"] = str(cycle_id)
    with ledger_snapshot(personnel) as conn:
        store = LedgerStore(conn)
        checkpoint = _checkpoint(store, witnessed_only)
        events = _events(conn, personnel, employee_id, cycle_id)
        if not events:
            raise NothingToProve(f"The log holds no event of employee {employee_id} to prove.")
        proven, pending = [], []
        for event in events:
            index = store.index_of(event.position)
            if index is None or index >= checkpoint.size:
                pending.append(event.position)
                continue
            proof = store.inclusion_proof(index, checkpoint.size)
            proven.append(ProvenEvent(event, index, proof))
    origin = checkpoint.note.split("\n", 1)[0]  # a checkpoint's first line names its log
    bundle = build_bundle(origin, checkpoint.note, proven, _rules_version(proven), subject)
    bundle["pending"] = {"count": len(pending), "positions": pending}
    return bundle


def _checkpoint(store: LedgerStore, witnessed_only: bool) -> StoredCheckpoint:
    try:
        checkpoint = store.latest_checkpoint(witnessed_only=witnessed_only)
    except errors.UndefinedTable:
        checkpoint = None
    if checkpoint is None:
        if witnessed_only:
            raise LedgerNotReady(
                N_("The ledger has no witnessed checkpoint yet: nothing can be proven.")
            )
        raise LedgerNotReady(N_("The ledger has no checkpoint yet: nothing can be proven."))
    return checkpoint


def _events(
    conn: Connection[Any], personnel: PersonnelApplication, employee_id: UUID, cycle_id: UUID | None
) -> list[StoredEvent]:
    """The rows of the log the bundle proves, in log order."""
    if cycle_id is not None:
        appraisal = EmployeeAppraisal.id_for(cycle_id, employee_id)
        own = _rows(conn, personnel, "originator_id = %s", appraisal)
        if not own:
            return []
        cycle = _rows(conn, personnel, "originator_id = %s", cycle_id)
        return sorted(
            [*own, *(e for e in cycle if e.topic in CYCLE_FACTS)], key=lambda e: e.position
        )
    own = _rows(conn, personnel, "originator_id = %s", employee_id)
    related = _related_positions(conn, employee_id) - {e.position for e in own}
    others = _rows(conn, personnel, "notification_id = ANY(%s)", sorted(related)) if related else []
    return sorted([*own, *others], key=lambda e: e.position)


def _rows(
    conn: Connection[Any], personnel: PersonnelApplication, where: str, parameter: object
) -> list[StoredEvent]:
    recorder = personnel.recorder
    statement = sql.SQL(
        "SELECT notification_id, originator_id, originator_version, topic, state FROM {}.{} "
        "WHERE " + where
    ).format(
        sql.Identifier(recorder.datastore.schema),  # type: ignore[attr-defined]
        sql.Identifier(recorder.events_table_name),  # type: ignore[attr-defined]
    )
    with conn.cursor() as cur:
        cur.execute(statement, (parameter,))
        return [
            StoredEvent(int(position), originator, int(version), topic, bytes(state))
            for position, originator, version, topic, state in cur.fetchall()
        ]


def _related_positions(conn: Connection[Any], employee_id: UUID) -> set[int]:
    try:
        with (
            conn.transaction(),
            conn.cursor() as cur,
        ):  # a savepoint: a missing table is rolled back
            cur.execute(
                f"SELECT position FROM {READ_SCHEMA}.event_subjects WHERE employee_id = %s",
                (employee_id,),
            )
            return {int(row[0]) for row in cur.fetchall()}
    except errors.UndefinedTable:
        return set()  # no read models yet: the record's own events are all there is


def _rules_version(proven: list[ProvenEvent]) -> str | None:
    """The rules version the bundle's last computed predikat names (None if it has none)."""
    for p in reversed(proven):
        if b"rules_version" in p.event.state:
            try:
                version = decode_state(p.event.state).get("rules_version")
            except ValueError:
                continue
            if isinstance(version, str):
                return version
    return None


@contextmanager
def ledger_snapshot(personnel: PersonnelApplication) -> Iterator[Connection[Any]]:
    """A write-side connection in one read-only snapshot, its rows as tuples for the store."""
    datastore = personnel.recorder.datastore  # type: ignore[attr-defined]
    with datastore.get_connection() as conn:
        factory = conn.row_factory
        conn.row_factory = tuple_row
        try:
            with conn.transaction(force_rollback=True):
                conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                yield conn
        finally:
            conn.row_factory = factory
