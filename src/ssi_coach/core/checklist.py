"""Today's checklist: the day's plan with what is ticked, the minutes left and the streak;
and which items a user means when they name them by number or id."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from ssi_coach.core.planner import Plan
from ssi_coach.core.rulebook import Action
from ssi_coach.core.trends import Streak
from ssi_coach.errors import InputError


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

    @property
    def ids(self) -> list[str]:
        return [item.action.id for item in self.items]


def build_checklist(plan: Plan, based_on: date, ticked: set[str], streak: Streak) -> Checklist:
    return Checklist(
        day=plan.day,
        based_on=based_on,
        items=tuple(
            ChecklistItem(number, item.action, item.minutes, item.action.id in ticked)
            for number, item in enumerate(plan.items, start=1)
        ),
        streak=streak,
    )


def resolve_items(checklist: Checklist, references: list[str]) -> list[str]:
    """The ids of the items named by number (as `today` shows them) or by id.

    Raises InputError on the first reference that names no item of the day.
    """
    by_number = {str(item.number): item.action.id for item in checklist.items}
    ids = set(checklist.ids)
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
