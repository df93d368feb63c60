"""The rules of a rulebook that a schema cannot express: bands in order, unique ids,
prerequisites that exist and make no cycle, score ranges that cover 0-25, and every budget
from 10 to 60 minutes fillable by the planner whatever the user has done.

Each problem is a sentence that starts with its place in the file (`actions[3].id: ...`).
"""

from __future__ import annotations

from itertools import pairwise, product
from typing import NamedTuple

from ssi_coach.core.budget import MAX_BUDGET, MIN_BUDGET
from ssi_coach.core.pillars import MAX_PILLAR_SCORE, PILLARS
from ssi_coach.core.planner import (
    STRETCHES,
    by_reach,
    choose_group,
    item_cap,
    pillar_caps,
    pillar_shares,
    pillar_totals,
)
from ssi_coach.core.rulebook import Action, Band, Rulebook


def rulebook_problems(rulebook: Rulebook) -> list[str]:
    problems = _band_problems(rulebook.bands)
    problems += _duplicate_ids(rulebook.actions)
    problems += _prerequisite_problems(rulebook.actions)
    problems += _score_gaps(rulebook.actions)
    if not problems:  # filling budgets only makes sense once every score has actions
        problems += _habit_problems(rulebook)
    if not problems:
        problems += _unfillable_budgets(rulebook)
    return problems


def _prerequisite_problems(actions: tuple[Action, ...]) -> list[str]:
    """Every `after` names an action of the rulebook, and no chain of them loops."""
    place = {action.id: number for number, action in enumerate(actions, start=1)}
    problems = [
        f"actions[{number}] (id '{action.id}').after: unknown id '{prerequisite}'"
        for number, action in enumerate(actions, start=1)
        for prerequisite in action.after
        if prerequisite not in place
    ]
    waits_for = {a.id: [p for p in a.after if p in place] for a in actions}
    reported: set[str] = set()
    for action in actions:
        cycle = _cycle_from(action.id, waits_for)
        if cycle and not reported & set(cycle):
            reported |= set(cycle)
            problems.append(
                f"actions[{place[action.id]}] (id '{action.id}').after: the prerequisites "
                f"make a cycle: {' -> '.join([*cycle, cycle[0]])}"
            )
    return problems


def _cycle_from(start: str, waits_for: dict[str, list[str]]) -> list[str] | None:
    """The ids of a cycle of prerequisites through `start`, if there is one."""
    path = [start]
    seen = {start}

    def walk(action_id: str) -> list[str] | None:
        for prerequisite in waits_for[action_id]:
            if prerequisite == start:
                return list(path)
            if prerequisite not in seen:
                seen.add(prerequisite)
                path.append(prerequisite)
                found = walk(prerequisite)
                if found:
                    return found
                path.pop()
        return None

    return walk(start)


def _band_problems(bands: tuple[Band, ...]) -> list[str]:
    problems = []
    if bands[0].lower != 0:
        problems.append(f"bands[1].from: the first band must start at 0, not {bands[0].lower:g}")
    for number, (previous, band) in enumerate(pairwise(bands), start=2):
        if band.lower <= previous.lower:
            problems.append(
                f"bands[{number}].from: {band.lower:g} must be above the previous band's "
                f"{previous.lower:g}"
            )
    seen: set[str] = set()
    for number, band in enumerate(bands, start=1):
        if band.id in seen:
            problems.append(f"bands[{number}].id: duplicate id '{band.id}'")
        seen.add(band.id)
    return problems


def _duplicate_ids(actions: tuple[Action, ...]) -> list[str]:
    first_place: dict[str, int] = {}
    problems = []
    for number, action in enumerate(actions, start=1):
        if action.id in first_place:
            problems.append(
                f"actions[{number}].id: duplicate id '{action.id}' "
                f"(already used by actions[{first_place[action.id]}])"
            )
        else:
            first_place[action.id] = number
    return problems


