"""Reading a team's CSV: a name column, the four pillars, and optional date and team columns.

Made for the thousands of rows a sales force exports: rows are read as a stream and only the
latest (and previous) row of each rep is kept. Bad rows never stop the reading and never pass
silently: each is kept with its line number and the reason.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Final, NamedTuple

from ssi_coach.core import values
from ssi_coach.core.pillars import LABELS, PILLARS, SHORT_LABELS, fold
from ssi_coach.core.scoring import weakest_of
from ssi_coach.core.team_report import RejectedRow, Rep
from ssi_coach.errors import FileProblems, InputError, Place
from ssi_coach.formats.spreadsheet import csv_rows

NAME_COLUMNS: Final = ("name", "rep", "nom")
OPTIONAL_COLUMNS: Final = {"date": "date", "team": "team", "equipe": "team"}
_PILLAR_HEADERS: Final = {
    fold(name): pillar
    for pillar in PILLARS
    for name in (pillar, *LABELS[pillar].values(), *SHORT_LABELS[pillar].values())
}


def read_team(lines: Iterable[str], source: str) -> tuple[list[Rep], list[RejectedRow]]:
    """The reps in a team CSV (the latest row of each, when rows are dated) and the rows
    that were rejected. `lines` is read once, as a stream: a file opened with
    encoding="utf-8-sig" and newline=""."""
    rejected: list[RejectedRow] = []
    try:
        raw_header, rows = csv_rows(lines, source)
        columns = _columns(raw_header, source)
        parsed = _parse_rows(rows, columns, len(raw_header), rejected)
        with _without_cyclic_gc():
            dated = "date" in columns
            reps = list(_latest_rows(parsed) if dated else (_rep(row, None) for row in parsed))
    except UnicodeDecodeError:
        raise InputError(source, "err.not_utf8") from None
    if not reps:  # every row is listed, then the verdict
        problems = [(Place("line", row.line), row.error) for row in rejected]
        raise FileProblems(source, problems, closing=InputError(source, "err.no_valid_row"))
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


def _column_key(header: str) -> str | None:
    """What a header names: a pillar, `name`, `date` or `team`; None for anything else."""
    name = fold(header)
    if name in _PILLAR_HEADERS:
        return _PILLAR_HEADERS[name]
    if name in NAME_COLUMNS:
        return "name"
    return OPTIONAL_COLUMNS.get(name)


def _columns(header: list[str], source: str) -> dict[str, int]:
    """Where each field is: `name`, the four pillars, and `date` and `team` if present."""
    columns: dict[str, int] = {}
    for index, raw in enumerate(header):
        key = _column_key(raw)
        if key is not None:
            columns.setdefault(key, index)
    missing = [key for key in ("name", *PILLARS) if key not in columns]
    if missing:
        found = ", ".join(h for h in header if h.strip()) or "-"
        raise InputError(source, "err.team_columns", missing=", ".join(missing), found=found)
    return columns


class _Row(NamedTuple):
    """A valid row, kept small: a sales force can be a hundred thousand reps."""

    name: str
    team: str | None
    day: date | None
    scores: tuple[float, ...]  # in PILLARS order
    total: float


class _RowReader:
    """Turns a row's fields into a `_Row`. Files repeat the same few dates and two-decimal
    scores: each text is parsed once (the score memo is capped, so that a file of
    all-different values cannot grow it for ever)."""

    SCORE_MEMO_SIZE: Final = 100_000

    def __init__(self, columns: dict[str, int]) -> None:
        self.pillar_columns = [(p, columns[p]) for p in PILLARS]
        self.name_column = columns["name"]
        self.date_column = columns.get("date")
        self.team_column = columns.get("team")
        self.known_days: dict[str, date] = {}
        self.known_scores: dict[str, float] = {}

    def read(self, fields: list[str]) -> _Row:
        name = fields[self.name_column].strip()
        if not name:
            raise InputError("name", "err.empty")
        scores = tuple(self._score(fields[i], p) for p, i in self.pillar_columns)
        day = None if self.date_column is None else self._day(fields[self.date_column])
        team = None
        if self.team_column is not None:
            team = sys.intern(fields[self.team_column].strip()) or None  # few teams, many reps
        return _Row(name, team, day, scores, round(sum(scores), 2))

    def _score(self, text: str, pillar: str) -> float:
        value = self.known_scores.get(text)
        if value is None:
            value = values.parse_score(text, pillar)
            if len(self.known_scores) < self.SCORE_MEMO_SIZE:
                self.known_scores[text] = value
        return value

    def _day(self, text: str) -> date:
        day = self.known_days.get(text)
        if day is None:
            day = self.known_days[text] = values.parse_day(text, "date")
        return day


def _parse_rows(
    rows: Iterator[tuple[int, list[str]]],
    columns: dict[str, int],
    width: int,
    rejected: list[RejectedRow],
) -> Iterator[_Row]:
    reader = _RowReader(columns)
    for line, fields in rows:
        if len(fields) != width:
            error = InputError("", "err.fields", count=len(fields), expected=width)
            rejected.append(RejectedRow(line, error))
            continue
        try:
            yield reader.read(fields)
        except InputError as error:
            rejected.append(RejectedRow(line, error))


def _latest_rows(rows: Iterator[_Row]) -> Iterator[Rep]:
    """Each rep's latest row, with the change from the row dated just before it. On equal
    dates, the later line wins."""
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
    return Rep(row.name, row.team, row.day, row.scores, row.total, weakest_of(row.scores), change)
