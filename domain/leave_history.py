"""An employee's granted leave, oldest first: what the leave rules read, kept compact.

Thirty years of cuti are a hundred records or more, and the employee's snapshot carries them
all. As JSON objects they were 11 KB of a 11.4 KB snapshot and half the time of loading a
long-serving employee (docs/benchmarks.md, loading). Here they are one line of text
(`CT,1992-04-28,1992-05-04,5;…`), parsed only when a rule first reads them: loading an
employee to promote or transfer them never does.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Any, overload

from domain.leave import LeaveRecord, LeaveType

_RECORDS = ";"
_FIELDS = ","


class LeaveHistory(Sequence[LeaveRecord]):
    """Immutable: `added` returns a new history, so cached and snapshotted copies never move."""

    __slots__ = ("_parsed", "_text")

    def __init__(self, records: Iterable[LeaveRecord] = ()) -> None:
        self._text = _RECORDS.join(_line(record) for record in records)
        self._parsed: tuple[LeaveRecord, ...] | None = None

    @classmethod
    def from_text(cls, text: str) -> LeaveHistory:
        """The history `text` holds (as `text` gives it), parsed when first read."""
        history = cls()
        history._text = text
        return history

    @property
    def text(self) -> str:
        return self._text

    def added(self, record: LeaveRecord) -> LeaveHistory:
        line = _line(record)
        history = LeaveHistory.from_text(f"{self._text}{_RECORDS}{line}" if self._text else line)
        if self._parsed is not None:
            history._parsed = (*self._parsed, record)
        return history

    def _records(self) -> tuple[LeaveRecord, ...]:
        if self._parsed is None:
            self._parsed = tuple(_record(line) for line in self._text.split(_RECORDS) if line)
        return self._parsed

    @overload
    def __getitem__(self, index: int) -> LeaveRecord: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[LeaveRecord]: ...
    def __getitem__(self, index: int | slice) -> LeaveRecord | Sequence[LeaveRecord]:
        return self._records()[index]

    def __len__(self) -> int:
        return len(self._records())

    def __iter__(self) -> Iterator[LeaveRecord]:
        return iter(self._records())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LeaveHistory):
            return self._text == other._text
        if isinstance(other, Sequence):
            return self._records() == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._text)

    def __repr__(self) -> str:
        return f"LeaveHistory({list(self._records())!r})"

    def __deepcopy__(self, memo: dict[int, Any]) -> LeaveHistory:
        return self  # immutable: the repository's copy of a cached employee may share it


def _line(record: LeaveRecord) -> str:
    return _FIELDS.join(
        (
            record.leave_type.value,
            record.start.isoformat(),
            record.end.isoformat(),
            str(record.days),
        )
    )


def _record(line: str) -> LeaveRecord:
    leave_type, start, end, days = line.split(_FIELDS)
    return LeaveRecord(
        LeaveType(leave_type), date.fromisoformat(start), date.fromisoformat(end), int(days)
    )
