"""`import`: records (and ticks) from a CSV or a history backup, all in one transaction.

Ticked days need the plan of the day to count for streaks and habits; a backup holds only
the ticks, so the plan is rebuilt from the records, as `today` would have built it.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date
from pathlib import Path
from typing import NamedTuple

from ssi_coach.commands.settings import Settings
from ssi_coach.core.planner import build_plan
from ssi_coach.core.rulebook import Rulebook
from ssi_coach.core.saved_plan import SavedPlan, plan_items
from ssi_coach.formats.history_files import (
    History,
    looks_like_json,
    read_history_csv,
    read_history_json,
)
from ssi_coach.formats.rulebook_file import load_rulebook
from ssi_coach.storage.files import (
    BACKUP_LIMIT,
    first_bytes,
    read_lines,
    read_user_file,
)
from ssi_coach.storage.store import Store, open_store


class Imported(NamedTuple):
    records: int
    ticks: int


def import_history(path: Path, settings: Settings) -> Imported:
    """Checks every row of the file first; any bad row writes nothing."""
    loaded = _read(path)
    rulebook = load_rulebook(settings.rules)
    with open_store() as store:
        assert store is not None  # open_store creates the database when asked to
        plans = loaded.plans | _missing_plans(store, loaded, settings.minutes, rulebook)
        store.import_history(loaded.records, loaded.ticks, plans, loaded.done_before)
    return Imported(records=len(loaded.records), ticks=len(loaded.ticks))


def _read(path: Path) -> History:
    """A JSON backup is read whole; a CSV as a stream, a line at a time, as team reads one."""
    source = str(path)
    if looks_like_json(first_bytes(path, 4096)):
        return read_history_json(read_user_file(path, BACKUP_LIMIT), source)
    loaded, _ = read_lines(source, lambda lines: read_history_csv(lines, source))
    return loaded  # only digits and dates: the encoding it was read in changes nothing


def _missing_plans(
    store: Store, loaded: History, budget: int, rulebook: Rulebook
) -> dict[date, SavedPlan]:
    """The plans of the ticked days that have none (in the file or the history), made from
    the records in force then: a backup of an older release holds only the ticks."""
    merged = {r.day: r for r in store.records()} | {r.day: r for r in loaded.records}
    days = sorted(merged)
    plans = {}
    for day in sorted({day for day, _ in loaded.ticks} - store.planned_days() - set(loaded.plans)):
        position = bisect_right(days, day)
        if position == 0:
            continue  # ticks before any record: kept, but no plan to count them against
        record = merged[days[position - 1]]
        plan = build_plan(record.scores, budget, day, rulebook)
        plans[day] = SavedPlan(plan_items(plan), plan.minutes, None, record.day)
    return plans
