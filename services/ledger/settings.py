"""The ledger's configuration: origin, signing key, checkpoint cadence and witnesses.

Read once from the environment (`LedgerSettings.from_env`), like access/settings.py. The signing
key lives outside the database: JEJAK_LEDGER_KEY (the key itself) or JEJAK_LEDGER_KEY_FILE, by
default `.jejak/ledger/signing-key`, created (0600) on first use beside the embedded data folder.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from access.settings import ConfigurationError
from domain.ledger.keys import key_from_env, load_or_create_key
from domain.ledger.notes import NoteSigner, NoteVerifier

DEFAULT_KEY_FILE = Path(".jejak/ledger/signing-key")
DEFAULT_CHECKPOINT_EVENTS = 1000
DEFAULT_CHECKPOINT_SECONDS = 60.0


def default_origin(dbname: str) -> str:
    """The origin when JEJAK_LEDGER_ORIGIN is unset: stable for one database of one install."""
    return f"jejak.local/{dbname}"


@dataclass(frozen=True)
class Witness:
    """A witness the log pushes checkpoints to: its verifier key and its base URL."""

    vkey: str
    url: str

    @property
    def verifier(self) -> NoteVerifier:
        return NoteVerifier.from_vkey(self.vkey)

    @property
    def name(self) -> str:
        return self.verifier.name


@dataclass(frozen=True)
class LedgerSettings:
    """How this process keeps the ledger; `key` (the env value) wins over `key_file`."""

    origin: str
    key_file: Path = DEFAULT_KEY_FILE
    key: str | None = None
    checkpoint_events: int = DEFAULT_CHECKPOINT_EVENTS
    checkpoint_seconds: float = DEFAULT_CHECKPOINT_SECONDS
    witnesses: tuple[Witness, ...] = ()
    quorum: int = 0
    witness_timeout: float = 10.0

    def __post_init__(self) -> None:
        if self.checkpoint_events < 1:
            raise ConfigurationError("JEJAK_LEDGER_CHECKPOINT_EVENTS must be at least 1.")
        if self.checkpoint_seconds <= 0:
            raise ConfigurationError("JEJAK_LEDGER_CHECKPOINT_SECONDS must be above 0.")
        if not 0 <= self.quorum <= len(self.witnesses):
            raise ConfigurationError(
                f"JEJAK_LEDGER_WITNESS_QUORUM must be 0–{len(self.witnesses)} "
                f"(the witnesses configured); got {self.quorum}."
            )

    def signer(self) -> NoteSigner:
        """The log's signing key under its origin (creating the default key file if missing)."""
        private = key_from_env(self.key) if self.key else load_or_create_key(self.key_file)
        return NoteSigner(self.origin, private)

    @classmethod
    def from_env(cls, dbname: str, environ: Mapping[str, str] | None = None) -> LedgerSettings:
        """The settings the environment gives for the database `dbname`, defaults for the rest."""
        env = os.environ if environ is None else environ

        def text(name: str) -> str:
            return env.get(name, "").strip()

        listed = (_witness(part) for part in text("JEJAK_LEDGER_WITNESSES").split(","))
        witnesses = tuple(w for w in listed if w is not None)
        quorum_raw = text("JEJAK_LEDGER_WITNESS_QUORUM")
        return cls(
            origin=text("JEJAK_LEDGER_ORIGIN") or default_origin(dbname),
            key_file=Path(text("JEJAK_LEDGER_KEY_FILE") or DEFAULT_KEY_FILE),
            key=text("JEJAK_LEDGER_KEY") or None,
            checkpoint_events=int(
                _number(text("JEJAK_LEDGER_CHECKPOINT_EVENTS"), DEFAULT_CHECKPOINT_EVENTS)
            ),
            checkpoint_seconds=_number(
                text("JEJAK_LEDGER_CHECKPOINT_SECONDS"), DEFAULT_CHECKPOINT_SECONDS
            ),
            witnesses=witnesses,
            quorum=int(_number(quorum_raw, len(witnesses) // 2 + 1 if witnesses else 0)),
        )


def _witness(part: str) -> Witness | None:
    part = part.strip()
    if not part:
        return None
    at = part.find("=http")  # a vkey's base64 may itself end in "="
    vkey, url = part[:at], part[at + 1 :]
    if at < 0 or not url.startswith(("http://", "https://")):
        raise ConfigurationError(
            f"JEJAK_LEDGER_WITNESSES lists vkey=url pairs, comma-separated; got {part!r}."
        )
    witness = Witness(vkey.strip(), url.strip().rstrip("/"))
    witness.verifier  # noqa: B018 - refuse a bad key at start, not at the first push
    return witness


def _number(raw: str, default: float) -> float:
    if not raw:
        return default
    try:
        return float(raw)
    except ValueError:
        raise ConfigurationError(f"A JEJAK_LEDGER_* number must be numeric; got {raw!r}.") from None
