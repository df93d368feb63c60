"""Human output of `history`: the table of records, the chart of the total, a trend line per
pillar, the forecast, the streak and the habits that worked."""

from __future__ import annotations

import math
from datetime import date, timedelta
from itertools import groupby, pairwise
from operator import itemgetter
from typing import TYPE_CHECKING, Final, NamedTuple

from ssi_coach.core.pillars import MAX_PILLAR_SCORE, PILLARS, Lang, short_label
from ssi_coach.output.messages import (
    format_benchmark_value,
    format_change,
    format_day,
    format_number,
    localized,
    plural,
)
from ssi_coach.output.render import WIDTH, streak_sentence, wrap
from ssi_coach.output.terminal import style

if TYPE_CHECKING:
    from ssi_coach.core.history_report import HistoryReport
    from ssi_coach.core.trends import Forecast

_BLOCKS: Final = " ▁▂▃▄▅▆▇█"
_PLAIN_LEVELS: Final = " .:;=o%#@"  # no + or -, which would read as a change
CHART_HEIGHT: Final = 10
_AXIS_WIDTH: Final = 9  # "  " + a five-character value + " |"
MIN_WIDTH: Final = 60
MAX_WIDTH: Final = 200


class _Glyphs(NamedTuple):
    full: str
    parts: str  # partly full cells, from the least full
    target: str
    forecast: str
    axis: str
    corner: str
    tick: str


_UNICODE: Final = _Glyphs("█", _BLOCKS[1:-1], "─", "•", "│", "└", "┴")
_ASCII: Final = _Glyphs("#", "___::::", "-", ".", "|", "+", "+")


class _Timeline(NamedTuple):
    """The chart's time axis: `days` days from `start`, the last `ahead` of them forecast."""

    start: date
    days: int
    ahead: int

    def day_at(self, column: int, columns: int) -> float:
        """The day offset (from `start`) a column stands for: the middle of its share."""
        return (column + 0.5) * self.days / columns - 0.5


def _at(points: list[tuple[int, float]], day: float) -> float:
    """The value at `day` on the line through `points` (day offsets, oldest first)."""
    if day <= points[0][0]:
        return points[0][1]
    for (d0, v0), (d1, v1) in pairwise(points):
        if day <= d1:
            return v0 + (v1 - v0) * (day - d0) / (d1 - d0)
    return points[-1][1]


def _offsets(days: list[date], values: list[float]) -> list[tuple[int, float]]:
    return [((d - days[0]).days, v) for d, v in zip(days, values, strict=True)]


def sparkline(
    days: list[date],
    values: list[float],
    color: bool,
    width: int = 30,
    scale: tuple[float, float] = (0.0, MAX_PILLAR_SCORE),
) -> str:
    """A one-line trend over time on `scale` (low, high), by default the pillar's whole
    scale, 0 to 25: a flat pillar stays flat, whatever its small ups and downs."""
    levels = _BLOCKS[1:] if color else _PLAIN_LEVELS[1:]
    points = _offsets(days, values)
    span = points[-1][0] + 1
    timeline = _Timeline(days[0], span, 0)
    samples = [_at(points, timeline.day_at(c, width)) for c in range(width)]
    top = len(levels) - 1
    low, high = scale
    return "".join(levels[max(0, min(top, round((v - low) / (high - low) * top)))] for v in samples)


class _Scale:
    """The chart's vertical scale: a window of whole fives around the values and the target,
    from `low` to `high` in `height` rows."""

    def __init__(self, values: list[float], target: float, height: int) -> None:
        self.low = max(0.0, math.floor((min(*values, target) - 2) / 5) * 5)
        self.high = min(100.0, math.ceil((max(*values, target) + 2) / 5) * 5)
        self.height = height
        self.step = (self.high - self.low) / height
        self.target_row = self.row_of(target)

    def row_of(self, value: float) -> int:
        return max(0, min(self.height - 1, int((value - self.low) / self.step)))


def _timeline(report: HistoryReport) -> _Timeline:
    """From the first record shown to the last, then the forecast's days, but never more
    ahead than the days behind (or two weeks), so the past keeps its share of the chart."""
    first, last = report.records[0].day, report.records[-1].day
    behind = (last - first).days + 1
    forecast = report.forecast
    ahead = 0
    if forecast.day is not None and not forecast.reached and forecast.days:
        ahead = min(forecast.days, max(14, behind))
    return _Timeline(first, behind + ahead, ahead)


