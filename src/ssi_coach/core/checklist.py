"""Today's checklist: the day's plan with what is ticked, the minutes left and the streak;
and which items a user means when they name them by number or id."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from ssi_coach.core.planner import PlanItem
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
    based_on: date | None  # the date of the record the plan comes from, when known
    items: tuple[ChecklistItem, ...]
    streak: Streak
    rest_day: bool = False  # no plan expected today: the checklist is optional

    @property
    def minutes_left(self) -> int:
        return sum(item.minutes for item in self.items if not item.done)

    @property
    def ids(self) -> list[str]:
        return [item.action.id for item in self.items]


class Skipped(NamedTuple):
    """What `skip` did: the day's checklist after it, the action skipped and the one that
    took its place (None when it was done before ssi-coach and nothing else fits)."""

    checklist: Checklist
    skipped: Action
    replaced_by: Action | None


def build_checklist(
    day: date,
    based_on: date | None,
    items: Sequence[PlanItem],
    ticked: set[str],
    streak: Streak,
    rest_day: bool = False,
) -> Checklist:
    return Checklist(
        day=day,
        based_on=based_on,
        items=tuple(
            ChecklistItem(number, item.action, item.minutes, item.action.id in ticked)
            for number, item in enumerate(items, start=1)
        ),
        streak=streak,
        rest_day=rest_day,
    )


def find_item(checklist: Checklist, reference: str) -> ChecklistItem:
    """The item named by number or id; InputError when the day has none such."""
    [action_id] = resolve_items(checklist, [reference])
    return next(item for item in checklist.items if item.action.id == action_id)


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
