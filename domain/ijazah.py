"""The highest ijazah on an employee's record, which only rises (PP 99/2000 Pasal 18).

The record keeps the highest STTB/ijazah held: the reguler ceiling reads it, and a penyesuaian
ijazah needs the new one recorded first. A lower or equal one adds nothing and is refused.
"""

from __future__ import annotations

from domain.career_errors import (
    IjazahNotHigher,
)
from domain.errors import (
    N_,
)
from domain.promotion import Ijazah

# The levels from lowest to highest, as the enum lists them.
IJAZAH_ORDER: tuple[Ijazah, ...] = tuple(Ijazah)


def check_ijazah_not_lower(held: Ijazah | None, new: Ijazah) -> None:
    """A newly recorded ijazah is above the one held: the record holds the highest."""
    if held is not None and IJAZAH_ORDER.index(new) <= IJAZAH_ORDER.index(held):
        raise IjazahNotHigher(
            N_("The record already holds ijazah {held}; {new} is not higher."),
            held=held.value,
            new=new.value,
        )
