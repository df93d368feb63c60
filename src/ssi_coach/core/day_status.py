"""The day in one line's worth of facts: the SSI and its change, the focus, the progress of
the day's plan and the streak. What `status` prints and the prompt's status file holds."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from ssi_coach.core.records import Record
    from ssi_coach.core.saved_plan import SavedPlan

# The fields a status template may name, in the order `status --json` gives them.
STATUS_FIELDS = ("total", "change", "focus", "done", "items", "minutes_left", "streak", "date")


class DayStatus(NamedTuple):
    day: date  # the day of the plan whose progress it counts
    scores_day: date  # the record the numbers come from
    total: float
    change: float | None  # since the record before, when there is one
    focus: str  # the weakest pillar of those scores: the plan's focus
    done: int
    items: int
    minutes_left: int
    streak: int
    rest_day: bool


def day_status(
    day: date,
    plan: SavedPlan | None,
    ticked: set[str],
    record: Record,
    previous: Record | None,
    streak: int,
    rest_day: bool,
) -> DayStatus:
    """The status of `day`, from its saved plan (none: nothing to do yet) and ticks, the
    record the plan comes from and the one before it."""
    from ssi_coach.core.records import change_between
    from ssi_coach.core.scoring import weakest_pillar

    items = [] if plan is None else plan.items
    left = sum(item.minutes for item in items if item.item_id not in ticked)
    return DayStatus(
        day=day,
        scores_day=record.day,
        total=record.total,
        change=None if previous is None else change_between(previous, record).total,
        focus=weakest_pillar(record.scores),
        done=sum(1 for item in items if item.item_id in ticked),
        items=len(items),
        minutes_left=left,
        streak=streak,
        rest_day=rest_day,
    )


def fill_template(template: str, values: dict[str, str]) -> str:
    """`template` with its `{placeholder}`s replaced by `values` (one for each of
    STATUS_FIELDS). An unknown placeholder, or a template that is not one, is an InputError
    naming it."""
    from string import Formatter

    from ssi_coach.errors import InputError

    try:
        for _, name, spec, _ in Formatter().parse(template):
            if name is not None and name not in STATUS_FIELDS:
                shown = "{" + name + "}"
                raise InputError("--format", "err.status_placeholder", value=shown)
            if spec and "{" in spec:  # a placeholder inside another one
                raise ValueError(spec)
        return template.format_map(values)
    except ValueError:
        raise InputError("--format", "err.status_template", value=template) from None
