"""The team report: a sales force's reps in, averages, bands, ranks and coaching groups out.

Reading the team's file is `formats/team_file.py`'s job; this module only computes.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from datetime import date
from typing import Final, NamedTuple

from ssi_coach.core.pillars import PILLARS, Lang
from ssi_coach.core.rulebook import Action, Rulebook
from ssi_coach.core.scoring import BenchmarkGap, benchmark_gaps, weakest_pillar
from ssi_coach.errors import InputError

SORT_KEYS: Final = ("total", "name", *PILLARS, "change")


class Rep(NamedTuple):
    name: str
    team: str | None
    day: date | None
    pillar_scores: tuple[float, ...]  # in PILLARS order: a sales force holds a million reps
    total: float  # derived from the scores once: a report reads it a dozen times per rep
    weakest: str
    change: float | None  # total since the rep's previous row, when the file has one

    @property
    def scores(self) -> dict[str, float]:
        return dict(zip(PILLARS, self.pillar_scores, strict=True))


class RejectedRow(NamedTuple):
    """A row of the team's file that could not be used, and why."""

    line: int
    error: InputError


class Averages(NamedTuple):
    reps: int
    total: float
    pillars: dict[str, float]

    @property
    def weakest(self) -> str:
        return weakest_pillar(self.pillars)


class CoachingGroup(NamedTuple):
    pillar: str
    names: list[str]
    training: Action  # the rulebook's leading action for the group's average score


class TeamReport(NamedTuple):
    reps: list[Rep]  # in the order asked for
    totals: array[float]  # every rep's total, lowest first: ranks are read from it
    summary: Averages
    bands: dict[str, int]  # band id -> number of reps, in the rulebook's order
    band_names: dict[str, dict[Lang, str]]  # band id -> its name in each language
    average_band: str  # the band id of the average total
    benchmarks: tuple[BenchmarkGap, ...]
    groups: list[CoachingGroup]  # largest first
    teams: dict[str, Averages]  # per sub-team, when the file has a team column
    rejected: list[RejectedRow]

    def rank(self, rep: Rep) -> int:
        """The rep's rank by total, highest first; equal totals share a rank."""
        return len(self.totals) - bisect_right(self.totals, rep.total) + 1


def build_team_report(
    reps: list[Rep],
    rejected: list[RejectedRow],
    *,
    sort: str,
    target: float,
    industry: float | None,
    rulebook: Rulebook,
) -> TeamReport:
    summary = _averages(reps)
    order = _sorted_positions(reps, sort)
    bands = {band.id: 0 for band in rulebook.bands}
    for rep in reps:
        bands[rulebook.band_for(rep.total).id] += 1
    teams: dict[str, list[Rep]] = {}
    for rep in reps:
        if rep.team is not None:
            teams.setdefault(rep.team, []).append(rep)
    return TeamReport(
        reps=[reps[i] for i in order],
        totals=array("d", sorted(rep.total for rep in reps)),
        summary=summary,
        bands=bands,
        band_names={band.id: band.name for band in rulebook.bands},
        average_band=rulebook.band_for(summary.total).id,
        benchmarks=benchmark_gaps(summary.total, target, industry),
        groups=_coaching_groups(reps, rulebook),
        teams={name: _averages(members) for name, members in sorted(teams.items())},
        rejected=rejected,
    )


def _averages(reps: list[Rep]) -> Averages:
    count = len(reps)
    pillars = {
        p: round(sum(rep.pillar_scores[i] for rep in reps) / count, 2)
        for i, p in enumerate(PILLARS)
    }
    total = round(sum(rep.total for rep in reps) / count, 2)
    return Averages(reps=count, total=total, pillars=pillars)


def _sorted_positions(reps: list[Rep], sort: str) -> list[int]:
    """Highest first for numbers (reps with no change last), A to Z for names."""
    positions = range(len(reps))
    if sort == "total":
        return sorted(positions, key=lambda i: -reps[i].total)
    if sort == "name":
        return sorted(positions, key=lambda i: reps[i].name.casefold())
    if sort == "change":
        return sorted(positions, key=lambda i: (reps[i].change is None, -(reps[i].change or 0)))
    column = PILLARS.index(sort)
    return sorted(positions, key=lambda i: -reps[i].pillar_scores[column])


def _coaching_groups(reps: list[Rep], rulebook: Rulebook) -> list[CoachingGroup]:
    """For each pillar, the reps whose weakest pillar it is, with the training to give them:
    the rulebook's leading action for the group's average score. Largest group first."""
    members: dict[str, list[Rep]] = {p: [] for p in PILLARS}
    for rep in reps:
        members[rep.weakest].append(rep)
    groups = []
    for pillar in sorted(PILLARS, key=lambda p: -len(members[p])):  # stable: ties keep order
        group = members[pillar]
        column = PILLARS.index(pillar)
        average = sum(rep.pillar_scores[column] for rep in group) / len(group) if group else 0.0
        names = [rep.name for rep in group]
        groups.append(CoachingGroup(pillar, names, rulebook.leading_action(pillar, average)))
    return groups
