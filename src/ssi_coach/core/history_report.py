"""The history report: the records of a window of days, each with its change, and what the
whole history says (streak, forecast, habits that worked)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from ssi_coach.core.records import Change, Record, change_between
from ssi_coach.core.trends import (
    Forecast,
    HabitEffect,
    Streak,
    forecast,
    habits_that_worked,
    streak,
)

SHOWN_DAYS = 30  # what `history` shows on screen unless told --days


class HistoryReport(NamedTuple):
    records: list[Record]  # the records shown, oldest first
    changes: list[Change | None]  # each shown record's change since the record before it
    target: float
    streak: Streak
    forecast: Forecast
    habits: list[HabitEffect]


def build_history_report(
    records: list[Record],
    completed: dict[date, dict[str, bool]],
    fully_done: list[date],
    today: date,
    target: float,
    days: int,
    rest_days: tuple[str, ...],
) -> HistoryReport:
    """The records of the last `days` days up to the latest one, with what they say.
    `completed` says, for each planned day, which pillars had all their items ticked, and
    `fully_done` lists the days with every item ticked; the streak skips the `rest_days`."""
    shown_from = records[-1].day - timedelta(days=days - 1) if records else today
    first_shown = next((i for i, r in enumerate(records) if r.day >= shown_from), len(records))
    changes = [
        change_between(records[i - 1], records[i]) if i > 0 else None
        for i in range(first_shown, len(records))
    ]
    return HistoryReport(
        records=records[first_shown:],
        changes=changes,
        target=target,
        streak=streak(fully_done, today, rest_days),
        forecast=forecast(records, target),
        habits=habits_that_worked(records, completed),
    )
