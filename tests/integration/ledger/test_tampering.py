"""Every single tampering of the events table by an insider with SQL access is caught by
`jejak ledger verify`, which names the first position touched and what was done there."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.cli import main
from services.caller import Caller
from services.ledger.schema import EVENTS_TABLE
from services.ledger.settings import LedgerSettings
from services.personnel import PersonnelApplication
from tests.integration.ledger.conftest import Ledger

pytestmark = pytest.mark.integration


def verify(capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["ledger", "verify", *extra])
    return code, capsys.readouterr().out


def first_finding(output: str) -> str:
    return output.splitlines()[0]


def test_an_untouched_log_verifies(ledger: Ledger, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = verify(capsys, "--log-key", ledger.vkey)
    assert code == 0, out
    assert f"{len(ledger.positions):,} events" in out


def test_an_edited_state_is_named_at_its_position(
    ledger: Ledger, capsys: pytest.CaptureFixture[str]
) -> None:
    target = ledger.positions[20]
    ledger.sql(f"UPDATE {EVENTS_TABLE} SET state = state || ' '::bytea "
               f"WHERE notification_id = {target}")  # fmt: skip
    code, out = verify(capsys)
    assert code == 1
    assert first_finding(out) == (
        f"TAMPERED (edited): Event at position {target:,} was edited: its stored bytes differ "
        "from the ledger's leaf."
    )


def test_an_edited_topic_is_named_at_its_position(
    ledger: Ledger, capsys: pytest.CaptureFixture[str]
) -> None:
    target = ledger.positions[11]
    ledger.sql(f"UPDATE {EVENTS_TABLE} SET topic = topic || 'Revoked' "
               f"WHERE notification_id = {target}")  # fmt: skip
    code, out = verify(capsys)
    assert code == 1
    assert first_finding(out).startswith(f"TAMPERED (edited): Event at position {target:,} ")


def test_a_changed_version_is_named_at_its_position(
    ledger: Ledger, capsys: pytest.CaptureFixture[str]
) -> None:
    target = ledger.positions[30]
    ledger.sql(f"UPDATE {EVENTS_TABLE} SET originator_version = originator_version + 1000 "
               f"WHERE notification_id = {target}")  # fmt: skip
    code, out = verify(capsys)
    assert code == 1
    assert first_finding(out).startswith(f"TAMPERED (edited): Event at position {target:,} ")


def test_a_deleted_event_is_named_at_its_position(
    ledger: Ledger, capsys: pytest.CaptureFixture[str]
) -> None:
    target = ledger.positions[15]
    ledger.sql(f"DELETE FROM {EVENTS_TABLE} WHERE notification_id = {target}")
    code, out = verify(capsys)
    assert code == 1
    assert first_finding(out) == (
        f"TAMPERED (deleted): Event at position {target:,} was deleted: the ledger has a leaf "
        "for it."
    )


def test_an_event_inserted_into_a_gap_of_the_log_is_named_at_its_position(
    ledger: Ledger, capsys: pytest.CaptureFixture[str]
) -> None:
    # A failed insert leaves a sequence value unused; more events follow it and are integrated.
    [gap] = _next_sequence_values(ledger, 1)
    ledger.sql(f"INSERT INTO {EVENTS_TABLE} (originator_id, originator_version, topic, state) "
               f"SELECT originator_id, 999, topic, state FROM {EVENTS_TABLE} "
               f"WHERE notification_id = {ledger.positions[-1]}")  # fmt: skip
    ledger.integrate()
    ledger.sql(f"INSERT INTO {EVENTS_TABLE} (notification_id, originator_id, originator_version, "
               f"topic, state) SELECT {gap}, originator_id, 998, topic, state FROM {EVENTS_TABLE} "
               f"WHERE notification_id = {ledger.positions[3]}")  # fmt: skip
    code, out = verify(capsys)
    assert code == 1
    assert first_finding(out).startswith(f"TAMPERED (inserted): Event at position {gap:,} ")


def test_two_swapped_events_are_named_as_reordered(
    ledger: Ledger, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = ledger.positions[12], ledger.positions[25]
    ledger.sql(
        f"UPDATE {EVENTS_TABLE} SET notification_id = -1 WHERE notification_id = {a}",
        f"UPDATE {EVENTS_TABLE} SET notification_id = {a} WHERE notification_id = {b}",
        f"UPDATE {EVENTS_TABLE} SET notification_id = {b} WHERE notification_id = -1",
    )
    code, out = verify(capsys)
    assert code == 1
    assert first_finding(out) == (
        f"TAMPERED (reordered): Positions {a:,} and {b:,} were reordered: each holds the event "
        "the ledger has at the other."
    )


def test_a_truncated_tail_re_appended_with_other_events_is_named_where_it_was_cut(
    ledger: Ledger, capsys: pytest.CaptureFixture[str]
) -> None:
    cut = ledger.positions[-6]
    ledger.sql(
        f"CREATE TEMP TABLE tail AS SELECT * FROM {EVENTS_TABLE} WHERE notification_id >= {cut}",
        f"DELETE FROM {EVENTS_TABLE} WHERE notification_id >= {cut}",
        f"SELECT setval(pg_get_serial_sequence('{EVENTS_TABLE}', 'notification_id'), {cut - 1})",
        # different events at the same positions: the same rows, their states altered
        f"INSERT INTO {EVENTS_TABLE} (originator_id, originator_version, topic, state) "
        "SELECT originator_id, originator_version, topic, state || '  '::bytea FROM tail "
        "ORDER BY notification_id",
    )
    code, out = verify(capsys)
    assert code == 1
    assert first_finding(out) == (
        f"TAMPERED (truncated): The log was truncated at position {cut:,} and re-appended: "
        "none of the 6 leaves from there on matches the events table."
    )


def test_a_truncated_tail_whose_new_events_get_new_positions_is_named_where_it_was_cut(
    ledger: Ledger, capsys: pytest.CaptureFixture[str]
) -> None:
    cut = ledger.positions[-4]
    ledger.sql(
        f"CREATE TEMP TABLE tail AS SELECT * FROM {EVENTS_TABLE} WHERE notification_id >= {cut}",
        f"DELETE FROM {EVENTS_TABLE} WHERE notification_id >= {cut}",
        f"INSERT INTO {EVENTS_TABLE} (originator_id, originator_version, topic, state) "
        "SELECT originator_id, originator_version, topic, state FROM tail ORDER BY 1",
    )
    code, out = verify(capsys)
    assert code == 1
    assert first_finding(out).startswith(
        f"TAMPERED (truncated): The log was truncated at position {cut:,} and re-appended"
    )


def test_ledger_tables_rewritten_to_match_an_edit_are_caught_by_the_signed_checkpoints(
    ledger: Ledger, capsys: pytest.CaptureFixture[str]
) -> None:
    target = ledger.positions[22]
    ledger.sql(
        f"UPDATE {EVENTS_TABLE} SET state = state || ' '::bytea WHERE notification_id = {target}",
        # the insider rebuilds the tree from the forged log; without the key, no new checkpoint
        "TRUNCATE ledger.leaves, ledger.nodes",
        "UPDATE ledger.state SET position = 0, size = 0",
    )
    from services.ledger.integrator import Integrator

    integrator = Integrator(ledger.database)
    integrator.catch_up()
    integrator.close()
    code, out = verify(capsys)
    sizes = ledger.checkpoint_sizes()
    covering = min(size for size in sizes if size > 22)  # the first signed after the edit
    before = max(size for size in sizes if size <= 22)
    assert code == 1
    assert first_finding(out).startswith(
        f"TAMPERED (rewritten): The signed checkpoint of size {covering} does not match the tree "
        "recomputed from the events table: an event in positions "
        f"{ledger.positions[before]:,}–{ledger.positions[covering - 1]:,} was changed"
    )


def test_a_checkpoint_altered_in_the_table_fails_its_signature(
    ledger: Ledger, capsys: pytest.CaptureFixture[str]
) -> None:
    size = ledger.checkpoint_sizes()[1]
    ledger.sql(f"UPDATE ledger.checkpoints SET note = replace(note, E'\\n{size}\\n', "
               f"E'\\n{size + 1}\\n') WHERE size = {size}")  # fmt: skip
    code, out = verify(capsys)
    assert code == 1
    assert first_finding(out).startswith(
        f"TAMPERED (signature): The checkpoint of size {size} is not signed by the log's key"
    )


def test_verify_refuses_a_log_key_other_than_the_one_that_signed(
    ledger: Ledger, capsys: pytest.CaptureFixture[str]
) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from domain.ledger.notes import NoteSigner

    stranger = NoteSigner(f"jejak.local/{ledger.database.dbname}", Ed25519PrivateKey.generate())
    code, out = verify(capsys, "--log-key", stranger.vkey())
    assert code == 1
    assert "TAMPERED (signature)" in first_finding(out)


def _next_sequence_values(ledger: Ledger, count: int) -> list[int]:
    import psycopg

    with psycopg.connect(**ledger.database.psycopg_kwargs(), autocommit=True) as conn:
        return [
            conn.execute(
                f"SELECT nextval(pg_get_serial_sequence('{EVENTS_TABLE}', 'notification_id'))"
            ).fetchone()[0]  # type: ignore[index]
            for _ in range(count)
        ]


def test_after_a_key_rotation_both_keys_verify_and_the_old_key_alone_does_not(
    ledger: Ledger,
    personnel: PersonnelApplication,
    caller: Caller,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # given: the log's key is replaced (docs/ledger.md, key rotation) and the log goes on
    monkeypatch.setenv("JEJAK_LEDGER_KEY_FILE", str(tmp_path / "ledger-key-2026"))
    new_vkey = LedgerSettings.from_env(ledger.database.dbname).signer().vkey()
    for unit in ("BKPSDM", "DINKES", "DISHUB", "BAPPEDA", "INSPEKTORAT", "SATPOLPP"):
        personnel.create_unit(caller, code=unit, name=f"Unit {unit}", kind="DINAS")
    ledger.integrate()
    # when / then
    assert verify(capsys, "--log-key", ledger.vkey, "--log-key", new_vkey)[0] == 0
    code, out = verify(capsys, "--log-key", ledger.vkey)
    assert code == 1
    assert "is not signed by the log's key" in out
