"""Arithmetic on scores: total, weakest pillar, gaps to the maximum and to benchmarks."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from ssi_coach.core.pillars import MAX_PILLAR_SCORE, PILLARS

DEFAULT_TARGET = 75.0  # commonly called an excellent SSI


class PillarGap(NamedTuple):
    key: str
    score: float
    gap_to_max: float
    gap_to_target_share: float  # the target split evenly over the four pillars, minus the score


class BenchmarkGap(NamedTuple):
    name: str  # target, industry, network or team
    value: float
    gap: float  # positive when behind, negative when ahead


class Assessment(NamedTuple):
    scores: dict[str, float]
    total: float
    weakest: str
    pillars: tuple[PillarGap, ...]
    benchmarks: tuple[BenchmarkGap, ...]


def total_score(scores: dict[str, float]) -> float:
    return round(sum(scores[p] for p in PILLARS), 2)


def weakest_pillar(scores: dict[str, float]) -> str:
    """The lowest pillar; a tie goes to the pillar that comes first in LinkedIn's order."""
    return weakest_of([scores[pillar] for pillar in PILLARS])


def weakest_of(scores: Sequence[float]) -> str:
    """`weakest_pillar` of scores given in LinkedIn's order."""
    return PILLARS[scores.index(min(scores))]  # the first of equal lowest scores


def benchmark_gaps(
    total: float,
    target: float,
    industry: float | None = None,
    network: float | None = None,
    team: float | None = None,
) -> tuple[BenchmarkGap, ...]:
    """How far `total` (a user's, or a team's average) is from each benchmark given."""
    given = [("target", target), ("industry", industry), ("network", network), ("team", team)]
    return tuple(
        BenchmarkGap(name=name, value=value, gap=round(value - total, 2))
        for name, value in given
        if value is not None
    )


def assess(
    scores: dict[str, float],
    target: float = DEFAULT_TARGET,
    industry: float | None = None,
    network: float | None = None,
    team: float | None = None,
) -> Assessment:
    total = total_score(scores)
    share = target / len(PILLARS)
    pillars = tuple(
        PillarGap(
            key=p,
            score=scores[p],
            gap_to_max=round(MAX_PILLAR_SCORE - scores[p], 2),
            gap_to_target_share=round(share - scores[p], 2),
        )
        for p in PILLARS
    )
    return Assessment(
        scores=dict(scores),
        total=total,
        weakest=weakest_pillar(scores),
        pillars=pillars,
        benchmarks=benchmark_gaps(total, target, industry, network, team),
    )
