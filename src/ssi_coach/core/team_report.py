"""The team report: a sales force's reps in, averages, bands, ranks, coaching groups, the
team's trend and who moved out.

Reading the team's file is `formats/team_file.py`'s job; this module only computes.

Stale reps (whose latest row is more than STALE_AFTER_DAYS older than the newest row of the
file) are listed, marked, and left out of every figure about the team as it is now: the
averages, bands, benchmarks, ranks, coaching groups, sub-teams, movers and the reps below
the industry average. The weekly trend keeps them for the weeks they have rows in: it is the
team as it was each week.
"""

from __future__ import annotations

import heapq
from array import array
from bisect import bisect_right
from collections import Counter
from datetime import date
from typing import Final, NamedTuple

from ssi_coach.core.pillars import PILLARS, Lang
from ssi_coach.core.rulebook import Action, Rulebook
from ssi_coach.core.scoring import BenchmarkGap, benchmark_gaps, weakest_pillar
from ssi_coach.errors import InputError

SORT_KEYS: Final = ("total", "name", *PILLARS, "change")
STALE_AFTER_DAYS: Final = 30
MOVERS: Final = 3  # the most improved and the most declined shown
GROUP_ACTIONS: Final = 2  # the rulebook's actions given to a coaching group


class Rep(NamedTuple):
    name: str  # as first written in the file, without surrounding spaces
    team: str | None
    day: date | None  # the date of the rep's latest row: its last update
    pillar_scores: tuple[float, ...]  # in PILLARS order: a sales force holds a million reps
    total: float  # derived from the scores once: a report reads it a dozen times per rep
    weakest: str
    change: float | None  # total since the rep's previous row, when the file has one
    change_since: date | None = None  # the date of that previous row
    first_day: date | None = None  # the date of the rep's earliest row
    period_change: float | None = None  # total since the earliest row (None: a single date)
    stale: bool = False  # set by the report: see STALE_AFTER_DAYS

    @property
    def scores(self) -> dict[str, float]:
        return dict(zip(PILLARS, self.pillar_scores, strict=True))


class RejectedRow(NamedTuple):
    """A row of the team's file that could not be used, and why."""

    line: int
    error: InputError


class TeamWarning(NamedTuple):
    """Something the reader did that the user should know, in a file it could read."""

    kind: str  # "encoding" (read as Windows-1252), "same_name", "same_date"
    lines: tuple[int, ...] = ()  # the lines concerned; the last one counts
    name: str = ""  # the rep
    day: date | None = None  # the date two rows share ("same_date")


class WeekTotals(NamedTuple):
    """One ISO week of the file: each rep's latest row in the week, added up."""

    monday: date
    total: float
    reps: int


class TeamFile(NamedTuple):
    """What a team's file holds, as read."""

    reps: list[Rep]
    rejected: list[RejectedRow]
    warnings: list[TeamWarning]  # the first WARNINGS_KEPT
    more_warnings: int  # how many more there were
    weeks: list[WeekTotals]  # oldest first; none when the file has no dates


class WeekAverage(NamedTuple):
    monday: date  # the ISO week, by its Monday
    average: float  # the average of each rep's latest total in the week
    reps: int


class Movers(NamedTuple):
    """The reps who moved most from their earliest row to their latest."""

    improved: list[Rep]  # most first
    declined: list[Rep]  # most first


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
    median: float  # the group's median score on the pillar (0 for an empty group)
    actions: tuple[Action, ...]  # the rulebook's first actions suiting that median score

    @property
    def training(self) -> Action:
        return self.actions[0]


class TeamReport(NamedTuple):
    reps: list[Rep]  # in the order asked for, the current reps first, then the stale ones
    totals: array[float]  # every current rep's total, lowest first: ranks are read from it
    summary: Averages  # of the current reps
    bands: dict[str, int]  # band id -> number of current reps, in the rulebook's order
    band_names: dict[str, dict[Lang, str]]  # band id -> its name in each language
    average_band: str  # the band id of the average total
    benchmarks: tuple[BenchmarkGap, ...]
    groups: list[CoachingGroup]  # largest first
    teams: dict[str, Averages]  # per sub-team, when the file has a team column
    rejected: list[RejectedRow]
    newest: date | None  # the newest row's date, when the file has dates
    stale: int  # how many reps are stale, left out of the figures
    change_since: tuple[date, date] | None  # the earliest and latest `change_since`
    trend: list[WeekAverage]  # per ISO week, oldest first
    movers: Movers
    below_industry: list[Rep] | None  # lowest first; None without an industry average
    warnings: list[TeamWarning]
    more_warnings: int

    def rank(self, rep: Rep) -> int:
        """The rep's rank by total among the current reps, highest first; equal totals
        share a rank."""
        return len(self.totals) - bisect_right(self.totals, rep.total) + 1


