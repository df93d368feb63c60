"""History in and out of files: CSV and JSON exports, and reading them back for an import.

Imports are all or nothing: every row is checked first, and a file with any bad row gives a
`FileProblems` listing every bad row with its place and the reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Any, Final, NamedTuple, TypeVar

from ssi_coach.core import values
from ssi_coach.core.budget import MAX_BUDGET
from ssi_coach.core.pillars import MAX_TOTAL, PILLARS
from ssi_coach.core.records import Record
from ssi_coach.core.saved_plan import SavedPlan, StoredItem
from ssi_coach.errors import FileProblems, InputError, Place
from ssi_coach.formats.json_document import parse_json
from ssi_coach.formats.spreadsheet import DEFAULT_STYLE, CsvStyle, csv_rows, spreadsheet_csv

CSV_COLUMNS = ("date", "total", *PILLARS, "industry", "network")
# A backup's total is the sum of its pillars, rounded to two decimals.
STORED_TOTAL_TOLERANCE = 0.01


class History(NamedTuple):
    records: list[Record]
    ticks: list[tuple[date, str]]
    plans: dict[date, SavedPlan] = {}  # noqa: RUF012 - a NamedTuple default, never mutated
    done_before: dict[str, date] = {}  # noqa: RUF012


# -- export ---------------------------------------------------------------------------------


def history_csv(records: list[Record], style: CsvStyle = DEFAULT_STYLE) -> Iterator[str]:
    """The records as a spreadsheet's CSV, in pieces (see `spreadsheet_csv`)."""
    rows = (
        [r.day, r.total, *(r.scores[p] for p in PILLARS), r.industry, r.network] for r in records
    )
    return spreadsheet_csv(CSV_COLUMNS, rows, style)


# -- import ---------------------------------------------------------------------------------


def looks_like_json(start: bytes) -> bool:
    """Whether a file starting with these bytes is JSON (a backup) rather than CSV."""
    return start.removeprefix(b"\xef\xbb\xbf").lstrip()[:1] in (b"{", b"[")


