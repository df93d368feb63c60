"""What the history says: streaks, the forecast of the target date, and habits that worked.

Pure functions over records and ticks; the store gathers the data, the renderer shows it.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from itertools import pairwise
from typing import TYPE_CHECKING, Final, NamedTuple

from ssi_coach.core.pillars import PILLARS
from ssi_coach.core.records import Record

if TYPE_CHECKING:
    from statistics import LinearRegression

FORECAST_WINDOW_DAYS = 28
FORECAST_MIN_RECORDS = 3
FORECAST_MIN_SPAN_DAYS = 7
HABITS_MIN_RECORDS = 14
HABITS_MIN_DAYS_PER_GROUP = 3


class Streak(NamedTuple):
    current: int
    best: int


class Forecast(NamedTuple):
    """Where the total goes at the pace of the last 28 days, projected from the latest total
    (so that latest + days x pace reaches the target, as the sentence says)."""

    target: float
    per_day: float | None  # the pace, in points a day; None when there is too little data
    day: date | None  # when the target is reached at this pace; None if never (or unknown)
    reached: bool = False  # the latest total is already at or above the target
    latest: float | None = None  # the latest total, where the projection starts
    days: int | None = None  # days from the latest record to `day`
    records: int = 0  # records in the window the pace comes from
    span_days: int = 0  # days that window covers, first and last included


class HabitEffect(NamedTuple):
    """The average change of a pillar on the record after days its items were all ticked,
    against the days they were not, with the number of days behind each figure."""

    pillar: str
    done_change: float
    done_days: int
    not_done_change: float
    not_done_days: int


WEEKDAYS: Final = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DEFAULT_REST_DAYS: Final = ("sat", "sun")


def is_rest_day(day: date, rest_days: tuple[str, ...]) -> bool:
    return WEEKDAYS[day.weekday()] in rest_days


def streak(
    completed_days: list[date], today: date, rest_days: tuple[str, ...] = DEFAULT_REST_DAYS
) -> Streak:
    """Working days in a row with every item ticked, ending today or yesterday, and the best
    such run. A rest day left alone never breaks a run; a rest day done in full adds to it.
    (Days as ordinals: ten years of history is thousands of them.)"""
    resting = {WEEKDAYS.index(day) for day in rest_days}

    def only_rest_after(first: int, last: int) -> bool:
        """Whether every day after the ordinal `first`, up to `last` included, is a rest day."""
        if last - first > len(resting):  # a longer gap holds a working day (unless all rest)
            return len(resting) == len(WEEKDAYS)
        return all((day - 1) % 7 in resting for day in range(first + 1, last + 1))

    best = run = 0
    previous = 0
    for day in sorted({d.toordinal() for d in completed_days}):
        # The day after the previous one (most days of a run) needs no look at the calendar.
        follows = previous and (day - previous == 1 or only_rest_after(previous, day - 1))
        run = run + 1 if follows else 1
        best = max(best, run)
        previous = day
    # Today is still in progress: a run that ended yesterday (or before a rest) still counts.
    start = today.toordinal() if previous == today.toordinal() else today.toordinal() - 1
    current = run if previous and previous <= start and only_rest_after(previous, start) else 0
    return Streak(current=current, best=best)


def current_streak(
    recent_days: list[date], since: date, today: date, rest_days: tuple[str, ...]
) -> int | None:
    """`streak(...).current` from `recent_days`, the completed days on or after `since` (all of
    them, later than `today` too): a status needs no ten years of days. None when these cannot
    tell, because the run may go on before `since` (then only every completed day can)."""
    if set(WEEKDAYS) <= set(rest_days) or (today - since).days <= len(WEEKDAYS):
        return None  # a run may cross any gap, or `since` is too near to see where it ends
    found = streak(recent_days, today, rest_days).current
    # A run back to the first of the recent days may have begun before it.
    return None if found and found >= len(set(recent_days)) else found


def forecast(records: list[Record], target: float) -> Forecast:
    """When the total reaches `target` going on from the latest total at the pace of the last
    28 days (the slope of the least-squares line over the records in that window: at least 3,
    over at least 7 days counted as people count them, first and last included)."""
    if not records:
        return Forecast(target=target, per_day=None, day=None)
    latest = records[-1]
    window = [r for r in records if (latest.day - r.day).days < FORECAST_WINDOW_DAYS]
    line = _fit(window)
    per_day = None if line is None else round(line.slope, 3)
    span = (window[-1].day - window[0].day).days + 1
    found = Forecast(
        target, per_day, None, latest=latest.total, records=len(window), span_days=span
    )
    if latest.total >= target:
        return found._replace(day=latest.day, reached=True, days=0)
    if per_day is None or len(window) < FORECAST_MIN_RECORDS or span < FORECAST_MIN_SPAN_DAYS:
        return found._replace(per_day=None)
    if per_day <= 0:
        return found
    # From the latest total at the pace shown (the rounded slope, as the JSON gives it).
    days = max(1, math.ceil((target - latest.total) / per_day))
    return found._replace(day=latest.day + timedelta(days=days), days=days)


def _fit(records: list[Record]) -> LinearRegression | None:
    """The least-squares line through (days from the latest record, total); None when the
    records are too few or all on one day."""
    from statistics import linear_regression

    days = [(r.day - records[-1].day).days for r in records]
    if len(set(days)) < 2:
        return None
    return linear_regression(days, [r.total for r in records])


def habits_that_worked(
    records: list[Record], completed: dict[date, dict[str, bool]]
) -> list[HabitEffect]:
    """For each pillar: the change on each record, grouped by whether the pillar's items were
    all ticked on the day of the record before it (the day whose work the new record shows).

    Nothing before 14 records, and nothing for a pillar with fewer than 3 days in a group.
    """
    if len(records) < HABITS_MIN_RECORDS:
        return []
    effects = []
    for pillar in PILLARS:
        done: list[float] = []
        not_done: list[float] = []
        for previous, record in pairwise(records):
            change = record.scores[pillar] - previous.scores[pillar]
            was_done = completed.get(previous.day, {}).get(pillar, False)
            (done if was_done else not_done).append(change)
        if min(len(done), len(not_done)) >= HABITS_MIN_DAYS_PER_GROUP:
            effects.append(
                HabitEffect(
                    pillar=pillar,
                    done_change=round(sum(done) / len(done), 2),
                    done_days=len(done),
                    not_done_change=round(sum(not_done) / len(not_done), 2),
                    not_done_days=len(not_done),
                )
            )
    return effects
