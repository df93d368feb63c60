"""The weekly review: where the SSI stood at the start and the end of a period, what was
planned and done, and one suggestion for next week.

Pure functions over what the store gathered (`ReviewData`); the renderers say it.

The rules, in one place:
- the period runs from `first` to `last`, both included: the last N days ending on the day
  asked for (today by default), or an ISO week, Monday to Sunday;
- the start is the latest record before the period's first day (the SSI as the period
  began), else the first record within it; the end is the latest record on or before its last
  day. Both may be the same record (no change);
- a day counts when it has a saved plan, except a rest day on which nothing was ticked (its
  plan was optional, as for the streak); a day is done when every item of its plan is ticked;
- the top actions are the three ticked on the most days (then by id), whatever their cadence;
- a one-off is a `once` action of the rulebook ticked in the period, or marked as done before
  ssi-coach (`skip --already-done`) in it, on the first such day;
- the suggestion, see `suggest`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Final, NamedTuple

from ssi_coach.core.pillars import PILLARS
from ssi_coach.core.records import Change, Record, change_between
from ssi_coach.core.rulebook import Action, Rulebook, placeholder_action
from ssi_coach.core.scoring import weakest_pillar
from ssi_coach.core.trends import Streak, is_rest_day, streak
from ssi_coach.core.values import parse_iso_week, parse_whole

DEFAULT_DAYS: Final = 7
MAX_DAYS: Final = 366  # a year, leap or not
TOP_ACTIONS: Final = 3
# A pillar is "neglected" when none of its items was ticked on at least this share of the
# counted days that planned one, and on at least this many days.
NEGLECTED_SHARE: Final = 0.5
NEGLECTED_MIN_DAYS: Final = 2


class Period(NamedTuple):
    first: date
    last: date
    week: str | None = None  # "2026-W48" when the period is an ISO week

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


class PillarProgress(NamedTuple):
    """One pillar's share of a day's plan: its items and minutes, and how many were ticked."""

    items: int
    ticked: int
    minutes: int
    minutes_done: int


NO_PROGRESS: Final = PillarProgress(0, 0, 0, 0)


class ActionTicks(NamedTuple):
    """An action ticked in the period: its pillar, on how many days, and the first of them."""

    action_id: str
    pillar: str
    days: int
    first: date


class Minutes(NamedTuple):
    done: int
    planned: int


class Done(NamedTuple):
    """An action done in the period: how often (top actions), or when (one-offs)."""

    action: Action
    times: int  # days it was ticked on
    day: date


class Suggestion(NamedTuple):
    """What to start next week with, and why: `neglected` (the pillar fell while its items
    were left undone on `missed` of `days` days) or `weakest` (the weakest pillar at the end)."""

    kind: str
    pillar: str
    action: Action
    change: float
    score: float
    missed: int = 0
    days: int = 0


class ReviewData(NamedTuple):
    """What the store holds that the review needs."""

    start: Record
    end: Record
    progress: dict[date, dict[str, PillarProgress]]  # days with a plan in the period
    ticked: list[ActionTicks]  # actions ticked in the period
    done_before: dict[str, date]  # one-offs marked as done before ssi-coach, and when
    completed_days: list[date]  # every day done in full, oldest first (for the streak)


class Review(NamedTuple):
    period: Period
    start: Record
    end: Record
    change: Change
    minutes: dict[str, Minutes]  # per pillar, in LinkedIn's order
    days_planned: int
    days_done: int
    streak: Streak
    top_actions: list[Done]
    one_offs: list[Done]
    suggestion: Suggestion

    @property
    def minutes_done(self) -> int:
        return sum(m.done for m in self.minutes.values())

    @property
    def minutes_planned(self) -> int:
        return sum(m.planned for m in self.minutes.values())


def period_of(days: str | None, week: str | None, last: date, today: date) -> Period:
    """The period the options name: the ISO `week`, else the `days` (7 by default) ending on
    `last`. The caller refuses --week with --days or --date."""
    if week is not None:
        monday = parse_iso_week(week, today=today)
        year, number, _ = monday.isocalendar()
        return Period(monday, monday + timedelta(days=6), f"{year}-W{number:02d}")
    count = DEFAULT_DAYS if days is None else parse_whole(days, "--days", 1, MAX_DAYS)
    return Period(last - timedelta(days=count - 1), last)


def build_review(
    period: Period,
    data: ReviewData,
    rulebook: Rulebook,
    rest_days: tuple[str, ...],
    today: date,
    offered: Callable[[Action], bool],
) -> Review:
    """The review of `period`. The streak is the one at the period's end (or today, for a
    period still running); `offered` says whether an action may be planned next week."""
    counted = counted_days(data.progress, rest_days)
    as_of = min(period.last, today)
    done_by_then = [day for day in data.completed_days if day <= as_of]
    return Review(
        period=period,
        start=data.start,
        end=data.end,
        change=change_between(data.start, data.end),
        minutes=minutes_per_pillar(counted),
        days_planned=len(counted),
        days_done=sum(_complete(pillars) for pillars in counted.values()),
        streak=streak(done_by_then, as_of, rest_days),
        top_actions=top_actions(data.ticked, rulebook),
        one_offs=one_offs_done(data.ticked, data.done_before, period, rulebook),
        suggestion=suggest(data.start, data.end, counted, rulebook, offered),
    )


def counted_days(
    progress: dict[date, dict[str, PillarProgress]], rest_days: tuple[str, ...]
) -> dict[date, dict[str, PillarProgress]]:
    """The days with a plan that count: all but the rest days on which nothing was ticked."""
    return {
        day: pillars
        for day, pillars in progress.items()
        if not is_rest_day(day, rest_days) or any(p.ticked for p in pillars.values())
    }


def _complete(pillars: dict[str, PillarProgress]) -> bool:
    return all(p.ticked == p.items for p in pillars.values())


def minutes_per_pillar(counted: dict[date, dict[str, PillarProgress]]) -> dict[str, Minutes]:
    return {
        pillar: Minutes(
            done=sum(day.get(pillar, NO_PROGRESS).minutes_done for day in counted.values()),
            planned=sum(day.get(pillar, NO_PROGRESS).minutes for day in counted.values()),
        )
        for pillar in PILLARS
    }


def top_actions(ticked: list[ActionTicks], rulebook: Rulebook) -> list[Done]:
    """The actions ticked on the most days, most first, then by id."""
    ranked = sorted(ticked, key=lambda t: (-t.days, t.action_id))[:TOP_ACTIONS]
    return [
        Done(
            rulebook.action(t.action_id) or placeholder_action(t.action_id, t.pillar),
            t.days,
            t.first,
        )
        for t in ranked
    ]


def one_offs_done(
    ticked: list[ActionTicks],
    done_before: dict[str, date],
    period: Period,
    rulebook: Rulebook,
) -> list[Done]:
    """The rulebook's one-offs ticked, or marked as done before ssi-coach, in the period: on
    the first such day, oldest first (then by id)."""
    when = {t.action_id: t.first for t in ticked}
    for action_id, day in done_before.items():
        if period.first <= day <= period.last:
            when[action_id] = min(day, when.get(action_id, day))
    done = []
    for action_id, day in when.items():
        action = rulebook.action(action_id)
        if action is not None and action.cadence == "once":
            done.append(Done(action, 1, day))
    return sorted(done, key=lambda d: (d.day, d.action.id))


def suggest(
    start: Record,
    end: Record,
    counted: dict[date, dict[str, PillarProgress]],
    rulebook: Rulebook,
    offered: Callable[[Action], bool],
) -> Suggestion:
    """One thing to start next week with.

    1. `neglected`: among the pillars that fell from start to end, those whose items were left
       all undone on at least half (and at least 2) of the counted days that planned one; the
       largest fall wins (then the most days missed, then LinkedIn's order).
    2. Otherwise `weakest`: the weakest pillar at the end.

    The action is the pillar's first in the rulebook that suits its score at the end and may
    be planned next week (`offered`: not a one-off already done, tools the user has...), else
    the rulebook's leading action for that score. It states a correlation, never a cause.
    """
    change = change_between(start, end)
    candidates = []
    for pillar in PILLARS:
        planned = [day for day in counted.values() if day.get(pillar, NO_PROGRESS).items]
        missed = sum(day[pillar].ticked == 0 for day in planned)
        fell = change.pillars[pillar] < 0
        if fell and missed >= NEGLECTED_MIN_DAYS and missed >= NEGLECTED_SHARE * len(planned):
            candidates.append(
                (change.pillars[pillar], -missed, PILLARS.index(pillar), len(planned))
            )
    if candidates:
        fall, minus_missed, index, days = min(candidates)
        pillar = PILLARS[index]
        action = _first_action(rulebook, pillar, end, offered)
        return Suggestion(
            "neglected", pillar, action, fall, end.scores[pillar], -minus_missed, days
        )
    pillar = weakest_pillar(end.scores)
    action = _first_action(rulebook, pillar, end, offered)
    return Suggestion("weakest", pillar, action, change.pillars[pillar], end.scores[pillar])


def _first_action(
    rulebook: Rulebook, pillar: str, end: Record, offered: Callable[[Action], bool]
) -> Action:
    score = end.scores[pillar]
    suiting = [a for a in rulebook.actions_for(pillar, score) if offered(a)]
    return suiting[0] if suiting else rulebook.leading_action(pillar, score)
