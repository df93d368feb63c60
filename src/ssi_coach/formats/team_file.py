"""Reading a team's CSV: a name column, the four pillars, and optional date and team columns.

Made for two years of a sales force's history (millions of rows): the rows are read as a
stream, and of each rep only the latest row, the totals of the previous and earliest rows
and the latest total of each ISO week are kept. Bad rows never stop the reading and never
pass silently: each is kept with its line number and the reason; rows that repeat a rep (or
a rep's date) are counted once, the later line winning, and said as warnings.

The loops below are the hot path of `team` (a few microseconds a row in all): they read a
row's fields without making an object per row, and parse each distinct name, date and
score text once.
"""

from __future__ import annotations

import csv
import sys
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from datetime import date
from itertools import chain
from typing import Any, Final

from ssi_coach.core import values
from ssi_coach.core.pillars import LABELS, PILLARS, SHORT_LABELS, fold
from ssi_coach.core.scoring import weakest_of
from ssi_coach.core.team_report import RejectedRow, Rep, TeamFile, TeamWarning, WeekTotals
from ssi_coach.errors import FileProblems, InputError, Place
from ssi_coach.formats.spreadsheet import FIELD_LIMIT, separator_of

NAME_COLUMNS: Final = ("name", "rep", "nom")
OPTIONAL_COLUMNS: Final = {"date": "date", "team": "team", "equipe": "team"}
_PILLAR_HEADERS: Final = {
    fold(name): pillar
    for pillar in PILLARS
    for name in (pillar, *LABELS[pillar].values(), *SHORT_LABELS[pillar].values())
}
WARNINGS_KEPT: Final = 1000  # a file pasted twice repeats every row: the rest are counted
SCORE_MEMO_SIZE: Final = 100_000  # two-decimal scores have 2,501 texts; a bad file, more
_WEEK_BITS: Final = 20  # a (rep, ISO week) key: rep number << _WEEK_BITS | week number
_WEEK_MASK: Final = (1 << _WEEK_BITS) - 1
_NO_DAY: Final = 0  # an ordinal no date has
_LAST: Final = date.max.toordinal()


def read_team(lines: Iterator[str], source: str) -> TeamFile:
    """The reps of a team CSV and what else the file says (rejected rows, warnings, weekly
    totals). `lines`, each with its line end (as `storage.files.read_lines` gives them, so
    that a quoted field keeps its line breaks), is read once."""
    header_line = next(lines, "")
    separator = separator_of(header_line)
    header, extra = _fields(header_line, lines, separator, 1, source)
    columns = _columns(header, source)
    reader = _Reader(columns, len(header), separator, source, 1 + extra)
    read = reader.read_dated(lines) if "date" in columns else reader.read_undated(lines)
    if not read.reps:  # every row is listed, then the verdict
        problems = [(Place("line", row.line), row.error) for row in read.rejected]
        raise FileProblems(source, problems, closing=InputError(source, "err.no_valid_row"))
    return read


def _fields(
    line: str, lines: Iterator[str], separator: str, number: int, source: str
) -> tuple[list[str], int]:
    """The fields of a row, without its line end, and how many more lines it took: a row
    that holds a quote is read by the csv module (a quoted field may hold the separator or
    line breaks, and then the next lines)."""
    if '"' not in line:
        return line.rstrip("\r\n").split(separator), 0
    csv.field_size_limit(FIELD_LIMIT)
    reader = csv.reader(chain([line], lines), delimiter=separator)
    try:
        fields = next(reader, [])
    except csv.Error as error:
        line_number = number + reader.line_num - 1
        raise InputError(source, "err.csv", line=line_number, reason=error) from None
    return fields, max(0, reader.line_num - 1)


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


def name_key(name: str) -> str:
    """What makes two names one rep: case, surrounding and repeated spaces ignored."""
    return " ".join(name.split()).casefold()


class _ScoreMemo(dict[str, float]):
    """A pillar's scores by their text: each text parsed once (the memo is capped, so that a
    file of all-different values cannot grow it for ever)."""

    def __init__(self, pillar: str) -> None:
        super().__init__()
        self.pillar = pillar

    def __missing__(self, text: str) -> float:
        value = values.parse_score(text.rstrip("\r\n"), self.pillar)  # the last field
        if len(self) < SCORE_MEMO_SIZE:
            self[text] = value
        return value


class _DayMemo(dict[str, tuple[int, int, int]]):
    """A date's ordinal, ISO week number and weekday by its text (files repeat a few
    hundred dates)."""

    def __missing__(self, text: str) -> tuple[int, int, int]:
        ordinal = values.parse_sheet_day(text.rstrip("\r\n"), "date").toordinal()
        week, weekday = divmod(ordinal - 1, 7)  # ordinal 1, 0001-01-01, is a Monday
        found = self[text] = (ordinal, week, weekday)
        return found


