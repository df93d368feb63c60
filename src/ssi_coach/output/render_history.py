"""Human output of `history`: the table of records, the chart of the total, a trend line per
pillar, the forecast, the streak and the habits that worked."""

from __future__ import annotations

import math
from itertools import pairwise
from typing import TYPE_CHECKING, Final

from ssi_coach.core.pillars import PILLARS, Lang, short_label
from ssi_coach.output.messages import (
    format_benchmark_value,
    format_change,
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
_PLAIN_LEVELS: Final = " .:-=+*#@"
CHART_HEIGHT: Final = 8


def _buckets(values: list[float], width: int) -> list[float]:
    """`values` averaged into at most `width` columns, oldest first."""
    if len(values) <= width:
        return values
    edges = [round(i * len(values) / width) for i in range(width + 1)]
    return [sum(values[a:b]) / (b - a) for a, b in pairwise(edges)]


def sparkline(values: list[float], color: bool, width: int = 30) -> str:
    """A one-line trend, scaled between the lowest and highest value shown."""
    levels = _BLOCKS[1:] if color else _PLAIN_LEVELS[1:]
    points = _buckets(values, width)
    low, high = min(points), max(points)
    spread = (high - low) or 1.0
    return "".join(levels[round((v - low) / spread * (len(levels) - 1))] for v in points)


class _Scale:
    """The chart's vertical scale: from `low` to `high` in `height` rows."""

    def __init__(self, points: list[float], target: float, height: int) -> None:
        self.low = max(0.0, math.floor((min(*points, target) - 5) / 5) * 5)
        self.high = min(100.0, math.ceil((max(*points, target) + 5) / 5) * 5)
        self.height = height
        self.step = (self.high - self.low) / height
        self.target_row = min(height - 1, int((target - self.low) / self.step))


def _cell(value: float, row: int, scale: _Scale, color: bool) -> str:
    """What the column of `value` shows at `row`: full, partly full, the target, or empty."""
    filled = (value - (scale.low + row * scale.step)) / scale.step
    if filled >= 1:
        return style("█", "green") if color else "#"
    if filled > 0:
        return style(_BLOCKS[max(1, round(filled * 8))], "green") if color else ":"
    if row == scale.target_row:
        return style("─", "yellow") if color else "-"
    return " "


def chart(values: list[float], target: float, color: bool, lang: Lang) -> list[str]:
    """The total over time as columns, with the target as a horizontal line."""
    width = WIDTH - 24
    points = _buckets(values, width)
    points = [p for p in points for _ in range(max(1, width // len(points)))]  # widen few points
    scale = _Scale(points, target, CHART_HEIGHT)
    axis = {scale.height - 1: scale.high, 0: scale.low, scale.target_row: target}
    shown_target = format_benchmark_value(target, lang)
    lines = []
    for row in range(scale.height - 1, -1, -1):
        cells = "".join(_cell(value, row, scale, color) for value in points)
        ticks = f"{format_benchmark_value(axis[row], lang):>5} |" if row in axis else "      |"
        label = ""
        if row == scale.target_row:
            label = "  " + localized(lang, "history.target", target=shown_target)
        lines.append(f"  {ticks}{cells}{label}")
    return lines


def render_history(report: HistoryReport, lang: Lang, color: bool) -> str:
    records = report.records
    title = localized(
        lang, "history", count=len(records), first=records[0].day, last=records[-1].day
    )
    lines = [style(title, "bold"), "", *_table(report, lang)]
    lines += ["", style(localized(lang, "history.chart"), "bold")]
    lines += chart([r.total for r in records], report.target, color, lang)
    lines += ["", style(localized(lang, "history.trends"), "bold")]
    first, last = records[0], records[-1]
    for pillar in PILLARS:
        line = sparkline([r.scores[pillar] for r in records], color)
        moved = format_change(last.scores[pillar] - first.scores[pillar], lang)
        lines.append(f"  {short_label(pillar, lang):<13}  {line:<30}  {moved:>6}")
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
    for effect in report.habits:
        sentence = localized(
            lang,
            "habits.row",
            pillar=short_label(effect.pillar, lang),
            done=format_change(effect.done_change, lang),
            done_days=effect.done_days,
            not_done=format_change(effect.not_done_change, lang),
            not_done_days=effect.not_done_days,
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
        date=forecast.day,
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
