"""Human output of `team`: the summary, the table of reps, the team's trend, who moved,
coaching groups and sub-teams; and the warnings said on stderr."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Final

from ssi_coach.core.pillars import PILLARS, Lang, abbreviation, label, short_label
from ssi_coach.core.team_report import STALE_AFTER_DAYS
from ssi_coach.output.messages import (
    format_benchmark_value,
    format_change,
    format_day,
    format_number,
    localized,
    plural,
)
from ssi_coach.output.render import WIDTH, gap_sentence, styled_lines, wrap
from ssi_coach.output.safe_text import escape_controls
from ssi_coach.output.terminal import style

if TYPE_CHECKING:
    from datetime import date

    from ssi_coach.core.team_report import Averages, Rep, TeamReport, TeamWarning

TEAM_ROWS_SHOWN: Final = 50  # beyond this, the top and bottom TEAM_ENDS reps only
TEAM_ENDS: Final = 10
NAME_WIDTH: Final = 18  # at most: with dates, the table gives the name what is left of WIDTH
MIN_NAME_WIDTH: Final = 8
WARNINGS_SHOWN: Final = 10  # on stderr; --json lists them all
TREND_WIDTH: Final = 52  # a year of weeks; a longer trend is drawn on as many columns


def render_team(report: TeamReport, lang: Lang, show_all: bool, color: bool = False) -> str:
    lines = _summary(report, lang)
    lines += ["", *_rep_table(report, lang, show_all)]
    if len(report.trend) >= 2:
        lines += ["", *_trend(report, lang, color)]
    moved = _movers(report, lang)
    if moved:
        lines += ["", *moved]
    lines += ["", *_coaching_groups(report, lang)]
    if report.teams:
        lines += ["", *_sub_teams(report.teams, lang)]
    return "\n".join(lines) + "\n"


def team_warnings(report: TeamReport, source: str, lang: Lang) -> str:
    """What the reader did that the user should know, a line each for stderr, the first
    WARNINGS_SHOWN of them and how many more."""
    said = [_warning(warning, source, lang) for warning in report.warnings[:WARNINGS_SHOWN]]
    more = len(report.warnings) - WARNINGS_SHOWN + report.more_warnings
    if more > 0:
        said.append(localized(lang, "warn.team.more", source=source, n=more))
    prefix = f"ssi-coach: {localized(lang, 'warning')} "
    return "".join(f"{prefix}{line}\n" for line in said)


def _warning(warning: TeamWarning, source: str, lang: Lang) -> str:
    return localized(
        lang,
        f"warn.team.{warning.kind}",
        source=source,
        lines=", ".join(str(line) for line in warning.lines),
        name=escape_controls(warning.name),
        date=warning.day.isoformat() if warning.day else "",
    )


def _fit(text: str, width: int) -> str:
    """`text` made safe (so that its escapes count in the width), cut to `width` characters
    and padded to it."""
    text = escape_controls(text)
    return (text[: width - 1] + "…" if len(text) > width else text).ljust(width)


def _pillar_cells(scores: dict[str, float], lang: Lang) -> str:
    return "".join(f" {format_number(scores[p], lang):>6}" for p in PILLARS)


def _pillar_heads(lang: Lang) -> str:
    return "".join(f" {abbreviation(p, lang):>6}" for p in PILLARS)


def _summary(report: TeamReport, lang: Lang) -> list[str]:
    summary = report.summary
    heading = localized(lang, "team", reps=plural(lang, "reps", summary.reps))
    if report.stale:
        heading += f", {plural(lang, 'stale', report.stale)}"
    if report.rejected:
        heading += f", {plural(lang, 'rows', len(report.rejected))}"
    average = localized(
        lang,
        "team.average",
        total=format_number(summary.total, lang),
        band=report.band_names[report.average_band][lang],
        pillar=label(summary.weakest, lang),
    )
    lines = [style(heading, "bold"), *wrap(average, 2, first_indent=0)]
    lines.append(
        "  "
        + "   ".join(
            f"{short_label(p, lang)} {format_number(summary.pillars[p], lang)}" for p in PILLARS
        )
    )
    bands = ", ".join(f"{report.band_names[band][lang]} {n}" for band, n in report.bands.items())
    lines.append(localized(lang, "team.bands", bands=bands))
    for bench in report.benchmarks:
        sentence, sentence_style = gap_sentence(bench, lang, team=True)
        lines += styled_lines(sentence, sentence_style)
    return lines + _below_industry(report, lang)


class _Columns:
    """The table's widths: the rank as wide as the number of reps, the change as its
    heading, and with dates a column for each rep's last update, the name taking what is
    left of the page."""

    def __init__(self, report: TeamReport, lang: Lang) -> None:
        self.rank = max(1, len(str(len(report.reps))))
        self.change = max(6, len(localized(lang, "history.change")))
        self.updated = max(10, len(localized(lang, "team.updated"))) if report.newest else 0
        fixed = 2 + self.rank + 2 + 1 + 6 + 7 * len(PILLARS) + 2 + 7 + 1 + self.change
        room = WIDTH - fixed - (self.updated + 1 if self.updated else 0)
        self.name = max(MIN_NAME_WIDTH, min(NAME_WIDTH, room))

    def row(self, rank: str, name: str, total: str, pillars: str, weakest: str, *more: str) -> str:
        change, updated = more
        last = f" {updated:<{self.updated}}" if self.updated else ""
        return (
            f"  {rank:>{self.rank}}  {_fit(name, self.name)} {total:>6}{pillars}  "
            f"{weakest:<7} {change:>{self.change}}{last}"
        ).rstrip()


def _rep_table(report: TeamReport, lang: Lang, show_all: bool) -> list[str]:
    columns = _Columns(report, lang)
    header = columns.row(
        "#",
        localized(lang, "team.name"),
        localized(lang, "history.total"),
        _pillar_heads(lang),
        localized(lang, "team.weakest"),
        localized(lang, "history.change"),
        localized(lang, "team.updated"),
    )
    current = [rep for rep in report.reps if not rep.stale]
    lines = [style(header, "dim"), *_rep_rows(report, current, columns, lang, show_all)]
    if report.stale:
        newest = report.newest
        assert newest is not None  # only a dated file has stale reps
        note = localized(lang, "team.stale", days=STALE_AFTER_DAYS, date=format_day(newest, lang))
        stale = report.reps[len(current) :]
        lines += [style(line, "dim") for line in wrap(note, 2, first_indent=2)]
        lines += _rep_rows(report, stale, columns, lang, show_all)
    if report.change_since is not None:
        lines += [style(line, "dim") for line in wrap(_since(report.change_since, lang), 4, 2)]
    return lines


def _since(dates: tuple[date, date], lang: Lang) -> str:
    """What `change` is measured from: one date, or the range of each rep's."""
    first, last = (format_day(day, lang) for day in dates)
    if first == last:
        return localized(lang, "team.change_since", date=first)
    return localized(lang, "team.change_since_each", first=first, last=last)


