"""Why the SSI moved: each pillar's change since the previous record, a recalibration by
LinkedIn when all four fell at once, and the ticks of each pillar that moved a lot.

Pure: the caller gives the change and the ticks counted before the record's day; the
output layer says the items in the user's language. Nothing here claims a cause: ticks are
stated beside a move as facts, since SSI reflects a window of past activity.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Final, Literal, NamedTuple

from ssi_coach.core.pillars import PILLARS
from ssi_coach.core.records import Change

Kind = Literal["change", "recalibration", "habits"]
CHANGE: Final[Kind] = "change"
RECALIBRATION: Final[Kind] = "recalibration"
HABITS: Final[Kind] = "habits"

# All four pillars falling by this much or more between two consecutive days' records
# looks like LinkedIn changing its computation, not like the user's work.
RECALIBRATION_FALL: Final = 0.3
# Over a longer gap, four falls may be four days of drift: no day can be blamed.
RECALIBRATION_MAX_GAP_DAYS: Final = 1
# A pillar that moved by this much or more gets the count of its ticked items.
HABITS_MOVE: Final = 0.5
# The days whose ticks are counted: the 7 before the record's day, that day not counted.
HABITS_WINDOW_DAYS: Final = 7


class Explanation(NamedTuple):
    """One reason, as data: the output layer turns it into a sentence."""

    kind: Kind
    pillar: str | None  # None for a recalibration, which concerns all four
    change: float  # the pillar's change; for a recalibration, the total's
    ticked: int | None = None  # habits only: the pillar's items ticked in the window


def habits_window(day: date) -> tuple[date, date]:
    """The first and last day (both counted) whose ticks explain the record of `day`."""
    return day - timedelta(days=HABITS_WINDOW_DAYS), day - timedelta(days=1)


def explain(change: Change, day: date, ticked: dict[str, int]) -> list[Explanation]:
    """Why the record of `day` differs from the one of `change.since`: each pillar that
    moved, largest move first (LinkedIn's order on a tie), each followed by its habits when
    it moved by `HABITS_MOVE` or more: its items ticked in the window (`ticked`, by pillar),
    said when there are some, or when there are none and the pillar fell (a rise with no
    tick says nothing: there is no cause to offer). When all four fell together, a
    recalibration ends the list instead of any habits."""
    moved = sorted(
        (p for p in PILLARS if _hundredths(change.pillars[p]) != 0),
        key=lambda p: -abs(_hundredths(change.pillars[p])),
    )
    changes = [Explanation(CHANGE, p, change.pillars[p]) for p in moved]
    if is_recalibration(change, day):
        # The falls are LinkedIn's: a count of ticks beside them would read as their cause.
        return [*changes, Explanation(RECALIBRATION, None, change.total)]
    items = []
    for item in changes:
        items.append(item)
        count = ticked.get(str(item.pillar), 0)
        if _hundredths(abs(item.change)) >= _hundredths(HABITS_MOVE) and (
            count > 0 or item.change < 0
        ):
            items.append(item._replace(kind=HABITS, ticked=count))
    return items


def is_recalibration(change: Change, day: date) -> bool:
    """Whether all four pillars fell by `RECALIBRATION_FALL` or more from one day to the
    next (compared as the two-decimal scores LinkedIn shows, so 0.3 is 0.3)."""
    if (day - change.since).days > RECALIBRATION_MAX_GAP_DAYS:
        return False
    return all(-_hundredths(change.pillars[p]) >= _hundredths(RECALIBRATION_FALL) for p in PILLARS)


def _hundredths(value: float) -> int:
    """`value` in hundredths of a point, the scale scores are shown on: 12.3 - 12.0 is
    0.3000000000000007 in floating point, and 30 here."""
    return round(value * 100)