class _RepMemo(dict[str, list[Any]]):
    """Each rep's record (see `_Reader.read_dated`) by the text of its name as written in
    the file; `names` holds each rep's name as first written, by the rep's number."""

    def __init__(self, record: Callable[[int], list[Any]]) -> None:
        super().__init__()
        self.names: list[str] = []
        self.records: list[list[Any]] = []
        self.record_of_key: dict[str, list[Any]] = {}
        self.new_record = record

    def __missing__(self, text: str) -> list[Any]:
        key = name_key(text)
        if not key:
            raise InputError("name", "err.empty")
        record = self.record_of_key.get(key)
        if record is None:
            record = self.record_of_key[key] = self.new_record(len(self.names))
            self.names.append(text.strip())
            self.records.append(record)
        self[text] = record
        return record


class _Weeks(dict[int, int]):
    """The ISO weeks each rep has rows in, numbered, by the key `rep << _WEEK_BITS | week`.
    For week number n: `lines[7 n + weekday]` is the line of the rep's row that day (0 for
    none: it tells a repeated date), `latest_day[n]` and `latest_total[n]` the weekday and
    total of the rep's latest row in the week. `sums` and `counts` hold, per week, the total
    of each rep's latest row and how many reps: the trend, kept as the rows come."""

    NO_LINES: Final = array("I", [0] * 7)

    def __init__(self) -> None:
        super().__init__()
        self.lines = array("I")
        self.latest_day = array("b")
        self.latest_total = array("d")
        self.sums: defaultdict[int, float] = defaultdict(float)

    def __missing__(self, key: int) -> int:  # kept short: a weekly file meets a week a row
        number = self[key] = len(self.latest_day)
        self.lines.extend(self.NO_LINES)
        self.latest_day.append(-1)
        self.latest_total.append(0.0)
        return number

    def totals(self) -> list[WeekTotals]:
        """Each week's total of each rep's latest row, and how many reps, oldest first."""
        reps = Counter(key & _WEEK_MASK for key in self)
        return [
            WeekTotals(date.fromordinal(week * 7 + 1), self.sums[week], reps[week])
            for week in sorted(reps)
        ]