def _rep_rows(
    report: TeamReport, reps: list[Rep], columns: _Columns, lang: Lang, show_all: bool
) -> list[str]:
    positions: list[int | None] = list(range(len(reps)))  # None: the "hidden" line
    hidden = 0
    if not show_all and len(positions) > TEAM_ROWS_SHOWN:
        hidden = len(positions) - 2 * TEAM_ENDS
        positions = [*positions[:TEAM_ENDS], None, *positions[-TEAM_ENDS:]]
    lines = []
    for position in positions:
        if position is None:
            shown = localized(lang, "team.hidden", hidden=plural(lang, "hidden", hidden))
            lines.append(style("  " + shown, "dim"))
            continue
        rep = reps[position]
        row = columns.row(
            "-" if rep.stale else str(report.rank(rep)),
            rep.name,
            format_number(rep.total, lang),
            _pillar_cells(rep.scores, lang),
            abbreviation(rep.weakest, lang),
            "" if rep.change is None else format_change(rep.change, lang),
            "" if rep.day is None else rep.day.isoformat(),
        )
        lines.append(style(row, "dim") if rep.stale else row)
    return lines


def _trend(report: TeamReport, lang: Lang, color: bool) -> list[str]:
    """The team's average per week as a sparkline, between its first and last values, and
    the change over the period."""
    from ssi_coach.output.render_history import sparkline

    weeks = report.trend
    averages = [week.average for week in weeks]
    low = math.floor(min(averages) / 5) * 5
    high = max(low + 5, math.ceil(max(averages) / 5) * 5)
    width = min(TREND_WIDTH, max(8, len(weeks)))
    line = sparkline([w.monday for w in weeks], averages, color, width, (low, high))
    heading = localized(
        lang,
        "team.trend",
        first=format_day(weeks[0].monday, lang),
        last=format_day(weeks[-1].monday, lang),
        weeks=plural(lang, "weeks", len(weeks)),
    )
    first, last = format_number(averages[0], lang), format_number(averages[-1], lang)
    change = format_change(round(averages[-1] - averages[0], 2), lang)
    headings = [style(part, "bold") for part in wrap(heading, 2, first_indent=0)]
    return [*headings, f"  {first:>6} {style(line, 'green')} {last:<6}  {change}"]