def read_history_json(content: bytes, source: str) -> History:
    """The records, ticks, plans and one-offs of a JSON backup, all checked."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(source, "err.not_utf8") from None
    return _from_json(text, source)


def read_history_csv(lines: Iterable[str], source: str) -> History:
    """The records of a CSV (read as a stream), all checked."""
    return _from_csv(lines, source)


def _from_csv(lines: Iterable[str], source: str) -> History:
    raw_header, rows = csv_rows(lines, source)
    header = [name.strip().lower() for name in raw_header]
    if not header:
        raise FileProblems(source, [(Place("line", 1), InputError("", "err.import_empty"))])
    _check_header(header, source)
    checker = _RowChecker("line")
    for line, fields in rows:
        if len(fields) != len(header):
            error = InputError("", "err.fields", count=len(fields), expected=len(header))
            checker.problems.append((Place("line", line), error))
            continue
        checker.check(line, dict(zip(header, fields, strict=True)))
    return checker.history(source, ticks=[])


def _check_header(header: list[str], source: str) -> None:
    missing = [
        InputError("", "err.import_missing_column", value=name)
        for name in ("date", *PILLARS)
        if name not in header
    ]
    unknown = [
        InputError("", "err.import_unknown_column", value=name)
        for name in header
        if name not in CSV_COLUMNS
    ]
    if missing or unknown:
        raise FileProblems(source, [(Place("line", 1), error) for error in missing + unknown])


RECORD_KEYS: Final = (
    "date",
    "total",
    "industry",
    "network",
    "industry_rank",
    "network_rank",
    "team",
    "team_rank",
)


def _from_json(text: str, source: str) -> History:
    try:
        document = parse_json(text, "")
    except InputError as error:
        problem = InputError("", "err.import_json", reason=error.details["reason"])
        line = int(str(error.details["line"]))
        raise FileProblems(source, [(Place("line", line), problem)]) from None
    raw_records = document.get("records") if isinstance(document, dict) else None
    if not isinstance(raw_records, list):
        shape = InputError("", "err.import_json_shape")
        raise FileProblems(source, [(Place("records_key", 0), shape)])
    checker = _RowChecker("records")
    for index, raw in enumerate(raw_records, start=1):
        if not isinstance(raw, dict) or not isinstance(raw.get("scores"), dict):
            problem = InputError("", "err.import_record")
            checker.problems.append((Place("records", index), problem))
            continue
        row = {key: _text(raw.get(key)) for key in RECORD_KEYS}
        checker.check(index, row | {p: _text(raw["scores"].get(p)) for p in PILLARS})
    ticks = _ticks(_listed(document, "ticks"), checker)
    plans = _plans(_listed(document, "plans"), checker)
    done_before = _done_before(_listed(document, "done_before"), checker)
    return checker.history(source, ticks)._replace(plans=plans, done_before=done_before)


def _listed(document: dict[str, Any], key: str) -> list[Any]:
    """The list under `key` (none: an empty list; anything else: one bad entry to report)."""
    found = document.get(key) or []
    return found if isinstance(found, list) else [None]


def _ticks(raw_ticks: list[Any], checker: _RowChecker) -> list[tuple[date, str]]:
    ticks = []
    for index, raw in enumerate(raw_ticks, start=1):
        try:
            ticks.append((values.parse_day(_text(raw["date"]), "date"), str(raw["id"])))
        except (InputError, KeyError, TypeError):
            checker.problems.append((Place("ticks", index), InputError("", "err.import_tick")))
    return ticks


def _plans(raw_plans: list[Any], checker: _RowChecker) -> dict[date, SavedPlan]:
    """The day plans of a backup (`history --json` of this release)."""
    plans = {}
    for index, raw in enumerate(raw_plans, start=1):
        try:
            items = [
                StoredItem(
                    values.parse_whole(str(item["number"]), "number", 1, 1000),
                    _identifier(item["id"]),
                    _pillar(item["pillar"]),
                    values.parse_whole(str(item["minutes"]), "minutes", 1, MAX_BUDGET),
                )
                for item in raw["items"]
            ]
            day = values.parse_day(_text(raw["date"]), "date")
            based_on = values.parse_day(_text(raw["based_on"]), "based_on")
            minutes = values.parse_budget(str(raw["minutes"]), "minutes")
            rules = raw.get("rules")
            if rules is not None and not isinstance(rules, str):
                raise TypeError
        except (InputError, KeyError, TypeError):
            checker.problems.append((Place("plans", index), InputError("", "err.import_plan")))
            continue
        plans[day] = SavedPlan(items, minutes, rules, based_on)
    return plans


def _done_before(raw_done: list[Any], checker: _RowChecker) -> dict[str, date]:
    done = {}
    for index, raw in enumerate(raw_done, start=1):
        try:
            done[_identifier(raw["id"])] = values.parse_day(_text(raw["date"]), "date")
        except (InputError, KeyError, TypeError):
            problem = InputError("", "err.import_tick")
            checker.problems.append((Place("done_before", index), problem))
    return done


def _identifier(value: object) -> str:
    if not isinstance(value, str) or not value:
        raise TypeError
    return value


def _pillar(value: object) -> str:
    if value not in PILLARS:
        raise TypeError
    return str(value)


class _RowChecker:
    """Checks rows one by one, keeping the good records and the reasons for the bad ones."""

    def __init__(self, kind: str) -> None:
        self.kind = kind  # how a row's place is named: `line` or `records`
        self.records: list[Record] = []
        self.problems: list[tuple[Place, InputError]] = []
        self.seen: dict[date, int] = {}

    def check(self, number: int, row: dict[str, str]) -> None:
        try:
            record = _record(row)
        except InputError as error:
            self.problems.append((Place(self.kind, number), error))
            return
        if record.day in self.seen:
            first = Place(self.kind, self.seen[record.day])
            again = InputError("", "err.import_day_twice", value=record.day, place=first)
            self.problems.append((Place(self.kind, number), again))
            return
        self.seen[record.day] = number
        self.records.append(record)

    def history(self, source: str, ticks: list[tuple[date, str]]) -> History:
        if self.problems:
            raise FileProblems(source, self.problems)
        return History(records=self.records, ticks=ticks)


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _record(row: dict[str, str]) -> Record:
    scores = {p: values.parse_score(row[p], p) for p in PILLARS}
    record = Record(
        day=values.parse_day(row["date"], "date"),
        scores=scores,
        industry=_optional(row, "industry", values.parse_benchmark),
        network=_optional(row, "network", values.parse_benchmark),
        industry_rank=_optional(row, "industry_rank", values.parse_rank),
        network_rank=_optional(row, "network_rank", values.parse_rank),
        team=_optional(row, "team", values.parse_benchmark),
        team_rank=_optional(row, "team_rank", values.parse_rank),
    )
    if row.get("total", "").strip():
        total = values.parse_decimal(row["total"], "total", 0.0, MAX_TOTAL)
        if abs(total - sum(scores.values())) > STORED_TOTAL_TOLERANCE:
            raise InputError(
                "total", "err.total", value=row["total"], sum=f"{sum(scores.values()):.2f}"
            )
    return record


Value = TypeVar("Value")


def _optional(row: dict[str, str], name: str, parse: Callable[[str, str], Value]) -> Value | None:
    text = row.get(name, "")
    return parse(text, name) if text.strip() else None
