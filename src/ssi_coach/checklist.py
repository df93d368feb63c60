"""Today's checklist: the day's plan, built from the latest scores on or before the day, with
what is ticked, the minutes left and the streak; and ticking items off by number or id."""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

from ssi_coach.errors import InputError
from ssi_coach.pillars import Lang
from ssi_coach.planner import build_plan
from ssi_coach.rulebook import Action, Rulebook
from ssi_coach.store import Store
from ssi_coach.trends import Streak, streak


class ChecklistItem(NamedTuple):
    number: int
    action: Action
    minutes: int
    done: bool


class Checklist(NamedTuple):
    day: date
    based_on: date  # the date of the record the plan comes from
    items: tuple[ChecklistItem, ...]
    streak: Streak

    @property
    def minutes_left(self) -> int:
        return sum(item.minutes for item in self.items if not item.done)

    def to_json(self, lang: Lang) -> dict[str, Any]:
        return {
            "date": self.day.isoformat(),
            "based_on": self.based_on.isoformat(),
            "items": [
                {
                    "number": item.number,
                    "id": item.action.id,
                    "pillar": item.action.pillar,
                    "minutes": item.minutes,
                    "text": item.action.text[lang],
                    "done": item.done,
                }
                for item in self.items
            ],
            "minutes_left": self.minutes_left,
            "streak": {"current": self.streak.current, "best": self.streak.best},
        }


def build_checklist(store: Store, day: date, budget: int, rulebook: Rulebook) -> Checklist | None:
    """The checklist for `day`, or None when there is no record on or before it."""
    record = store.record_on_or_before(day)
    if record is None:
        return None
    plan = build_plan(record.scores, budget, day, rulebook)
    store.remember_plan(plan)
    ticked = store.ticks(day)
    return Checklist(
        day=day,
        based_on=record.day,
        items=tuple(
            ChecklistItem(number, item.action, item.minutes, item.action.id in ticked)
            for number, item in enumerate(plan.items, start=1)
        ),
        streak=streak(store.completed_days(), day),
    )


def resolve_items(checklist: Checklist, references: list[str]) -> list[str]:
    """The ids of the items named by number (as `today` shows them) or by id.

    Raises InputError on the first reference that names no item of the day.
    """
    by_number = {str(item.number): item.action.id for item in checklist.items}
    ids = {item.action.id for item in checklist.items}
    resolved = []
    for reference in references:
        key = reference.strip()
        if key in by_number:
            resolved.append(by_number[key])
        elif key in ids:
            resolved.append(key)
        else:
            raise InputError(reference, "err.item", count=len(checklist.items))
    return resolved
