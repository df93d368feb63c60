"""The rules of a rulebook that a schema cannot express: bands in order, unique ids, score
ranges that cover 0-25, and every budget from 10 to 60 minutes fillable by the planner.

Each problem is a sentence that starts with its place in the file (`actions[3].id: ...`).
"""

from __future__ import annotations

from itertools import pairwise

from ssi_coach.core.pillars import MAX_PILLAR_SCORE, PILLARS
from ssi_coach.core.planner import unfillable_budgets
from ssi_coach.core.rulebook import Action, Band, Rulebook


def rulebook_problems(rulebook: Rulebook) -> list[str]:
    problems = _band_problems(rulebook.bands)
    problems += _duplicate_ids(rulebook.actions)
    problems += _score_gaps(rulebook.actions)
    if not problems:  # filling budgets only makes sense once every score has actions
        problems += unfillable_budgets(rulebook)
    return problems


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