def _movers(report: TeamReport, lang: Lang) -> list[str]:
    """The most improved and the most declined reps."""
    lines = []
    for key, reps in (
        ("team.improved", report.movers.improved),
        ("team.declined", report.movers.declined),
    ):
        if reps:
            named = ", ".join(
                f"{escape_controls(rep.name)} {format_change(rep.period_change or 0, lang)}"
                for rep in reps
            )
            lines += wrap(localized(lang, key, reps=named), 4, first_indent=2)
    if lines:
        lines.insert(0, style(localized(lang, "team.movers"), "bold"))
    return lines


def _below_industry(report: TeamReport, lang: Lang) -> list[str]:
    """The current reps below the industry average, lowest first."""
    below = report.below_industry
    industry = next((b.value for b in report.benchmarks if b.name == "industry"), None)
    if below is None or industry is None:
        return []
    value = format_benchmark_value(industry, lang)
    if not below:
        return wrap(localized(lang, "team.none_below", value=value), 4, first_indent=2)
    named = ", ".join(
        f"{escape_controls(rep.name)} {format_number(rep.total, lang)}" for rep in below[:TEAM_ENDS]
    )
    if len(below) > TEAM_ENDS:
        named += ", " + localized(lang, "team.more", n=len(below) - TEAM_ENDS)
    sentence = localized(lang, "team.below_industry", value=value, reps=named)
    return wrap(sentence, 4, first_indent=2)


def _coaching_groups(report: TeamReport, lang: Lang) -> list[str]:
    """Each group with its median on the pillar, then the rulebook's actions for that
    score, then its reps."""
    lines = [style(localized(lang, "team.groups"), "bold")]
    for group in report.groups:
        if not group.names:
            continue
        sentence = localized(
            lang,
            "team.group",
            pillar=label(group.pillar, lang),
            reps=plural(lang, "reps", len(group.names)),
            median=format_number(group.median, lang),
        )
        lines += wrap(sentence, 4, first_indent=2)
        for action in group.actions:
            body = wrap(action.text[lang], 6)
            lines += ["    - " + body[0][6:], *body[1:]]
        shown = [escape_controls(name) for name in group.names[:TEAM_ENDS]]
        if len(group.names) > TEAM_ENDS:
            shown.append(localized(lang, "team.more", n=len(group.names) - TEAM_ENDS))
        lines += [style(line, "dim") for line in wrap(", ".join(shown), 4)]
    return lines


def _sub_teams(teams: dict[str, Averages], lang: Lang) -> list[str]:
    header = (
        f"  {'':<{NAME_WIDTH + 7}} {localized(lang, 'history.total'):>6}{_pillar_heads(lang)}  "
        f"{localized(lang, 'team.weakest'):<7} {localized(lang, 'team.count'):>6}"
    )
    lines = [style(localized(lang, "team.teams"), "bold"), style(header, "dim")]
    for name, averages in teams.items():
        lines.append(
            f"  {_fit(name, NAME_WIDTH + 7)} {format_number(averages.total, lang):>6}"
            f"{_pillar_cells(averages.pillars, lang)}  "
            f"{abbreviation(averages.weakest, lang):<7} {averages.reps:>6}"
        )
    return lines
