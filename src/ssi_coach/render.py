"""Human output: the same content as plain text or with terminal colours, within 80 columns.

Colour is used only when stdout is a terminal, NO_COLOR is not set and TERM is not dumb. The
hot path (`check`) writes its few ANSI codes itself: importing Rich would cost more start-up
time than the whole rest of the command.
"""

from __future__ import annotations

import math
import os
import re
import textwrap
from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, ClassVar, TextIO

from ssi_coach.messages import format_benchmark_value, format_change, format_number, plural, t
from ssi_coach.pillars import LABELS, PILLARS, Lang, abbreviation, label, short_label

if TYPE_CHECKING:  # for annotations only: `check` must not pay for `history`'s modules
    from ssi_coach.checklist import Checklist
    from ssi_coach.report import CheckReport
    from ssi_coach.rulebook import Action, Rulebook
    from ssi_coach.team import TeamReport
    from ssi_coach.trends import Forecast, HistoryReport, Streak

WIDTH = 80
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def wants_color(stream: TextIO, environ: dict[str, str] | None = None) -> bool:
    environ = dict(os.environ) if environ is None else environ
    if environ.get("NO_COLOR") or environ.get("TERM") == "dumb":
        return False
    return stream.isatty()


def inert(text: str) -> str:
    """`text` with control characters (and so escape sequences) shown, never obeyed."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


class Painter:
    """Adds ANSI styles in colour mode, nothing in plain mode."""

    _CODES: ClassVar[dict[str, str]] = {
        "bold": "1",
        "dim": "2",
        "red": "31",
        "green": "32",
        "yellow": "33",
        "cyan": "36",
    }

    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, text: str, *styles: str) -> str:
        if not self.color or not styles:
            return text
        codes = ";".join(self._CODES[style] for style in styles)
        return f"\x1b[{codes}m{text}\x1b[0m"

    def bar(self, score: float, width: int) -> str:
        filled = round(score / 25 * width)
        if self.color:
            return self("█" * filled, "green") + self("░" * (width - filled), "dim")
        return "#" * filled + "-" * (width - filled)


def _wrap(text: str, indent: int, first_indent: int | None = None) -> list[str]:
    """`text` wrapped to the page width, indented (the first line by `first_indent`)."""
    return textwrap.wrap(
        text,
        width=WIDTH,
        initial_indent=" " * (indent if first_indent is None else first_indent),
        subsequent_indent=" " * indent,
        break_on_hyphens=False,
    )


def _gap_sentence(
    name: str, value: float, gap: float, lang: Lang, team: bool = False
) -> tuple[str, str | None]:
    """How far a total is from a benchmark, in words, and the colour that says it."""
    # A team is compared with "the" industry average, a user with "your" industry average.
    what = t(lang, "team.benchmark.industry" if team and name == "industry" else f"bench.{name}")
    shown_value = format_benchmark_value(value, lang)
    if gap > 0:
        sentence = t(lang, "gap.behind", gap=format_number(gap, lang), what=what, value=shown_value)
        return sentence, "red"
    if gap < 0:
        sentence = t(lang, "gap.ahead", gap=format_number(-gap, lang), what=what, value=shown_value)
        return sentence, "green"
    return t(lang, "gap.level", what=what, value=shown_value), None


def _painted_lines(text: str, style: str | None, paint: Painter) -> list[str]:
    """`text` wrapped with a two-space indent, then painted (painting first would make the
    escape codes count as width)."""
    return [paint(line, style) if style else line for line in _wrap(text, 4, first_indent=2)]


def render_check(report: CheckReport, color: bool) -> str:
    lang, paint = report.lang, Painter(color)
    assessment, plan = report.assessment, report.plan
    change = report.change
    headline = t(
        lang, "total", total=format_number(assessment.total, lang), band=report.band.name[lang]
    )
    if change is not None:
        since = t(lang, "change", change=format_change(change.total, lang), date=change.since)
        headline += f", {since}"
    lines = [paint(headline, "bold"), "", paint(t(lang, "pillars"), "bold")]
    label_width = max(len(LABELS[p][lang]) for p in PILLARS)
    marker = ("◀ " if color else "< ") + t(lang, "weakest")
    change_width = 0 if change is None else 8
    bar_width = WIDTH - (2 + label_width + 2 + 5 + change_width + 2 + 2 + len(marker))
    for pillar in assessment.pillars:
        shown_change = (
            "" if change is None else f"  {format_change(change.pillars[pillar.key], lang):>6}"
        )
        row = (
            f"  {label(pillar.key, lang):<{label_width}}  "
            f"{format_number(pillar.score, lang):>5}{shown_change}  "
            f"{paint.bar(pillar.score, bar_width)}"
        )
        if pillar.key == assessment.weakest:
            row += "  " + paint(marker, "yellow", "bold")
        lines.append(row)

    lines += ["", paint(t(lang, "benchmarks"), "bold")]
    ranks = dict(report.ranks or {})
    for bench in assessment.benchmarks:
        sentence, style = _gap_sentence(bench.name, bench.value, bench.gap, lang)
        if bench.name in ranks:
            sentence += f" ({_rank_words(bench.name, ranks.pop(bench.name), lang)})"
        lines += _painted_lines(sentence, style, paint)
    for name, rank in ranks.items():  # a rank given without its average
        words = _rank_words(name, rank, lang)
        lines.append(f"  {words[:1].upper()}{words[1:]}")

    heading = t(
        lang,
        "plan",
        date=plan.day.isoformat(),
        minutes=plan.minutes,
        pillar=label(plan.focus, lang),
    )
    lines += ["", *(paint(line, "bold") for line in _wrap(heading, 2, first_indent=0))]
    lines += render_items([(item.action, item.minutes, False) for item in plan.items], lang, paint)
    lines.append("  " + t(lang, "plan.total", minutes=plan.minutes))

    focus = t(
        lang,
        "focus",
        pillar=label(plan.focus, lang),
        score=format_number(assessment.scores[plan.focus], lang),
        diagnosis=report.focus_diagnosis,
    )
    lines += ["", *_wrap(inert(focus), 0)]
    return "\n".join(lines) + "\n"


def render_rulebook_summary(rulebook: Rulebook, lang: Lang) -> str:
    counts = rulebook.actions_per_pillar()
    lines = [
        t(lang, "rules.valid", path=rulebook.source),
        "  "
        + t(
            lang,
            "rules.summary",
            bands=len(rulebook.bands),
            actions=len(rulebook.actions),
            share=round(rulebook.focus_share * 100),
        ),
        *("  " + t(lang, "rules.pillar", pillar=p, count=counts[p]) for p in PILLARS),
    ]
    return "\n".join(lines) + "\n"


def render_items(rows: Sequence[tuple[Action, int, bool]], lang: Lang, paint: Painter) -> list[str]:
    """A numbered checklist of (action, minutes, done): pillar, minutes, action and its why."""
    lines = []
    for number, (action, minutes, done) in enumerate(rows, start=1):
        prefix = (
            f"  {number:>2}. {'[x]' if done else '[ ]'} {short_label(action.pillar, lang):<13} "
            f"{t(lang, 'minutes', minutes=minutes):>6}  "
        )
        indent = len(prefix)
        body = _wrap(inert(action.text[lang]), indent)
        body[0] = prefix + body[0][indent:]
        if done:  # a ticked item fades out
            lines += [paint(line, "dim") for line in body]
        else:
            lines += [paint(prefix, "cyan") + body[0][indent:], *body[1:]]
        why = f"{t(lang, 'why')} {inert(action.why[lang])}"
        lines += [paint(line, "dim") for line in _wrap(why, indent)]
    return lines


def render_today(checklist: Checklist, lang: Lang, color: bool) -> str:
    paint = Painter(color)
    heading = t(lang, "today", date=checklist.day, based_on=checklist.based_on)
    lines = [paint(line, "bold") for line in _wrap(heading, 2, first_indent=0)]
    lines += render_items([(i.action, i.minutes, i.done) for i in checklist.items], lang, paint)
    left = checklist.minutes_left
    status = (
        paint(t(lang, "today.done"), "green", "bold")
        if left == 0
        else t(lang, "today.left", minutes=left)
    )
    streak = checklist.streak
    lines += ["", f"  {status}", f"  {_streak_sentence(streak, lang)}"]
    return "\n".join(lines) + "\n"


_BLOCKS = " ▁▂▃▄▅▆▇█"
_PLAIN_LEVELS = " .:-=+*#@"


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


def chart(
    values: list[float], target: float, color: bool, lang: Lang, height: int = 8
) -> list[str]:
    """The total over time as columns, with the target as a horizontal line."""
    paint = Painter(color)
    width = WIDTH - 24
    points = _buckets(values, width)
    points = [p for p in points for _ in range(max(1, width // len(points)))]  # widen few points
    low = max(0.0, math.floor((min(*points, target) - 5) / 5) * 5)
    high = min(100.0, math.ceil((max(*points, target) + 5) / 5) * 5)
    step = (high - low) / height
    target_row = min(height - 1, int((target - low) / step))
    lines = []
    for row in range(height - 1, -1, -1):
        bottom = low + row * step
        cells = []
        for value in points:
            filled = (value - bottom) / step
            if filled >= 1:
                cells.append(paint("█", "green") if color else "#")
            elif filled > 0:
                level = _BLOCKS[max(1, round(filled * 8))] if color else ":"
                cells.append(paint(level, "green"))
            elif row == target_row:
                cells.append(paint("─", "yellow") if color else "-")
            else:
                cells.append(" ")
        axis = {height - 1: high, 0: low} | {target_row: target}
        scale = f"{format_benchmark_value(axis[row], lang):>5} |" if row in axis else "      |"
        label = ""
        if row == target_row:
            label = "  " + t(lang, "history.target", target=format_benchmark_value(target, lang))
        lines.append(f"  {scale}{''.join(cells)}{label}")
    return lines


def render_history(report: HistoryReport, lang: Lang, color: bool) -> str:
    paint = Painter(color)
    records = report.records
    lines = [
        paint(
            t(lang, "history", count=len(records), first=records[0].day, last=records[-1].day),
            "bold",
        ),
        "",
    ]
    widths = [max(6, len(short_label(p, lang))) for p in PILLARS]
    header = f"  {t(lang, 'history.date'):<10}  {t(lang, 'history.total'):>6}" + "".join(
        f"  {short_label(p, lang):>{w}}" for p, w in zip(PILLARS, widths, strict=True)
    )
    lines.append(paint(header + f"  {t(lang, 'history.change'):>7}", "dim"))
    for record, change in zip(records, report.changes, strict=True):
        row = f"  {record.day.isoformat():<10}  {format_number(record.total, lang):>6}" + "".join(
            f"  {format_number(record.scores[p], lang):>{w}}"
            for p, w in zip(PILLARS, widths, strict=True)
        )
        if change is not None:
            shown = format_change(change.total, lang)
            row += "  " + paint(f"{shown:>7}", "green" if change.total >= 0 else "red")
        lines.append(row)

    lines += ["", paint(t(lang, "history.chart"), "bold")]
    lines += chart([r.total for r in records], report.target, color, lang)
    lines += ["", paint(t(lang, "history.trends"), "bold")]
    first, last = records[0], records[-1]
    for pillar in PILLARS:
        line = sparkline([r.scores[pillar] for r in records], color)
        moved = format_change(last.scores[pillar] - first.scores[pillar], lang)
        lines.append(f"  {short_label(pillar, lang):<13}  {line:<30}  {moved:>6}")

    lines += ["", *_wrap(_forecast_sentence(report.forecast, lang), 2, first_indent=0)]
    streak = report.streak
    lines.append(_streak_sentence(streak, lang))
    if report.habits:
        lines += ["", paint(t(lang, "habits"), "bold")]
        for effect in report.habits:
            sentence = t(
                lang,
                "habits.row",
                pillar=short_label(effect.pillar, lang),
                done=format_change(effect.done_change, lang),
                done_days=effect.done_days,
                not_done=format_change(effect.not_done_change, lang),
                not_done_days=effect.not_done_days,
            )
            lines += _wrap(sentence, 4, first_indent=2)
    return "\n".join(lines) + "\n"


def _rank_words(group: str, rank: int, lang: Lang) -> str:
    return t(lang, "rank", rank=rank, what=t(lang, f"rank.{group}"))


def _streak_sentence(streak: Streak, lang: Lang) -> str:
    current, best = plural(lang, "days", streak.current), plural(lang, "days", streak.best)
    return t(lang, "streak", current=current, best=best)


def _forecast_sentence(forecast: Forecast, lang: Lang) -> str:
    target = format_benchmark_value(forecast.target, lang)
    if forecast.reached:
        return t(lang, "forecast.reached", target=target)
    if forecast.per_day is None:
        return t(lang, "forecast.thin")
    pace = format_change(forecast.per_day, lang)
    if forecast.day is None:
        return t(lang, "forecast.never", pace=pace, target=target)
    return t(lang, "forecast.date", pace=pace, target=target, date=forecast.day)


TEAM_ROWS_SHOWN = 50  # beyond this, the top and bottom TEAM_ENDS reps only
TEAM_ENDS = 10
NAME_WIDTH = 18


def _fit(text: str, width: int) -> str:
    """`text` made inert and cut to `width` characters, padded to it."""
    text = inert(text)
    return (text[: width - 1] + "…" if len(text) > width else text).ljust(width)


def _pillar_cells(scores: dict[str, float], lang: Lang) -> str:
    return "".join(f" {format_number(scores[p], lang):>6}" for p in PILLARS)


def render_team(report: TeamReport, lang: Lang, color: bool, show_all: bool) -> str:
    paint = Painter(color)
    summary = report.summary
    heading = t(lang, "team", reps=plural(lang, "reps", summary.reps))
    if report.rejected:
        heading += f", {plural(lang, 'rows', len(report.rejected))}"
    average = t(
        lang,
        "team.average",
        total=format_number(summary.total, lang),
        band=report.band_names[report.average_band][lang],
        pillar=label(summary.weakest, lang),
    )
    lines = [paint(heading, "bold"), *_wrap(average, 2, first_indent=0)]
    lines.append(
        "  "
        + "   ".join(
            f"{short_label(p, lang)} {format_number(summary.pillars[p], lang)}" for p in PILLARS
        )
    )
    bands = ", ".join(f"{report.band_names[band][lang]} {n}" for band, n in report.bands.items())
    lines.append(t(lang, "team.bands", bands=bands))
    for bench in report.benchmarks:
        sentence, style = _gap_sentence(bench.name, bench.value, bench.gap, lang, team=True)
        lines += _painted_lines(sentence, style, paint)

    pillar_heads = "".join(f" {abbreviation(p, lang):>6}" for p in PILLARS)
    lines += [
        "",
        paint(
            f"  {'#':>5}  {t(lang, 'team.name'):<{NAME_WIDTH}} {t(lang, 'history.total'):>6}"
            f"{pillar_heads}  {t(lang, 'team.weakest'):<7} {t(lang, 'history.change'):>6}",
            "dim",
        ),
    ]
    positions: list[int | None] = list(range(len(report.reps)))  # None: the "hidden" line
    hidden = 0
    if not show_all and len(positions) > TEAM_ROWS_SHOWN:
        hidden = len(positions) - 2 * TEAM_ENDS
        positions = [*positions[:TEAM_ENDS], None, *positions[-TEAM_ENDS:]]
    for position in positions:
        if position is None:
            lines.append(
                paint("  " + t(lang, "team.hidden", reps=plural(lang, "reps", hidden)), "dim")
            )
            continue
        rep = report.reps[position]
        change = "" if rep.change is None else format_change(rep.change, lang)
        row = (
            f"  {report.ranks[position]:>5}  {_fit(rep.name, NAME_WIDTH)} "
            f"{format_number(rep.total, lang):>6}{_pillar_cells(rep.scores, lang)}  "
            f"{abbreviation(rep.weakest, lang):<7} {change:>6}"
        )
        lines.append(row.rstrip())

    lines += ["", paint(t(lang, "team.groups"), "bold")]
    for group in report.groups:
        if not group.names:
            continue
        sentence = t(
            lang,
            "team.group",
            pillar=label(group.pillar, lang),
            reps=plural(lang, "reps", len(group.names)),
            training=inert(group.training.text[lang]),
        )
        lines += _wrap(sentence, 4, first_indent=2)
        shown = [inert(name) for name in group.names[:TEAM_ENDS]]
        if len(group.names) > TEAM_ENDS:
            shown.append(t(lang, "team.more", n=len(group.names) - TEAM_ENDS))
        lines += [paint(line, "dim") for line in _wrap(", ".join(shown), 4)]

    if report.teams:
        lines += ["", paint(t(lang, "team.teams"), "bold")]
        lines.append(
            paint(
                f"  {'':<{NAME_WIDTH + 7}} {t(lang, 'history.total'):>6}{pillar_heads}  "
                f"{t(lang, 'team.weakest'):<7} {t(lang, 'team.count'):>6}",
                "dim",
            )
        )
        for name, averages in report.teams.items():
            lines.append(
                f"  {_fit(name, NAME_WIDTH + 7)} {format_number(averages.total, lang):>6}"
                f"{_pillar_cells(averages.pillars, lang)}  "
                f"{abbreviation(averages.weakest, lang):<7} {averages.reps:>6}"
            )
    return "\n".join(lines) + "\n"