def _score_gaps(actions: tuple[Action, ...]) -> list[str]:
    problems = []
    for pillar in PILLARS:
        ranges = sorted((a.score_low, a.score_high) for a in actions if a.pillar == pillar)
        if not ranges:
            problems.append(f"actions: no action for the pillar '{pillar}'")
            continue
        covered = 0.0
        for low, high in ranges:
            if low > covered:
                problems.append(
                    f"actions: the pillar '{pillar}' has no action for scores "
                    f"from {covered:g} to {low:g}"
                )
            covered = max(covered, high)
        if covered < MAX_PILLAR_SCORE:
            problems.append(
                f"actions: the pillar '{pillar}' has no action for scores "
                f"from {covered:g} to {MAX_PILLAR_SCORE:g}"
            )
    return problems


def _segments(actions: tuple[Action, ...], pillar: str) -> list[tuple[float, float]]:
    """Score ranges over which the same actions suit the pillar; 25 alone is the last."""
    bounds = sorted(
        {0.0, MAX_PILLAR_SCORE}
        | {a.score_low for a in actions if a.pillar == pillar}
        | {a.score_high for a in actions if a.pillar == pillar}
    )
    return [*pairwise(bounds), (MAX_PILLAR_SCORE, MAX_PILLAR_SCORE)]


def _habits(rulebook: Rulebook, pillar: str, score: float) -> list[Action]:
    return [a for a in rulebook.actions_for(pillar, score) if a.cadence == "daily"]


class _Segment(NamedTuple):
    """A score range of a pillar over which the same actions suit it."""

    low: float
    high: float
    habits: tuple[Action, ...]
    rotating: list[Action]  # without tools, the longest first: as the planner falls back


def _pillar_segments(rulebook: Rulebook) -> dict[str, list[_Segment]]:
    """Each pillar's score ranges, with the daily habits and the rotating actions that any
    user (no tools, no prerequisites done, no publication left this week) may get there."""
    return {
        p: [
            _Segment(
                low,
                high,
                tuple(_habits(rulebook, p, low)),
                by_reach(
                    [
                        a
                        for a in rulebook.actions_for(p, low)
                        if a.cadence == "rotate" and not (a.needs or a.publishes or a.after)
                    ]
                ),
            )
            for low, high in _segments(rulebook.actions, p)
        ]
        for p in PILLARS
    }


def _habit_combinations(
    segments: dict[str, list[_Segment]],
) -> list[dict[str, tuple[Action, ...]]]:
    """Every set of daily habits the four pillars' scores can bring together."""
    per_pillar = [
        list({tuple(a.id for a in s.habits): s.habits for s in segments[p]}.values())
        for p in PILLARS
    ]
    return [dict(zip(PILLARS, combo, strict=True)) for combo in product(*per_pillar)]


def _habit_problems(rulebook: Rulebook) -> list[str]:
    """Below 20 minutes the plan is the daily habits and the focus: for every set of scores,
    the habits at their shortest must leave the focus strictly the most minutes, within the
    item limit of the smallest budget."""
    for habits in _habit_combinations(_pillar_segments(rulebook)):
        every = [a for group in habits.values() for a in group]
        focus = next((f for f in PILLARS if not _room_for_focus(habits, f)), None)
        if every and focus is not None:
            ids = ", ".join(a.id for a in every)
            return [
                f"actions: the daily habits {ids} suit the same scores but leave a "
                f"{MIN_BUDGET}-minute plan no room to put the focus ({focus}) ahead: keep "
                "at most 2 habits for any set of scores, and their shortest minutes short"
            ]
    return []


def _room_for_focus(habits: dict[str, tuple[Action, ...]], focus: str) -> bool:
    """Whether the other pillars' habits, at their shortest, leave the focus strictly ahead
    in the smallest budget, within its item limit."""
    others = [sum(a.minutes_low for a in habits[p]) for p in PILLARS if p != focus]
    count = sum(len(group) for group in habits.values())
    return count + 1 <= item_cap(MIN_BUDGET) and MIN_BUDGET - sum(others) > max(others)


