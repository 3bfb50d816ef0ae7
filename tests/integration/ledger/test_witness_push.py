"""The keeper pushes checkpoints to real witnesses (`services/witness` on uvicorn, 127.0.0.1):
witnessed at quorum, a witness that is down never stops the integrator, a 409 is recovered."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import psycopg
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from domain.ledger.notes import CosignatureSigner, verify_cosignatures
from projections.reader import EventReader
from services.caller import Caller
from services.ledger.keeper import LedgerKeeper, start_ledger_thread
from services.ledger.settings import LedgerSettings, Witness
from services.ledger.store import LedgerStore, StoredCheckpoint
from services.personnel import PersonnelApplication
from services.witness.server import Witness as WitnessService
from services.witness.server import create_witness_app
from services.witness.state import WitnessState
from tests.integration.ledger.conftest import Ledger
from tests.integration.scenarios import nip, wait_until
from tests.threaded_server import free_port, served

pytestmark = pytest.mark.integration


@dataclass(frozen=True)
class RunningWitness:
    """A witness served over HTTP, as an oversight body runs it; its key and state."""

    signer: CosignatureSigner
    state: WitnessState
    url: str

    def configured(self) -> Witness:
        """How the log's operator lists it in JEJAK_LEDGER_WITNESSES."""
        return Witness(self.signer.vkey(), self.url)


@contextmanager
def serving_witness(folder: Path, name: str, log: LedgerSettings) -> Iterator[RunningWitness]:
    """`jejak witness serve`'s app on uvicorn in a thread, knowing the log's key."""
    signer = CosignatureSigner(name, Ed25519PrivateKey.generate())
    state = WitnessState(folder / f"{name.replace('/', '_')}.sqlite")
    service = WitnessService(signer, [(log.origin, log.signer().verifier())], state)
    with served(create_witness_app(service), "the witness") as url:
        yield RunningWitness(signer, state, url)


def log_settings(ledger: Ledger, witnesses: list[Witness], quorum: int) -> LedgerSettings:
    """The log's settings from the environment the fixture set, with these witnesses."""
    base = LedgerSettings.from_env(ledger.database.dbname)
    return dataclasses.replace(base, witnesses=tuple(witnesses), quorum=quorum, witness_timeout=5)


def latest(ledger: Ledger) -> StoredCheckpoint:
    with psycopg.connect(**ledger.database.psycopg_kwargs()) as conn:
        found = LedgerStore(conn).latest_checkpoint()
    assert found is not None
    return found


def witness_sizes(ledger: Ledger) -> dict[str, int]:
    with psycopg.connect(**ledger.database.psycopg_kwargs()) as conn:
        rows = conn.execute("SELECT witness, size FROM ledger.witness_sizes").fetchall()
    return {name: size for name, size in rows}


def record_awards(personnel: PersonnelApplication, caller: Caller, count: int) -> None:
    """More events in the log: awards to the office's first staff."""
    for i in range(count):
        personnel.record_award(
            caller, nip=nip(i), kind="PENGHARGAAN_INSTANSI", title=f"Teladan {i}",
            awarded_on=date(2024, 6, 1),
        )  # fmt: skip


def keep(ledger: Ledger, settings: LedgerSettings) -> None:
    """One round of the keeper: integrate what is new, checkpoint when due, push."""
    keeper = LedgerKeeper(ledger.database, settings, batch_size=4)
    try:
        keeper.catch_up()
    finally:
        keeper.close()


def test_a_checkpoint_is_witnessed_once_the_quorum_of_real_witnesses_cosigned_it(
    ledger: Ledger, tmp_path: Path
) -> None:
    log = LedgerSettings.from_env(ledger.database.dbname)
    with (
        serving_witness(tmp_path, "inspektorat.example/witness", log) as inspektorat,
        serving_witness(tmp_path, "bkn.example/witness", log) as bkn,
    ):
        assert not latest(ledger).witnessed  # integrated with no witness configured
        keep(ledger, log_settings(ledger, [inspektorat.configured(), bkn.configured()], 2))

    checkpoint = latest(ledger)
    assert checkpoint.witnessed
    verifiers = [inspektorat.signer.verifier(), bkn.signer.verifier()]
    assert verify_cosignatures(checkpoint.note, verifiers) == {
        "inspektorat.example/witness",
        "bkn.example/witness",
    }
    for witness in (inspektorat, bkn):
        cosigned = witness.state.latest(log.origin)
        assert cosigned is not None
        assert (cosigned.size, cosigned.root) == (checkpoint.size, checkpoint.root)
    assert witness_sizes(ledger) == {
        "inspektorat.example/witness": checkpoint.size,
        "bkn.example/witness": checkpoint.size,
    }


