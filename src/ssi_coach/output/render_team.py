"""Human output of `team`: the summary, the table of reps, coaching groups and sub-teams."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from ssi_coach.core.pillars import PILLARS, Lang, abbreviation, label, short_label
from ssi_coach.output.messages import format_change, format_number, localized, plural
from ssi_coach.output.render import gap_sentence, styled_lines, wrap
from ssi_coach.output.safe_text import escape_controls
from ssi_coach.output.terminal import style

if TYPE_CHECKING:
    from ssi_coach.core.team_report import Averages, TeamReport

TEAM_ROWS_SHOWN: Final = 50  # beyond this, the top and bottom TEAM_ENDS reps only
TEAM_ENDS: Final = 10
NAME_WIDTH: Final = 18


def render_team(report: TeamReport, lang: Lang, show_all: bool) -> str:
    lines = _summary(report, lang)
    lines += ["", *_rep_table(report, lang, show_all)]
    lines += ["", *_coaching_groups(report, lang)]
    if report.teams:
        lines += ["", *_sub_teams(report.teams, lang)]
    return "\n".join(lines) + "\n"


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
    return lines


def _rep_table(report: TeamReport, lang: Lang, show_all: bool) -> list[str]:
    header = (
        f"  {'#':>5}  {localized(lang, 'team.name'):<{NAME_WIDTH}} "
        f"{localized(lang, 'history.total'):>6}{_pillar_heads(lang)}  "
        f"{localized(lang, 'team.weakest'):<7} {localized(lang, 'history.change'):>6}"
    )
    lines = [style(header, "dim")]
    positions: list[int | None] = list(range(len(report.reps)))  # None: the "hidden" line
    hidden = 0
    if not show_all and len(positions) > TEAM_ROWS_SHOWN:
        hidden = len(positions) - 2 * TEAM_ENDS
        positions = [*positions[:TEAM_ENDS], None, *positions[-TEAM_ENDS:]]
    for position in positions:
        if position is None:
            shown = localized(lang, "team.hidden", hidden=plural(lang, "hidden", hidden))
            lines.append(style("  " + shown, "dim"))
            continue
        rep = report.reps[position]
        change = "" if rep.change is None else format_change(rep.change, lang)
        row = (
            f"  {report.rank(rep):>5}  {_fit(rep.name, NAME_WIDTH)} "
            f"{format_number(rep.total, lang):>6}{_pillar_cells(rep.scores, lang)}  "
            f"{abbreviation(rep.weakest, lang):<7} {change:>6}"
        )
        lines.append(row.rstrip())
    return lines


def _coaching_groups(report: TeamReport, lang: Lang) -> list[str]:
    lines = [style(localized(lang, "team.groups"), "bold")]
    for group in report.groups:
        if not group.names:
            continue
        sentence = localized(
            lang,
            "team.group",
            pillar=label(group.pillar, lang),
            reps=plural(lang, "reps", len(group.names)),
            training=group.training.text[lang],
        )
        lines += wrap(sentence, 4, first_indent=2)
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