def is_stale(day: date | None, newest: date | None) -> bool:
    return day is not None and newest is not None and (newest - day).days > STALE_AFTER_DAYS


def build_team_report(
    read: TeamFile,
    *,
    sort: str,
    target: float,
    industry: float | None,
    rulebook: Rulebook,
) -> TeamReport:
    newest = max((rep.day for rep in read.reps if rep.day is not None), default=None)
    reps, stale = _current_and_stale(read.reps, newest)
    summary = _averages(reps)
    return TeamReport(
        reps=[reps[i] for i in _sorted_positions(reps, sort)]
        + [stale[i] for i in _sorted_positions(stale, sort)],
        totals=array("d", sorted(rep.total for rep in reps)),
        summary=summary,
        bands=_bands(reps, rulebook),
        band_names={band.id: band.name for band in rulebook.bands},
        average_band=rulebook.band_for(summary.total).id,
        benchmarks=benchmark_gaps(summary.total, target, industry),
        groups=_coaching_groups(reps, rulebook),
        teams=_sub_teams(reps),
        rejected=read.rejected,
        newest=newest,
        stale=len(stale),
        change_since=_since(reps),
        trend=[WeekAverage(w.monday, round(w.total / w.reps, 2), w.reps) for w in read.weeks],
        movers=_movers(reps),
        below_industry=_below(reps, industry),
        warnings=read.warnings,
        more_warnings=read.more_warnings,
    )


def _current_and_stale(reps: list[Rep], newest: date | None) -> tuple[list[Rep], list[Rep]]:
    if newest is None:  # no dates, no stale rep
        return reps, []
    current, stale = [], []
    for rep in reps:
        if is_stale(rep.day, newest):
            stale.append(rep._replace(stale=True))
        else:
            current.append(rep)
    return current, stale


def _since(reps: list[Rep]) -> tuple[date, date] | None:
    """The earliest and the latest date the reps' changes are measured from."""
    since = [rep.change_since for rep in reps if rep.change_since is not None]
    return (min(since), max(since)) if since else None


def _bands(reps: list[Rep], rulebook: Rulebook) -> dict[str, int]:
    bands = {band.id: 0 for band in rulebook.bands}
    # By distinct total: two-decimal totals are a few thousand, however many the reps.
    for total, count in Counter(rep.total for rep in reps).items():
        bands[rulebook.band_for(total).id] += count
    return bands


def _sub_teams(reps: list[Rep]) -> dict[str, Averages]:
    teams: dict[str, list[Rep]] = {}
    for rep in reps:
        if rep.team is not None:
            teams.setdefault(rep.team, []).append(rep)
    return {name: _averages(members) for name, members in sorted(teams.items())}


def _below(reps: list[Rep], industry: float | None) -> list[Rep] | None:
    """The reps below the industry average, lowest first."""
    if industry is None:
        return None
    return sorted((rep for rep in reps if rep.total < industry), key=lambda rep: rep.total)


def _movers(reps: list[Rep]) -> Movers:
    """The MOVERS reps with the largest rise and the largest fall from their earliest row
    to their latest; equal changes go by name."""
    up = [rep for rep in reps if (rep.period_change or 0) > 0]
    down = [rep for rep in reps if (rep.period_change or 0) < 0]
    return Movers(
        heapq.nsmallest(MOVERS, up, key=lambda r: (-(r.period_change or 0), r.name.casefold())),
        heapq.nsmallest(MOVERS, down, key=lambda r: (r.period_change or 0, r.name.casefold())),
    )


def _averages(reps: list[Rep]) -> Averages:
    count = len(reps) or 1  # never 0: the rep with the newest row is never stale
    columns = zip(*(rep.pillar_scores for rep in reps), strict=True)  # a pillar's scores
    pillars = {p: round(sum(scores) / count, 2) for p, scores in zip(PILLARS, columns, strict=True)}
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
    the rulebook's first GROUP_ACTIONS actions for the group's median score (a few very low
    or very high scores do not move it, as they move an average). Largest group first."""
    from statistics import median as median_of  # only here: 5 ms of imports

    members: dict[str, list[Rep]] = {p: [] for p in PILLARS}
    for rep in reps:
        members[rep.weakest].append(rep)
    groups = []
    for pillar in sorted(PILLARS, key=lambda p: -len(members[p])):  # stable: ties keep order
        group = members[pillar]
        column = PILLARS.index(pillar)
        median = median_of(r.pillar_scores[column] for r in group) if group else 0.0
        actions = tuple(rulebook.actions_for(pillar, median)[:GROUP_ACTIONS])
        groups.append(CoachingGroup(pillar, [rep.name for rep in group], median, actions))
    return groups
