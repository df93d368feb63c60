"""`history`: the records over time and what they say, and the complete backup."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from ssi_coach.commands.settings import Settings
from ssi_coach.core.history_report import SHOWN_DAYS, HistoryReport, build_history_report
from ssi_coach.core.records import Record
from ssi_coach.core.saved_plan import SavedPlan
from ssi_coach.core.values import in_day_range
from ssi_coach.errors import InputError, NothingYet
from ssi_coach.storage.store import open_store


class History(NamedTuple):
    report: HistoryReport  # what the screen shows: the window asked for
    records: list[Record]  # what an export holds: everything, or the window when asked
    ticks: list[tuple[date, str]]
    plans: dict[date, SavedPlan]
    done_before: dict[str, date]
    warnings: list[InputError]  # records dated outside the days ssi-coach takes


class _Backup(NamedTuple):
    """What only a backup needs besides the records."""

    ticks: list[tuple[date, str]]
    plans: dict[date, SavedPlan]
    done_before: dict[str, date]


def history(
    settings: Settings, today: date, window: int | None, *, backup: bool = False
) -> History:
    """The report over the last `window` days (30 by default) up to the latest record; with
    `backup`, every tick, day plan and one-off done before ssi-coach too (the exports hold
    everything unless a window is given)."""
    with open_store(create=False) as store:
        records = [] if store is None else store.records()
        if store is None or not records:
            raise NothingYet("", "err.no_scores_yet")
        completed, fully_done = store.completed_pillars(), store.completed_days()
        kept = (
            _Backup(store.all_ticks(), store.all_plans(), store.all_done_before())
            if backup
            else _Backup([], {}, {})
        )
    usable, warnings = _usable(records, today)
    report = build_history_report(
        usable,
        completed,
        fully_done,
        today,
        settings.target,
        window or SHOWN_DAYS,
        settings.rest_days,
    )
    found = History(report, records, *kept, warnings)
    return found if window is None else _within(found, report.records[0].day)


def _usable(records: list[Record], today: date) -> tuple[list[Record], list[InputError]]:
    """The records the report can use, and a warning for each other: a record dated outside
    LinkedIn's years (an older release, a hand edit) is kept in the backup and named, but left
    out of the report, whose dates it would break."""
    usable = [r for r in records if in_day_range(r.day, today)]
    if not usable:
        raise NothingYet("", "err.no_scores_yet")
    outside = [r for r in records if not in_day_range(r.day, today)]
    return usable, [InputError(r.day.isoformat(), "warn.outside_record") for r in outside]


def _within(found: History, first: date) -> History:
    """The exports of a window: its records, and the ticks and plans from its first day."""
    return found._replace(
        records=found.report.records,
        ticks=[tick for tick in found.ticks if tick[0] >= first],
        plans={day: plan for day, plan in found.plans.items() if day >= first},
    )


def forget(day: date) -> int:
    """Deletes everything stored for `day` (record, plan, ticks); how much there was. A day
    with nothing stored is an InputError, and nothing changes."""
    with open_store(create=False) as store:
        removed = 0 if store is None else store.forget(day)
    if not removed:
        raise InputError(day.isoformat(), "err.nothing_on_day")
    return removed
