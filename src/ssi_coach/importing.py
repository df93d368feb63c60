"""Writing an imported history into the store, all in one transaction.

Ticked days need the plan of the day to count for streaks and habits; a backup holds only
the ticks, so the plan is rebuilt from the records, as `today` would have built it.
"""

from __future__ import annotations

from bisect import bisect_right

from ssi_coach.exchange import History
from ssi_coach.planner import build_plan
from ssi_coach.rulebook import Rulebook
from ssi_coach.store import open_store, plan_items


def import_history(history: History, budget: int, rulebook: Rulebook) -> None:
    with open_store() as store:
        assert store is not None  # open_store creates the database when asked to
        merged = {r.day: r for r in store.records()} | {r.day: r for r in history.records}
        days = sorted(merged)
        planned = store.planned_days()
        plans = {}
        for day in sorted({day for day, _ in history.ticks} - planned):
            position = bisect_right(days, day)
            if position == 0:
                continue  # ticks before any record: kept, but no plan to count them against
            record = merged[days[position - 1]]
            plans[day] = plan_items(build_plan(record.scores, budget, day, rulebook))
        store.import_history(history.records, history.ticks, plans)
