"""A day's record: the four scores LinkedIn showed, and the averages it compared them with."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from ssi_coach.core.pillars import PILLARS
from ssi_coach.core.scoring import total_score


class Record(NamedTuple):
    day: date
    scores: dict[str, float]
    industry: float | None = None
    network: float | None = None
    industry_rank: int | None = None  # the "top N%" LinkedIn shows against the industry
    network_rank: int | None = None
    team: float | None = None  # a Sales Navigator team's average, when LinkedIn shows it
    team_rank: int | None = None

    @property
    def total(self) -> float:
        return total_score(self.scores)


class Change(NamedTuple):
    """How a record differs from the one before it."""

    since: date
    total: float
    pillars: dict[str, float]


def change_between(previous: Record, record: Record) -> Change:
    return Change(
        since=previous.day,
        total=round(record.total - previous.total, 2),
        pillars={p: round(record.scores[p] - previous.scores[p], 2) for p in PILLARS},
    )