def chart(report: HistoryReport, color: bool, lang: Lang, width: int = WIDTH) -> list[str]:
    """The total over time as filled columns on a time axis with dates, the target as a line
    and the forecast going on as dots."""
    glyphs = _UNICODE if color else _ASCII
    columns = max(MIN_WIDTH, min(MAX_WIDTH, width)) - _AXIS_WIDTH
    timeline = _timeline(report)
    past = _offsets([r.day for r in report.records], [r.total for r in report.records])
    samples = [_sample(report, past, timeline, timeline.day_at(c, columns)) for c in range(columns)]
    scale = _Scale([v for v, _ in samples], report.target, CHART_HEIGHT)
    axis = {scale.height - 1: scale.high, 0: scale.low, scale.target_row: report.target}
    lines = []
    for row in range(scale.height - 1, -1, -1):
        cells = _styled([_cell(value, ahead, row, scale, glyphs) for value, ahead in samples])
        tick = format_benchmark_value(axis[row], lang) if row in axis else ""
        lines.append(f"  {tick:>5} {glyphs.axis}{cells}".rstrip())
    lines += _time_axis(timeline, columns, glyphs)
    lines.append(_legend(report.target, glyphs, lang))
    return lines


def _sample(
    report: HistoryReport, past: list[tuple[int, float]], timeline: _Timeline, day: float
) -> tuple[float, bool]:
    """The total a column shows, and whether it is the forecast's."""
    last = past[-1][0]
    if day <= last + 0.5 or report.forecast.per_day is None:
        return _at(past, day), False
    return report.records[-1].total + report.forecast.per_day * (day - last), True


def _styled(cells: list[tuple[str, str | None]]) -> str:
    """The cells of a row, each run of one style marked once."""
    return "".join(
        style("".join(glyph for glyph, _ in run), name)
        for name, run in groupby(cells, itemgetter(1))
    )


def _cell(
    value: float, ahead: bool, row: int, scale: _Scale, glyphs: _Glyphs
) -> tuple[str, str | None]:
    """What a column shows at `row`: filled, partly filled, the forecast's dot, the target
    line, or nothing."""
    if ahead:
        if row == scale.row_of(value):
            return glyphs.forecast, "cyan"
    else:
        filled = (value - (scale.low + row * scale.step)) / scale.step
        if filled >= 1:
            return glyphs.full, "green"
        if filled > 0:
            part = glyphs.parts[max(0, min(len(glyphs.parts) - 1, int(filled * 8) - 1))]
            return part, "green"
    if row == scale.target_row:
        return glyphs.target, "yellow"
    return " ", None