def test_below_the_quorum_a_checkpoint_stays_unwitnessed_though_cosignatures_are_kept(
    ledger: Ledger, tmp_path: Path
) -> None:
    log = LedgerSettings.from_env(ledger.database.dbname)
    down = Witness(
        CosignatureSigner("ombudsman.example/witness", Ed25519PrivateKey.generate()).vkey(),
        f"http://127.0.0.1:{free_port()}",  # nothing listens there
    )
    with serving_witness(tmp_path, "bkn.example/witness", log) as bkn:
        keep(ledger, log_settings(ledger, [bkn.configured(), down], 2))

    checkpoint = latest(ledger)
    assert not checkpoint.witnessed
    [line] = checkpoint.cosignatures
    assert line.startswith("— bkn.example/witness ")
    assert witness_sizes(ledger) == {"bkn.example/witness": checkpoint.size}


def test_a_witness_that_is_down_does_not_stop_the_runtime_s_integrator(
    ledger: Ledger, personnel: PersonnelApplication, caller: Caller, tmp_path: Path
) -> None:
    log = LedgerSettings.from_env(ledger.database.dbname)
    down = Witness(
        CosignatureSigner("ombudsman.example/witness", Ed25519PrivateKey.generate()).vkey(),
        f"http://127.0.0.1:{free_port()}",
    )
    with serving_witness(tmp_path, "bkn.example/witness", log) as bkn:
        settings = dataclasses.replace(
            log_settings(ledger, [down, bkn.configured()], 1), checkpoint_seconds=0.2
        )
        stop = threading.Event()
        thread = start_ledger_thread(
            ledger.database, stop, EventReader(personnel).channel, settings
        )
        try:
            record_awards(personnel, caller, 12)
            head = personnel.recorder.max_notification_id()

            def integrated_and_witnessed() -> bool:
                checkpoint = latest(ledger)
                with psycopg.connect(**ledger.database.psycopg_kwargs()) as conn:
                    position = LedgerStore(conn).position()
                return (
                    position == head
                    and checkpoint.witnessed
                    and (witness_sizes(ledger).get("bkn.example/witness") == checkpoint.size)
                )

            wait_until(integrated_and_witnessed, seconds=30)
        finally:
            stop.set()
            thread.join(10)
    assert not thread.is_alive()
    assert "ombudsman.example/witness" not in witness_sizes(ledger)
    cosigned = bkn.state.latest(log.origin)
    assert cosigned is not None
    assert cosigned.size == latest(ledger).size


def test_a_409_from_a_witness_that_is_ahead_of_what_the_log_recorded_is_recovered(
    ledger: Ledger, personnel: PersonnelApplication, caller: Caller, tmp_path: Path
) -> None:
    log = LedgerSettings.from_env(ledger.database.dbname)
    with serving_witness(tmp_path, "bkn.example/witness", log) as bkn:
        settings = log_settings(ledger, [bkn.configured()], 1)
        keep(ledger, settings)
        first = latest(ledger).size
        # The log forgets what the witness cosigned (a database restored from a backup): it
        # will send a proof from size 0, the witness answers 409 with its size.
        ledger.sql("DELETE FROM ledger.witness_sizes")
        record_awards(personnel, caller, 10)
        keep(ledger, settings)

    checkpoint = latest(ledger)
    assert checkpoint.size > first
    assert checkpoint.witnessed
    assert verify_cosignatures(checkpoint.note, [bkn.signer.verifier()]) == {"bkn.example/witness"}
    assert witness_sizes(ledger) == {"bkn.example/witness": checkpoint.size}
    cosigned = bkn.state.latest(log.origin)
    assert cosigned is not None
    assert (cosigned.size, cosigned.root) == (checkpoint.size, checkpoint.root)
