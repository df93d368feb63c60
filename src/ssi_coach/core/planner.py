"""The daily plan: which actions to do today, and for how many minutes.

The rules, for every budget from 10 to 60 minutes and every set of scores:
- the items' minutes add up exactly to the budget;
- the weakest pillar is the focus and gets strictly more minutes than any other pillar;
- every pillar gets at least one item, since the pillars feed each other;
- each item suits its pillar's score (the rulebook gives each action a score range);
- the same inputs always give the same plan, and when more actions suit a pillar than fit
  in its minutes, the choice rotates from one day to the next.
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from typing import NamedTuple

from ssi_coach.core.budget import MAX_BUDGET, MIN_BUDGET
from ssi_coach.core.pillars import MAX_PILLAR_SCORE, PILLARS
from ssi_coach.core.rulebook import Action, Rulebook
from ssi_coach.core.scoring import weakest_pillar


class PlanItem(NamedTuple):
    action: Action
    minutes: int


class Plan(NamedTuple):
    day: date
    minutes: int
    focus: str
    items: tuple[PlanItem, ...]

    def minutes_for(self, pillar: str) -> int:
        return sum(item.minutes for item in self.items if item.action.pillar == pillar)


class UnfillableError(Exception):
    """The rulebook's actions cannot fill a pillar's minutes (a rulebook check prevents it)."""


def build_plan(scores: dict[str, float], budget: int, day: date, rulebook: Rulebook) -> Plan:
    focus = weakest_pillar(scores)
    shares = allocate_minutes(budget, focus, rulebook.focus_share)
    items: list[PlanItem] = []
    for pillar in sorted(PILLARS, key=lambda p: p != focus):  # the focus first, then in order
        candidates = rotate(rulebook.actions_for(pillar, scores[pillar]), day)
        filled = fill_minutes(shares[pillar], candidates)
        if filled is None:
            raise UnfillableError(f"{pillar}: {shares[pillar]} minutes")
        items += filled
    return Plan(day=day, minutes=budget, focus=focus, items=tuple(items))


def allocate_minutes(budget: int, focus: str, focus_share: float) -> dict[str, int]:
    """The minutes of each pillar: about `focus_share` of the budget to the focus, the rest
    shared evenly, and the focus always strictly ahead of every other pillar."""
    others = [p for p in PILLARS if p != focus]
    focus_minutes = round(budget * focus_share)
    while True:
        base, extra = divmod(budget - focus_minutes, len(others))
        if focus_minutes > base + (1 if extra else 0):
            break
        focus_minutes += 1
    shares = {focus: focus_minutes}
    for index, pillar in enumerate(others):
        shares[pillar] = base + (1 if index < extra else 0)
    return shares


def rotate(candidates: list[Action], day: date) -> list[Action]:
    """`candidates` starting at a position that moves on by one each day."""
    if not candidates:
        return candidates
    start = day.toordinal() % len(candidates)
    return candidates[start:] + candidates[:start]


def fill_minutes(minutes: int, candidates: list[Action]) -> list[PlanItem] | None:
    """Items from `candidates`, in their order, whose minutes add up to exactly `minutes`.

    Actions are taken until their typical durations (the middle of each range) cover the
    minutes, skipping any whose shortest duration no longer fits; each starts at its shortest
    and the time left is shared out a minute at a time. None when it cannot be done.
    """
    chosen: list[Action] = []
    shortest = longest = 0
    typical = 0.0
    for action in candidates:
        if longest >= minutes and typical >= minutes:
            break
        if shortest + action.minutes_low <= minutes:
            chosen.append(action)
            shortest += action.minutes_low
            longest += action.minutes_high
            typical += (action.minutes_low + action.minutes_high) / 2
    if not chosen or longest < minutes:
        return None
    durations = _spread(minutes, chosen)
    return [PlanItem(action, n) for action, n in zip(chosen, durations, strict=True)]


def _spread(minutes: int, actions: list[Action]) -> list[int]:
    """Durations for `actions` that add up to `minutes`: each starts at its shortest, then
    the time left goes a minute at a time, round the items, to those that can stretch."""
    durations = [action.minutes_low for action in actions]
    left = minutes - sum(durations)
    while left:
        for index, action in enumerate(actions):
            if left and durations[index] < action.minutes_high:
                durations[index] += 1
                left -= 1
    return durations


def unfillable_budgets(rulebook: Rulebook) -> list[str]:
    """Every case where a budget from 10 to 60 could not be filled by the rules above, for
    any score and any day; empty for a sound rulebook."""
    # Which minute counts each pillar may have to fill, over all budgets and foci.
    needs: dict[str, dict[int, tuple[int, bool]]] = {pillar: {} for pillar in PILLARS}
    for budget in range(MIN_BUDGET, MAX_BUDGET + 1):
        for focus in PILLARS:
            for pillar, minutes in allocate_minutes(budget, focus, rulebook.focus_share).items():
                needs[pillar].setdefault(minutes, (budget, pillar == focus))
    problems = []
    for pillar in PILLARS:
        for low, high in _score_segments(rulebook, pillar):
            candidates = rulebook.actions_for(pillar, low)
            for minutes, (budget, is_focus) in sorted(needs[pillar].items()):
                if any(
                    fill_minutes(minutes, candidates[start:] + candidates[:start]) is None
                    for start in range(len(candidates))
                ):
                    role = "the focus" if is_focus else "not the focus"
                    problems.append(
                        f"actions: the pillar '{pillar}' cannot fill {minutes} minutes for "
                        f"scores from {low:g} to {high:g} (a {budget}-minute budget, {pillar} "
                        f"being {role}): add actions or widen their minutes"
                    )
                    break  # one budget is enough to show the problem for this range
    return problems


def _score_segments(rulebook: Rulebook, pillar: str) -> list[tuple[float, float]]:
    """Score ranges over which the same actions suit the pillar; 25 alone is the last."""
    bounds = sorted(
        {0.0, MAX_PILLAR_SCORE}
        | {a.score_low for a in rulebook.actions if a.pillar == pillar}
        | {a.score_high for a in rulebook.actions if a.pillar == pillar}
    )
    return [*pairwise(bounds), (MAX_PILLAR_SCORE, MAX_PILLAR_SCORE)]