def _time_axis(timeline: _Timeline, columns: int, glyphs: _Glyphs) -> list[str]:
    """The axis line with a tick under each date shown, and the dates: the first, the last
    record's, the forecast's last, and as many between as fit."""

    def column_of(offset: int) -> int:
        return min(columns - 1, int((offset + 0.5) * columns / timeline.days))

    last = timeline.days - 1
    wanted = [0, last, last - timeline.ahead] if timeline.ahead else [0, last]
    between = max(0, columns // 18 - len(wanted))
    wanted += [round(last * (i + 1) / (between + 1)) for i in range(between)]
    labels = [" "] * columns
    ticks = [glyphs.target] * columns
    for offset in dict.fromkeys(wanted):  # the first ones win a place
        text = (timeline.start + timedelta(days=offset)).isoformat()
        column = column_of(offset)
        left = max(0, min(column - len(text) // 2, columns - len(text)))
        if all(c == " " for c in labels[max(0, left - 2) : left + len(text) + 2]):
            labels[left : left + len(text)] = text
            ticks[column] = glyphs.tick
    pad = " " * (_AXIS_WIDTH - 2)
    return [f"{pad} {glyphs.corner}{''.join(ticks)}", f"{pad}  {''.join(labels)}".rstrip()]


def _legend(target: float, glyphs: _Glyphs, lang: Lang) -> str:
    return " " * _AXIS_WIDTH + localized(
        lang,
        "history.legend",
        total=style(glyphs.full, "green"),
        line=style(glyphs.target, "yellow"),
        target=format_benchmark_value(target, lang),
        forecast=style(glyphs.forecast, "cyan"),
    )


def render_history(report: HistoryReport, lang: Lang, color: bool, width: int = WIDTH) -> str:
    records = report.records
    title = localized(
        lang,
        "history" if records[0].day != records[-1].day else "history.one_day",
        count=plural(lang, "records", len(records)),
        first=format_day(records[0].day, lang),
        last=format_day(records[-1].day, lang),
    )
    lines = [style(title, "bold"), "", *_table(report, lang)]
    lines += ["", style(localized(lang, "history.chart"), "bold")]
    lines += chart(report, color, lang, width)
    lines += ["", style(localized(lang, "history.trends"), "bold")]
    first, last = records[0], records[-1]
    spark_width = max(MIN_WIDTH, min(MAX_WIDTH, width)) - 25
    days = [r.day for r in records]
    for pillar in PILLARS:
        line = sparkline(days, [r.scores[pillar] for r in records], color, spark_width)
        moved = format_change(last.scores[pillar] - first.scores[pillar], lang)
        lines.append(f"  {short_label(pillar, lang):<13}  {line:<{spark_width}}  {moved:>6}")
    lines += ["", *wrap(_forecast_sentence(report.forecast, lang), 2, first_indent=0)]
    lines.append(streak_sentence(report.streak, lang))
    lines += _habit_lines(report, lang)
    return "\n".join(lines) + "\n"


def _table(report: HistoryReport, lang: Lang) -> list[str]:
    widths = [max(6, len(short_label(p, lang))) for p in PILLARS]
    columns = list(zip(PILLARS, widths, strict=True))
    header = (
        f"  {localized(lang, 'history.date'):<10}  {localized(lang, 'history.total'):>6}"
        + "".join(f"  {short_label(p, lang):>{w}}" for p, w in columns)
        + f"  {localized(lang, 'history.change'):>7}"
    )
    lines = [style(header, "dim")]
    for record, change in zip(report.records, report.changes, strict=True):
        row = f"  {record.day.isoformat():<10}  {format_number(record.total, lang):>6}" + "".join(
            f"  {format_number(record.scores[p], lang):>{w}}" for p, w in columns
        )
        if change is not None:
            shown = format_change(change.total, lang)
            row += "  " + style(f"{shown:>7}", "green" if change.total >= 0 else "red")
        lines.append(row)
    return lines


def _habit_lines(report: HistoryReport, lang: Lang) -> list[str]:
    if not report.habits:
        return []
    lines = ["", style(localized(lang, "habits"), "bold")]
    lines += [style(line, "dim") for line in wrap(localized(lang, "habits.lag"), 2)]
    for effect in report.habits:
        sentence = localized(
            lang,
            "habits.row",
            pillar=short_label(effect.pillar, lang),
            done=format_change(effect.done_change, lang),
            done_days=plural(lang, "days_done", effect.done_days),
            not_done=format_change(effect.not_done_change, lang),
            not_done_days=plural(lang, "days_not_done", effect.not_done_days),
        )
        lines += wrap(sentence, 4, first_indent=2)
    return lines


def _forecast_sentence(forecast: Forecast, lang: Lang) -> str:
    target = format_benchmark_value(forecast.target, lang)
    if forecast.reached:
        return localized(lang, "forecast.reached", target=target)
    if forecast.per_day is None:
        records = plural(lang, "records", forecast.records)
        days = plural(lang, "days", forecast.span_days)
        return localized(lang, "forecast.thin", records=records, days=days)
    pace = _pace(forecast.per_day, lang)
    if forecast.day is None or forecast.latest is None or forecast.days is None:
        return localized(lang, "forecast.never", pace=pace, target=target)
    return localized(
        lang,
        "forecast.date",
        pace=pace,
        latest=format_number(forecast.latest, lang),
        target=target,
        days=plural(lang, "days", forecast.days),
        date=format_day(forecast.day, lang),
    )


def _pace(per_day: float, lang: Lang) -> str:
    """The pace a day and a week; French puts the noun in the singular below 2."""
    one = lang == "fr" and abs(per_day) < 2
    return localized(
        lang,
        "forecast.pace.one" if one else "forecast.pace.many",
        day=format_change(per_day, lang),
        week=format_change(per_day * 7, lang),
    )
