"""The team view: a CSV of reps' scores in; averages, bands, ranks and coaching groups out.

Made for the thousands of rows a sales force exports: rows are read as a stream and only
the latest (and previous) row of each rep is kept. Bad rows never stop the report and never
pass silently: each is kept with its line number and the reason.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any, Final, NamedTuple

from ssi_coach import inputs
from ssi_coach.errors import InputError, SsiCoachError
from ssi_coach.messages import describe
from ssi_coach.pillars import LABELS, MAX_PILLAR_SCORE, PILLARS, SHORT_LABELS, Lang, fold
from ssi_coach.rulebook import Action, Rulebook
from ssi_coach.scoring import BenchmarkGap, weakest_pillar
from ssi_coach.spreadsheet import UTF8_ADVICE, csv_rows

NAME_COLUMNS: Final = ("name", "rep", "nom")
SORT_KEYS: Final = ("total", "name", *PILLARS, "change")


class TeamFileError(SsiCoachError):
    """The file cannot give a team report at all: unreadable, a required column missing, or
    no valid row."""


class Rep(NamedTuple):
    name: str
    team: str | None
    day: date | None
    scores: dict[str, float]
    total: float  # derived from the scores once: a report reads it a dozen times per rep
    weakest: str
    change: float | None  # total since the rep's previous row, when the file has one


class Rejected(NamedTuple):
    line: int
    reason: str


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
    ranks: dict[int, int]  # position in `reps` -> rank by total (ties share a rank)
    summary: Averages
    bands: dict[str, int]  # band id -> number of reps, in the rulebook's order
    band_names: dict[str, dict[Lang, str]]  # band id -> its name in each language
    average_band: str  # the band id of the average total
    benchmarks: list[BenchmarkGap]
    groups: list[CoachingGroup]  # largest first
    teams: dict[str, Averages]  # per sub-team, when the file has a team column
    rejected: list[Rejected]

    def to_json(self) -> dict[str, Any]:
        return {
            "reps": [
                {
                    "name": rep.name,
                    "team": rep.team,
                    "date": None if rep.day is None else rep.day.isoformat(),
                    "total": rep.total,
                    "scores": rep.scores,
                    "weakest": rep.weakest,
                    "change": rep.change,
                }
                for rep in self.reps
            ],
            "summary": {
                "count": self.summary.reps,
                "average_total": self.summary.total,
                "average": self.summary.pillars,
                "weakest": self.summary.weakest,
                "bands": self.bands,
                "benchmarks": [
                    {"name": b.name, "value": b.value, "gap": b.gap} for b in self.benchmarks
                ],
            },
            "groups": {group.pillar: group.names for group in self.groups},
            "rejected": [{"line": r.line, "reason": r.reason} for r in self.rejected],
        }


def read_team(lines: Iterable[str], source: str, lang: Lang) -> tuple[list[Rep], list[Rejected]]:
    """The reps in a team CSV (the latest row of each, when rows are dated) and the rows
    that were rejected. `lines` is read once, as a stream: a file opened with
    encoding="utf-8-sig" and newline=""."""
    rejected: list[Rejected] = []
    try:
        raw_header, rows = csv_rows(lines)
        columns = _columns(raw_header, source)
        parsed = _parse_rows(rows, columns, len(raw_header), lang, rejected)
        with _without_cyclic_gc():
            reps = list(_latest_rows(parsed, columns))
    except UnicodeDecodeError:
        raise TeamFileError(f"{source}: {UTF8_ADVICE}") from None
    if not reps:
        raise TeamFileError(f"{source}: no valid row" + (" (see above)" if rejected else ""))
    return reps, rejected


@contextmanager
def _without_cyclic_gc() -> Iterator[None]:
    """A large file makes hundreds of thousands of small containers and no reference cycle:
    the cyclic collector would only scan them again and again (a fifth of the time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


_PILLAR_HEADERS: Final = {
    fold(name): pillar
    for pillar in PILLARS
    for name in (pillar, *LABELS[pillar].values(), *SHORT_LABELS[pillar].values())
}


def _columns(header: list[str], source: str) -> dict[str, int]:
    """Where each field is: `name`, the four pillars, and `date` and `team` if present."""
    columns: dict[str, int] = {}
    for index, raw in enumerate(header):
        name = fold(raw)
        key = _PILLAR_HEADERS.get(name)
        if key is None and name in NAME_COLUMNS:
            key = "name"
        elif key is None and name in ("date", "team", "equipe"):
            key = "team" if name == "equipe" else name
        if key is not None:
            columns.setdefault(key, index)
    missing = [key for key in ("name", *PILLARS) if key not in columns]
    if missing:
        found = ", ".join(h for h in header if h.strip()) or "none"
        raise TeamFileError(
            f"{source}: missing column{'s' if len(missing) > 1 else ''} "
            f"{', '.join(missing)} (a name column is name, rep or nom; pillars go by their key "
            f"or LinkedIn's label; columns found: {found})"
        )
    return columns


class _Row(NamedTuple):
    """A valid row, kept small: a sales force can be a hundred thousand reps."""

    name: str
    team: str | None
    day: date | None
    scores: tuple[float, ...]  # in PILLARS order
    total: float


def _parse_rows(
    rows: Iterator[tuple[int, list[str]]],
    columns: dict[str, int],
    width: int,
    lang: Lang,
    rejected: list[Rejected],
) -> Iterator[_Row]:
    # Files repeat the same few dates and two-decimal scores: parse each text once (the
    # score memo is capped, so that a file of all-different values cannot grow it for ever).
    known_days: dict[str, date] = {}
    known_scores: dict[str, float] = {}
    pillar_columns = [(p, columns[p]) for p in PILLARS]
    name_column, date_column, team_column = (columns.get(k) for k in ("name", "date", "team"))
    assert name_column is not None  # _columns() insists on it
    for line, values in rows:
        if len(values) != width:
            rejected.append(Rejected(line, f"{len(values)} fields, the header has {width}"))
            continue
        try:
            name = values[name_column].strip()
            if not name:
                raise InputError("name", "err.empty")
            scores = tuple(_score(values[i], p, known_scores) for p, i in pillar_columns)
            day = None
            if date_column is not None:
                text = values[date_column]
                day = known_days.get(text) or known_days.setdefault(
                    text, inputs.parse_day(text, "date")
                )
        except InputError as error:
            rejected.append(Rejected(line, describe(error, lang)))
            continue
        team = None
        if team_column is not None:
            team = sys.intern(values[team_column].strip()) or None  # a few teams, many reps
        yield _Row(name, team, day, scores, round(sum(scores), 2))


def _score(text: str, pillar: str, known: dict[str, float]) -> float:
    value = known.get(text)
    if value is None:
        value = inputs.parse_decimal(text, pillar, 0.0, MAX_PILLAR_SCORE)
        if len(known) < 100_000:
            known[text] = value
    return value


def _latest_rows(rows: Iterator[_Row], columns: dict[str, int]) -> Iterator[Rep]:
    """Each rep's latest row, with the change from the row dated just before it; without
    dates, every row is a rep of its own. On equal dates, the later line wins."""
    if "date" not in columns:
        for row in rows:
            yield _rep(row, None)
        return
    latest: dict[str, tuple[date, _Row]] = {}
    previous: dict[str, tuple[date, float]] = {}  # the day and total of the row before
    for row in rows:
        key, day = row.name.casefold(), row.day
        assert day is not None  # every row of a dated file has its date
        current = latest.get(key)
        if current is None or day >= current[0]:
            if current is not None and day > current[0]:
                previous[key] = (current[0], current[1].total)
            latest[key] = (day, row)
        elif key not in previous or day >= previous[key][0]:
            previous[key] = (day, row.total)
    for key, (_, row) in latest.items():
        before = previous.get(key)
        yield _rep(row, None if before is None else round(row.total - before[1], 2))


def _rep(row: _Row, change: float | None) -> Rep:
    scores = dict(zip(PILLARS, row.scores, strict=True))
    return Rep(row.name, row.team, row.day, scores, row.total, weakest_pillar(scores), change)


def build_team_report(
    reps: list[Rep],
    rejected: list[Rejected],
    *,
    sort: str,
    target: float,
    industry: float | None,
    rulebook: Rulebook,
) -> TeamReport:
    summary = _averages(reps)
    by_total = sorted(range(len(reps)), key=lambda i: -reps[i].total)
    rank_of: dict[int, int] = {}
    for position, index in enumerate(by_total):
        tied = position > 0 and reps[by_total[position - 1]].total == reps[index].total
        rank_of[index] = rank_of[by_total[position - 1]] if tied else position + 1
    order = _sorted_positions(reps, sort, by_total)
    bands = {band.id: 0 for band in rulebook.bands}
    for rep in reps:
        bands[rulebook.band_for(rep.total).id] += 1
    benchmarks = [BenchmarkGap("target", target, round(target - summary.total, 2))]
    if industry is not None:
        benchmarks.append(BenchmarkGap("industry", industry, round(industry - summary.total, 2)))
    teams: dict[str, list[Rep]] = {}
    for rep in reps:
        if rep.team is not None:
            teams.setdefault(rep.team, []).append(rep)
    return TeamReport(
        reps=[reps[i] for i in order],
        ranks={position: rank_of[i] for position, i in enumerate(order)},
        summary=summary,
        bands=bands,
        band_names={band.id: band.name for band in rulebook.bands},
        average_band=rulebook.band_for(summary.total).id,
        benchmarks=benchmarks,
        groups=_coaching_groups(reps, rulebook),
        teams={name: _averages(members) for name, members in sorted(teams.items())},
        rejected=rejected,
    )


def _averages(reps: list[Rep]) -> Averages:
    count = len(reps)
    pillars = {p: round(sum(rep.scores[p] for rep in reps) / count, 2) for p in PILLARS}
    total = round(sum(rep.total for rep in reps) / count, 2)
    return Averages(reps=count, total=total, pillars=pillars)


def _sorted_positions(reps: list[Rep], sort: str, by_total: list[int]) -> list[int]:
    """Highest first for numbers (reps with no change last), A to Z for names."""
    positions = range(len(reps))
    if sort == "total":
        return by_total
    if sort == "name":
        return sorted(positions, key=lambda i: reps[i].name.casefold())
    if sort == "change":
        return sorted(positions, key=lambda i: (reps[i].change is None, -(reps[i].change or 0)))
    return sorted(positions, key=lambda i: -reps[i].scores[sort])


def _coaching_groups(reps: list[Rep], rulebook: Rulebook) -> list[CoachingGroup]:
    """For each pillar, the reps whose weakest pillar it is, with the training to give them:
    the rulebook's leading action for the group's average score. Largest group first."""
    members: dict[str, list[Rep]] = {p: [] for p in PILLARS}
    for rep in reps:
        members[rep.weakest].append(rep)
    groups = []
    for pillar in sorted(PILLARS, key=lambda p: -len(members[p])):  # stable: ties keep order
        group = members[pillar]
        average = sum(rep.scores[pillar] for rep in group) / len(group) if group else 0.0
        names = [rep.name for rep in group]
        groups.append(CoachingGroup(pillar, names, rulebook.leading_action(pillar, average)))
    return groups
