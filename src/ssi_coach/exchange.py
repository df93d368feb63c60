"""History in and out of files: CSV and JSON exports, and importing them back.

Imports are all or nothing: every row is checked first, and a file with any bad row writes
nothing and lists every bad row with its line number and the reason.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from ssi_coach import inputs
from ssi_coach.errors import InputError, SsiCoachError
from ssi_coach.messages import describe
from ssi_coach.pillars import MAX_PILLAR_SCORE, PILLARS, Lang
from ssi_coach.records import Record
from ssi_coach.spreadsheet import UTF8_ADVICE, csv_rows, decode
from ssi_coach.trends import Forecast, Streak

CSV_COLUMNS = ("date", "total", *PILLARS, "industry", "network")
TOTAL_TOLERANCE = 0.01


class ImportRefused(SsiCoachError):
    """The file cannot be imported; `problems` lists each bad row as (place, reason), the
    place being `line N` for CSV and `records[N]` for JSON."""

    def __init__(self, path: str, problems: list[tuple[str, str]]) -> None:
        super().__init__("\n".join(f"{path}: {place}: {reason}" for place, reason in problems))
        self.problems = problems


class History(NamedTuple):
    records: list[Record]
    ticks: list[tuple[date, str]]


# -- export ---------------------------------------------------------------------------------


def history_json(history: History, streak: Streak, forecast: Forecast) -> dict[str, Any]:
    return {
        "records": [
            {
                "date": r.day.isoformat(),
                "total": r.total,
                "scores": dict(r.scores),
                "industry": r.industry,
                "network": r.network,
                "industry_rank": r.industry_rank,
                "network_rank": r.network_rank,
            }
            for r in history.records
        ],
        "ticks": [{"date": day.isoformat(), "id": item_id} for day, item_id in history.ticks],
        "streak": {"current": streak.current, "best": streak.best},
        "forecast": {
            "target": forecast.target,
            "per_day": forecast.per_day,
            "date": None if forecast.day is None else forecast.day.isoformat(),
        },
    }


def history_csv(records: list[Record]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in records:
        writer.writerow(
            [
                r.day.isoformat(),
                _number(r.total),
                *(_number(r.scores[p]) for p in PILLARS),
                _number(r.industry),
                _number(r.network),
            ]
        )
    return out.getvalue()


def _number(value: float | None) -> str:
    # repr() is the shortest text that reads back as the same float: nothing is lost.
    return "" if value is None else repr(value)


# -- import ---------------------------------------------------------------------------------


def read_history_file(path: Path, lang: Lang) -> History:
    """The records (and ticks, from a JSON backup) in `path`, all checked."""
    try:
        content = path.read_bytes()
    except OSError as error:
        raise ImportRefused(str(path), [("file", f"cannot read it: {error.strerror}")]) from None
    text = decode(content)
    if text is None:
        raise ImportRefused(str(path), [("file", UTF8_ADVICE)])
    if text.lstrip().startswith("{"):
        return _from_json(text, str(path), lang)
    return _from_csv(text, str(path), lang)


def _from_csv(text: str, source: str, lang: Lang) -> History:
    raw_header, rows = csv_rows(io.StringIO(text, newline=""))
    header = [name.strip().lower() for name in raw_header]
    if not header:
        raise ImportRefused(source, [("line 1", "the file is empty")])
    missing = [f"missing column '{name}'" for name in ("date", *PILLARS) if name not in header]
    unknown = [f"unknown column '{name}'" for name in header if name not in CSV_COLUMNS]
    if missing or unknown:
        raise ImportRefused(source, [("line 1", "; ".join(missing + unknown))])
    checker = _RowChecker(lang)
    for line, values in rows:
        place = f"line {line}"
        if len(values) != len(header):
            checker.problems.append((place, f"{len(values)} fields, the header has {len(header)}"))
            continue
        checker.check(place, dict(zip(header, values, strict=True)))
    if checker.problems:
        raise ImportRefused(source, checker.problems)
    return History(records=checker.records, ticks=[])


def _from_json(text: str, source: str, lang: Lang) -> History:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportRefused(
            source, [(f"line {error.lineno}", f"invalid JSON: {error.msg}")]
        ) from None
    raw_records = document.get("records") if isinstance(document, dict) else None
    if not isinstance(raw_records, list):
        raise ImportRefused(
            source, [("records", "expected the JSON that 'ssi-coach history --json' writes")]
        )
    checker = _RowChecker(lang)
    for index, raw in enumerate(raw_records, start=1):
        place = f"records[{index}]"
        if not isinstance(raw, dict) or not isinstance(raw.get("scores"), dict):
            checker.problems.append((place, "expected an object with a date and scores"))
            continue
        keys = ("date", "total", "industry", "network", "industry_rank", "network_rank")
        row = {key: _text(raw.get(key)) for key in keys}
        checker.check(place, row | {p: _text(raw["scores"].get(p)) for p in PILLARS})
    ticks = []
    raw_ticks = document.get("ticks") or []
    for index, raw in enumerate(raw_ticks if isinstance(raw_ticks, list) else [None], start=1):
        try:
            ticks.append((inputs.parse_day(_text(raw["date"]), "date"), str(raw["id"])))
        except (InputError, KeyError, TypeError):
            checker.problems.append((f"ticks[{index}]", "expected an object with a date and an id"))
    if checker.problems:
        raise ImportRefused(source, checker.problems)
    return History(records=checker.records, ticks=ticks)


class _RowChecker:
    """Checks rows one by one, keeping the good records and the reasons for the bad ones."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self.records: list[Record] = []
        self.problems: list[tuple[str, str]] = []
        self.seen: dict[date, str] = {}

    def check(self, place: str, row: dict[str, str]) -> None:
        try:
            record = _record(row)
        except InputError as error:
            self.problems.append((place, describe(error, self.lang)))
            return
        if record.day in self.seen:
            self.problems.append(
                (place, f"{record.day} was already given at {self.seen[record.day]}")
            )
            return
        self.seen[record.day] = place
        self.records.append(record)


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _record(row: dict[str, str]) -> Record:
    scores = {p: inputs.parse_decimal(row[p], p, 0.0, MAX_PILLAR_SCORE) for p in PILLARS}
    record = Record(
        day=inputs.parse_day(row["date"], "date"),
        scores=scores,
        industry=_optional_benchmark(row, "industry"),
        network=_optional_benchmark(row, "network"),
        industry_rank=_optional_rank(row, "industry_rank"),
        network_rank=_optional_rank(row, "network_rank"),
    )
    if row.get("total", "").strip():
        total = inputs.parse_decimal(row["total"], "total", 0.0, 100.0)
        if abs(total - sum(scores.values())) > TOTAL_TOLERANCE:
            raise InputError(
                "total", "err.total", value=row["total"], sum=f"{sum(scores.values()):.2f}"
            )
    return record


def _optional_benchmark(row: dict[str, str], name: str) -> float | None:
    text = row.get(name, "")
    return inputs.parse_benchmark(text, name) if text.strip() else None


def _optional_rank(row: dict[str, str], name: str) -> int | None:
    text = row.get(name, "")
    return inputs.parse_rank(text, name) if text.strip() else None
