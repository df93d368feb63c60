"""A day's plan as it is kept: numbered items by action id, and what made the plan (the
budget, the rulebook, the record). The store saves it; a backup carries it."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from ssi_coach.core.planner import Plan


class StoredItem(NamedTuple):
    """One item of a day's plan as it was shown, numbered like `today` shows it."""

    number: int
    item_id: str
    pillar: str
    minutes: int


class SavedPlan(NamedTuple):
    items: list[StoredItem]
    minutes: int
    rules: str | None  # the rulebook's path; None for the shipped one
    based_on: date | None  # the record it was made from (None for plans of older releases)


def plan_items(plan: Plan) -> list[StoredItem]:
    """The plan as kept, its items numbered as `today` shows them."""
    return [
        StoredItem(number, item.action.id, item.action.pillar, item.minutes)
        for number, item in enumerate(plan.items, start=1)
    ]