class _Reader:
    """The state of one reading: the rows' columns, the memos of the texts already parsed,
    the rejected rows and the repeats."""

    def __init__(
        self, columns: dict[str, int], width: int, separator: str, source: str, line: int
    ) -> None:
        self.columns = columns
        self.width = width
        self.separator = separator
        self.source = source
        self.line = line  # the line the header ends on
        self.rejected: list[RejectedRow] = []
        self.scores = [_ScoreMemo(pillar) for pillar in PILLARS]
        self.repeats: dict[tuple[int, int], list[int]] = {}  # (rep, ordinal) -> lines
        self.days = _DayMemo()
        self.dates: dict[int, date] = {}  # ordinal -> date, once read
        self.has_team = "team" in columns
        self.more_repeats = 0

    def fields(self, line: str, lines: Iterator[str]) -> list[str]:
        """The fields of a line that holds a quote (the line counter moves on by the lines
        a quoted line break takes), or that has a wrong number of fields (rejected here;
        an empty list back means: skip it)."""
        if '"' in line:
            fields, extra = _fields(line, lines, self.separator, self.line, self.source)
            self.line += extra
        else:
            fields = line.split(self.separator)
        if len(fields) == self.width:
            return fields
        if any(field.strip() for field in fields):
            error = InputError("", "err.fields", count=len(fields), expected=self.width)
            self.rejected.append(RejectedRow(self.line, error))
        return []

    def problem(self, fields: list[str], error: InputError | IndexError) -> None:
        """A row that cannot be used is rejected, except a blank one, which is skipped (an
        IndexError: `fields` is empty)."""
        if isinstance(error, InputError) and any(field.strip() for field in fields):
            self.rejected.append(RejectedRow(self.line, error))

    def repeat(self, rep: int, ordinal: int, earlier: int) -> None:
        """A second row of `rep` dated `ordinal` (the first on line `earlier`)."""
        lines = self.repeats.get((rep, ordinal))
        if lines is not None:
            lines.append(self.line)
        elif len(self.repeats) < WARNINGS_KEPT:
            self.repeats[rep, ordinal] = [earlier, self.line]
        else:
            self.more_repeats += 1

    def read_dated(self, lines: Iterator[str]) -> TeamFile:
        """Each rep's latest row, the totals of its previous and earliest rows, and the
        running totals of each ISO week (see `_Weeks`), which tell repeated dates too."""
        brand, people, insights, relationships = self.scores
        b_at, p_at, i_at, r_at = (self.columns[p] for p in PILLARS)
        name_at, date_at = self.columns["name"], self.columns["date"]
        # Without a team column the name stands in, and is not kept as a team (_dated_rep).
        team_at = self.columns.get("team", name_at)
        separator, width, days = self.separator, self.width, self.days
        # A rep's record: [latest ordinal, its line, scores, total, team text, previous
        # ordinal, total, earliest ordinal, total, rep number], changed in place.
        records = _RepMemo(lambda n: [_NO_DAY, 0, (), 0.0, None, _NO_DAY, 0.0, _LAST, 0.0, n])
        weeks = _Weeks()
        week_lines, latest_day, latest_total = weeks.lines, weeks.latest_day, weeks.latest_total
        sums = weeks.sums
        number = self.line
        for line in lines:
            number += 1
            fields = line.split(separator)
            if len(fields) != width or '"' in line:
                self.line = number
                fields = self.fields(line, lines)
                number = self.line
            try:
                s1, s2 = brand[fields[b_at]], people[fields[p_at]]
                s3, s4 = insights[fields[i_at]], relationships[fields[r_at]]
                ordinal, week, weekday = days[fields[date_at]]
                record = records[fields[name_at]]  # last: a rep is only made for a good row
            except (InputError, IndexError) as error:  # IndexError: a skipped blank line
                self.line = number
                self.problem(fields, error)
                continue
            total = s1 + s2 + s3 + s4
            latest = record[0]
            if ordinal >= latest:  # on the same date, the later line wins
                if ordinal > latest:
                    record[5] = latest
                    record[6] = record[3]
                record[0] = ordinal  # one item at a time: 4 times faster than a slice
                record[1] = number
                record[2] = (s1, s2, s3, s4)
                record[3] = total
                record[4] = fields[team_at]
            elif ordinal >= record[5]:
                record[5] = ordinal
                record[6] = total
            if ordinal <= record[7]:
                record[7] = ordinal
                record[8] = total
            n = weeks[record[9] << _WEEK_BITS | week]
            if week_lines[7 * n + weekday]:
                self.line = number
                self.repeat(record[9], ordinal, week_lines[7 * n + weekday])
            week_lines[7 * n + weekday] = number
            if weekday >= latest_day[n]:
                latest_day[n] = weekday
                sums[week] += total - latest_total[n]
                latest_total[n] = total
        return self._dated_file(records, weeks)

    def _dated_file(self, records: _RepMemo, weeks: _Weeks) -> TeamFile:
        names = records.names
        self.dates = {ordinal: date.fromordinal(ordinal) for ordinal, _, _ in self.days.values()}
        return TeamFile(
            reps=[self._dated_rep(names[r[9]], r) for r in records.records],
            rejected=self.rejected,
            warnings=[
                TeamWarning("same_date", tuple(lines), names[rep], date.fromordinal(day))
                for (rep, day), lines in self.repeats.items()
            ],
            more_warnings=self.more_repeats,
            weeks=weeks.totals(),
        )

    def _dated_rep(self, name: str, state: list[Any]) -> Rep:
        latest, _, scores, _, team, previous, previous_total, first, first_total, _ = state
        total = round(sum(scores), 2)
        change = period = None
        if previous != _NO_DAY:
            change = round(total - round(previous_total, 2), 2)
        if first < latest:
            period = round(total - round(first_total, 2), 2)
        dates = self.dates
        return Rep(  # name, team, day, scores, total, weakest, change, since, first, period
            name,
            _team(team) if self.has_team else None,
            dates[latest],
            scores,
            total,
            weakest_of(scores),
            change,
            dates.get(previous),
            dates[first],
            period,
        )

    def read_undated(self, lines: Iterator[str]) -> TeamFile:
        """Each rep once: a name on several lines is one rep, its last line counting."""
        memos = list(zip(self.scores, (self.columns[p] for p in PILLARS), strict=True))
        name_at, team_at = self.columns["name"], self.columns.get("team")
        # A rep's record: [scores, team text, the lines of its rows].
        records = _RepMemo(lambda _: [(), None, []])
        for line in lines:
            self.line += 1
            fields = self.fields(line, lines)
            try:
                scores = tuple(memo[fields[at]] for memo, at in memos)
                record = records[fields[name_at]]
            except (InputError, IndexError) as error:  # IndexError: a skipped blank line
                self.problem(fields, error)
                continue
            record[0] = scores
            record[1] = None if team_at is None else fields[team_at]
            record[2].append(self.line)
        names = records.names
        warnings = [
            TeamWarning("same_name", tuple(record[2]), name)
            for name, record in zip(names, records.records, strict=True)
            if len(record[2]) > 1
        ]
        warnings.sort(key=lambda warning: warning.lines)
        return TeamFile(
            reps=[
                Rep(
                    name, _team(team), None, scores, round(sum(scores), 2), weakest_of(scores), None
                )
                for name, (scores, team, _) in zip(names, records.records, strict=True)
            ],
            rejected=self.rejected,
            warnings=warnings[:WARNINGS_KEPT],
            more_warnings=max(0, len(warnings) - WARNINGS_KEPT),
            weeks=[],
        )


def _team(text: object) -> str | None:
    """A team's name, the same string for every rep of it (few teams, many reps)."""
    return sys.intern(text.strip()) or None if isinstance(text, str) else None