def _unfillable_budgets(rulebook: Rulebook) -> list[str]:
    """Every case where a budget from 10 to 60 could not be filled by daily habits and
    rotating actions alone: a user with no tools, every one-off done, every weekly quota
    and the week's publications used. The plan the planner falls back on must always exist.
    For each set of daily habits, budget and focus, every combination of the pillars' score
    ranges is tried."""
    segments = _pillar_segments(rulebook)
    for habits in _habit_combinations(segments):
        for focus in PILLARS:
            for budget in range(MIN_BUDGET, MAX_BUDGET + 1):
                problem = _fill_problem(rulebook, segments, habits, focus, budget)
                if problem:
                    return [problem]
    return []


def _fill_problem(
    rulebook: Rulebook,
    segments: dict[str, list[_Segment]],
    habits: dict[str, tuple[Action, ...]],
    focus: str,
    budget: int,
) -> str | None:
    habit_minutes = {p: sum(a.minutes_low for a in habits[p]) for p in PILLARS}
    shares = pillar_shares(budget, focus, rulebook.focus_share, habit_minutes)
    caps = pillar_caps(budget, shares, focus, {p: len(habits[p]) for p in PILLARS})
    case = f"a {budget}-minute budget with {focus} as the focus"
    ranges: dict[str, set[tuple[int, int]]] = {}
    for pillar in PILLARS:
        for segment in (s for s in segments[pillar] if s.habits == habits[pillar]):
            group = choose_group(
                shares[pillar],
                caps[pillar],
                list(segment.habits),
                segment.rotating,
                needs_work=pillar == focus,
                stretch=STRETCHES[-1],
            )
            if group is None:
                return (
                    f"actions: the pillar '{pillar}' has no action to fill its "
                    f"{_count(shares[pillar], 'minute')} in {_count(caps[pillar], 'item')} "
                    "for scores from "
                    f"{segment.low:g} to {segment.high:g} ({case}): add rotating actions"
                    + _share_fix(rulebook.focus_share, pillar, focus)
                )
            if group:
                shortest = sum(a.minutes_low for a in group)
                ranges.setdefault(pillar, set()).add((shortest, sum(a.minutes_high for a in group)))
    return _allocation_problem(ranges, budget, focus, shares, case)


def _share_fix(focus_share: float, pillar: str, focus: str) -> str:
    """A large focus share leaves the other pillars a minute or two, shorter than any of
    their actions: the fix may then be the share rather than the actions."""
    if pillar == focus:
        return ""
    return f", or lower focus_share ({focus_share:g}) to give the other pillars more minutes"


def _count(n: int, noun: str) -> str:
    """`1 minute`, `2 minutes`: rulebook problems are read by the rulebook's author."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _allocation_problem(
    ranges: dict[str, set[tuple[int, int]]],
    budget: int,
    focus: str,
    shares: dict[str, int],
    case: str,
) -> str | None:
    """A problem when some combination of the pillars' ranges of minutes cannot add up to
    the budget with the focus strictly ahead."""
    pillars = sorted(ranges)
    for combination in product(*(sorted(ranges[p]) for p in pillars)):  # every score range
        low = {p: r[0] for p, r in zip(pillars, combination, strict=True)}
        high = {p: r[1] for p, r in zip(pillars, combination, strict=True)}
        if pillar_totals(low, high, budget, focus, shares) is None:
            taken = ", ".join(f"{p} {low[p]}-{high[p]}" for p in pillars)
            return (
                f"actions: {case} cannot be filled by daily and rotating actions alone (as for "
                f"a user who has done every one-off): the pillars can take {taken} minutes, "
                f"and {focus} must have strictly the most; add rotating actions or widen their "
                "minutes"
            )
    return None
