"""The ledger reads the API makes, run on a write-side connection in a thread (the store is
synchronous psycopg), each turning what the store cannot answer into a typed refusal."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, TypeVar
from uuid import UUID

from psycopg import errors

from domain.errors import N_, AppraisalNotFound
from graphql_api.errors import InvalidArgument
from graphql_api.ledger.errors import LedgerNotReady, NotInLedger, UnknownCheckpoint
from services.ledger import evidence
from services.ledger.store import LedgerStore, LedgerUnavailable, StoredCheckpoint
from services.personnel import PersonnelApplication

T = TypeVar("T")


async def read(personnel: PersonnelApplication, reading: Callable[[LedgerStore], T]) -> T:
    """`reading` of one snapshot of the ledger, off the event loop."""

    def run() -> T:
        try:
            with evidence.ledger_snapshot(personnel) as conn:
                return reading(LedgerStore(conn))
        except errors.UndefinedTable:
            raise LedgerNotReady(N_("The ledger has not been created yet.")) from None
        except LedgerUnavailable as error:
            raise LedgerNotReady(error.template, params=error.params) from None

    return await asyncio.to_thread(run)


def checkpoint(size: int | None) -> Callable[[LedgerStore], StoredCheckpoint]:
    """The latest checkpoint, or the one issued for `size`."""

    def reading(store: LedgerStore) -> StoredCheckpoint:
        if size is None:
            latest = store.latest_checkpoint()
            if latest is None:
                raise LedgerNotReady(N_("The ledger has no signed checkpoint yet."))
            return latest
        if size < 0:
            raise InvalidArgument(N_("size must not be negative."))
        found = store.checkpoint_at(size)
        if found is None:
            raise UnknownCheckpoint(
                N_("No checkpoint was issued for a tree of {size} leaves."), params={"size": size}
            )
        return found

    return reading


def inclusion(position: int, tree_size: int) -> Callable[[LedgerStore], tuple[int, list[bytes]]]:
    """(leaf index, audit path) of the event at log `position` in the tree of `tree_size`."""

    def reading(store: LedgerStore) -> tuple[int, list[bytes]]:
        if position < 1 or tree_size < 1:
            raise InvalidArgument(N_("position and treeSize must be positive."))
        _within(store, tree_size)
        index = store.index_of(position)
        if index is None or index >= tree_size:
            raise NotInLedger(
                N_("No event at position {position} in a tree of {tree_size} leaves."),
                params={"position": position, "tree_size": tree_size},
            )
        return index, store.inclusion_proof(index, tree_size)

    return reading


def consistency(from_size: int, to_size: int) -> Callable[[LedgerStore], list[bytes]]:
    """The proof that the tree of `from_size` leaves is a prefix of the tree of `to_size`."""

    def reading(store: LedgerStore) -> list[bytes]:
        if not 0 <= from_size <= to_size:
            raise InvalidArgument(N_("fromSize must be at least 0 and at most toSize."))
        _within(store, to_size)
        return store.consistency_proof(from_size, to_size)

    return reading


def _within(store: LedgerStore, size: int) -> None:
    held = store.size()
    if size > held:
        raise LedgerNotReady(
            N_("The ledger holds {held} leaves, fewer than {size}."),
            params={"held": held, "size": size},
        )


async def bundle(
    personnel: PersonnelApplication,
    employee_id: UUID,
    cycle_id: UUID | None,
    witnessed_only: bool,
    about: dict[str, str],
) -> dict[str, Any]:
    """The evidence bundle (services/ledger/evidence.py), its refusals typed."""
    try:
        return await asyncio.to_thread(
            evidence.evidence_bundle,
            personnel,
            employee_id,
            cycle_id,
            witnessed_only=witnessed_only,
            about=about,
        )
    except evidence.LedgerNotReady as error:
        raise LedgerNotReady(error.template) from None
    except evidence.NothingToProve:
        if cycle_id is not None:
            raise AppraisalNotFound(
                N_("{nip} has no appraisal in this cycle."), nip=about.get("nip")
            ) from None
        raise NotInLedger(
            N_("The log holds no event of {nip}."), params={"nip": about.get("nip")}
        ) from None
    except LedgerUnavailable as error:
        raise LedgerNotReady(error.template, params=error.params) from None
