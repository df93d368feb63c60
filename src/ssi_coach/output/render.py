"""Human output of `check`, `today` and `rules check`, within 80 columns.

Renderers return text with style marks (`terminal.style`); `terminal.finish` makes it safe
and coloured, or plain. `color` here only chooses glyphs (a solid bar on a colour terminal,
`#` and `-` in plain text).
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from ssi_coach.core.explanation import HABITS
from ssi_coach.core.pillars import MAX_PILLAR_SCORE, PILLARS, Lang, label, short_label
from ssi_coach.core.rulebook import ADVANCED_FROM, CADENCES
from ssi_coach.output.messages import (
    explanation_sentence,
    format_benchmark_value,
    format_change,
    format_day,
    format_number,
    localized,
    plural,
)
from ssi_coach.output.terminal import style

if TYPE_CHECKING:  # for annotations only: `check` must not pay for `history`'s modules
    from ssi_coach.core.check_report import CheckReport
    from ssi_coach.core.checklist import Checklist, Skipped
    from ssi_coach.core.records import Change
    from ssi_coach.core.rulebook import Action, Rulebook
    from ssi_coach.core.scoring import Assessment, BenchmarkGap
    from ssi_coach.core.trends import Streak

WIDTH = 80


def bar(score: float, width: int, color: bool, bar_style: str = "green") -> str:
    filled = round(score / MAX_PILLAR_SCORE * width)
    if color:
        return style("█" * filled, bar_style) + style("░" * (width - filled), "dim")
    return "#" * filled + "-" * (width - filled)


def wrap(text: str, indent: int, first_indent: int | None = None, width: int = WIDTH) -> list[str]:
    """`text` cut between words to `width` (the page's, by default), indented (the first
    line by `first_indent`)."""
    return textwrap.wrap(
        text,
        width=width,
        initial_indent=" " * (indent if first_indent is None else first_indent),
        subsequent_indent=" " * indent,
        break_on_hyphens=False,
    )


def styled_lines(text: str, text_style: str | None) -> list[str]:
    """`text` wrapped with a two-space indent, then styled (styling first would make the
    marks count as width)."""
    return [style(line, text_style) for line in wrap(text, 4, first_indent=2)]


def gap_sentence(bench: BenchmarkGap, lang: Lang, team: bool = False) -> tuple[str, str | None]:
    """How far a total is from a benchmark, in words, and the colour that says it."""
    # A team is compared with "the" industry average, a user with "your" industry average.
    key = "team.benchmark.industry" if team and bench.name == "industry" else f"bench.{bench.name}"
    what = localized(lang, key)
    value = format_benchmark_value(bench.value, lang)
    gap = format_number(abs(bench.gap), lang)
    if bench.gap > 0:
        return localized(lang, "gap.behind", gap=gap, what=what, value=value), "red"
    if bench.gap < 0:
        return localized(lang, "gap.ahead", gap=gap, what=what, value=value), "green"
    return localized(lang, "gap.level", what=what, value=value), None


def render_check(report: CheckReport, lang: Lang, color: bool, *, tick_hint: bool = False) -> str:
    """The report of `check` and `paste`; `tick_hint` (for a terminal) says how to tick the
    plan's items off."""
    lines = [*_check_headline(report, lang), ""]
    lines += _pillar_rows(report.assessment, report.change, lang, color)
    lines += _explanation_lines(report, lang)
    lines += ["", style(localized(lang, "benchmarks"), "bold")]
    lines += _benchmark_lines(report.assessment.benchmarks, report.ranks or {}, lang)
    lines += ["", *_plan_lines(report, lang)]
    if tick_hint:
        lines.append(style("  " + localized(lang, "tick.hint"), "dim"))
    focus = localized(
        lang,
        "focus",
        pillar=label(report.plan.focus, lang),
        score=format_number(report.assessment.scores[report.plan.focus], lang),
        diagnosis=report.focus_reason(lang),
    )
    lines += ["", *wrap(focus, 0)]
    return "\n".join(lines) + "\n"


def _check_headline(report: CheckReport, lang: Lang) -> list[str]:
    headline = localized(
        lang,
        "total",
        total=format_number(report.assessment.total, lang),
        band=report.band.name[lang],
    )
    change = report.change
    if change is not None:
        moved = format_change(change.total, lang)
        headline += ", " + localized(
            lang, "change", change=moved, date=format_day(change.since, lang)
        )
    return [style(headline, "bold")]


MIN_BAR_WIDTH = 20  # narrower, 12/25 and 15/25 look alike: labels are shortened instead


def _pillar_rows(
    assessment: Assessment, change: Change | None, lang: Lang, color: bool
) -> list[str]:
    lines = [style(localized(lang, "pillars"), "bold")]
    marker = ("◀ " if color else "< ") + localized(lang, "weakest")
    change_width = 0 if change is None else 8
    name = label
    label_width = max(len(label(p, lang)) for p in PILLARS)
    bar_width = WIDTH - (2 + label_width + 2 + 5 + change_width + 2 + 2 + len(marker))
    if bar_width < MIN_BAR_WIDTH:
        name = short_label
        shorter = max(len(short_label(p, lang)) for p in PILLARS)
        bar_width, label_width = bar_width + label_width - shorter, shorter
    for pillar in assessment.pillars:
        moved = "" if change is None else f"  {format_change(change.pillars[pillar.key], lang):>6}"
        weakest = pillar.key == assessment.weakest
        row = (
            f"  {name(pillar.key, lang):<{label_width}}  "
            f"{format_number(pillar.score, lang):>5}{moved}  "
            f"{bar(pillar.score, bar_width, color, 'yellow' if weakest else 'green')}"
        )
        if weakest:
            row += "  " + style(marker, "yellow", "bold")
        lines.append(row)
    return lines


def _explanation_lines(report: CheckReport, lang: Lang) -> list[str]:
    """The "What moved" block: nothing without a previous record, or when nothing moved."""
    if report.change is None or not report.explanation:
        return []
    lines = ["", style(localized(lang, "explain"), "bold")]
    for item in report.explanation:
        sentence = explanation_sentence(item, report.change.since, lang)
        indent = 4 if item.kind == HABITS else 2  # under the change it goes with
        lines += wrap(sentence, indent + 2, first_indent=indent)
    return lines


def _benchmark_lines(
    benchmarks: tuple[BenchmarkGap, ...], ranks: dict[str, int], lang: Lang
) -> list[str]:
    lines = []
    unplaced = dict(ranks)
    for bench in benchmarks:
        sentence, sentence_style = gap_sentence(bench, lang)
        if bench.name in unplaced:
            sentence += f" ({_rank_words(bench.name, unplaced.pop(bench.name), lang)})"
        lines += styled_lines(sentence, sentence_style)
    for name, rank in unplaced.items():  # a rank given without its average
        words = _rank_words(name, rank, lang)
        lines.append(f"  {words[:1].upper()}{words[1:]}")
    return lines


def _plan_lines(report: CheckReport, lang: Lang) -> list[str]:
    plan = report.plan
    heading = localized(
        lang,
        "plan",
        date=format_day(plan.day, lang),
        minutes=plural(lang, "minutes", plan.minutes),
        pillar=label(plan.focus, lang),
    )
    lines = [style(line, "bold") for line in wrap(heading, 2, first_indent=0)]
    lines += render_items([(item.action, item.minutes, False) for item in plan.items], lang)
    total = plural(lang, "minutes", plan.minutes)
    lines.append("  " + localized(lang, "plan.total", minutes=total))
    return lines


def render_rulebook_summary(rulebook: Rulebook, lang: Lang) -> str:
    counts = rulebook.actions_per_pillar()
    summary = localized(
        lang,
        "rules.summary",
        bands=plural(lang, "bands", len(rulebook.bands)),
        actions=plural(lang, "actions", len(rulebook.actions)),
        share=round(rulebook.focus_share * 100),
    )
    lines = [localized(lang, "rules.valid", path=rulebook.source), "  " + summary]
    for pillar in PILLARS:
        actions = [a for a in rulebook.actions if a.pillar == pillar]
        lines.append(
            "  "
            + localized(
                lang,
                "rules.pillar",
                pillar=short_label(pillar, lang),
                count=plural(lang, "actions", counts[pillar]),
                advanced=sum(a.score_low >= ADVANCED_FROM for a in actions),
                fewest=min(len(rulebook.actions_for(pillar, s / 2)) for s in range(51)),
            )
        )
    cadences = {c: sum(a.cadence == c for a in rulebook.actions) for c in CADENCES}
    lines.append("  " + localized(lang, "rules.cadences", **cadences))
    more = localized(
        lang,
        "rules.more",
        sourced=sum(a.source is not None for a in rulebook.actions),
        actions=len(rulebook.actions),
        navigator=sum("sales_navigator" in a.needs for a in rulebook.actions),
        publishing=sum(a.publishes for a in rulebook.actions),
        per_week=rulebook.publishes_per_week,
    )
    lines += wrap(more, 4, first_indent=2)
    return "\n".join(lines) + "\n"


def render_items(rows: Sequence[tuple[Action, int, bool]], lang: Lang) -> list[str]:
    """A numbered checklist of (action, minutes, done): pillar, minutes, action and its why."""
    lines = []
    for number, (action, minutes, done) in enumerate(rows, start=1):
        prefix = (
            f"  {number:>2}. {'[x]' if done else '[ ]'} {short_label(action.pillar, lang):<13} "
            f"{localized(lang, 'minutes', minutes=minutes):>6}  "
        )
        indent = len(prefix)
        body = wrap(action.text[lang], indent)
        if done:  # a ticked item fades out
            body[0] = prefix + body[0][indent:]
            lines += [style(line, "dim") for line in body]
        else:
            lines += [style(prefix, "cyan") + body[0][indent:], *body[1:]]
        why = f"{localized(lang, 'why')} {action.why[lang]}"
        lines += [style(line, "dim") for line in wrap(why, indent)]
    return lines


def render_today(checklist: Checklist, lang: Lang) -> str:
    based_on = checklist.based_on or checklist.day
    heading = localized(
        lang, "today", date=format_day(checklist.day, lang), based_on=format_day(based_on, lang)
    )
    lines = [style(line, "bold") for line in wrap(heading, 2, first_indent=0)]
    if checklist.rest_day:
        lines += wrap(localized(lang, "today.rest"), 2, first_indent=2)
    lines += render_items([(i.action, i.minutes, i.done) for i in checklist.items], lang)
    left = checklist.minutes_left
    all_done = (
        localized(lang, "today.done")
        if checklist.day == date.today()
        else localized(lang, "today.done_day", date=format_day(checklist.day, lang))
    )
    status = (
        style(all_done, "green", "bold")
        if left == 0
        else localized(lang, "today.left", minutes=plural(lang, "minutes", left))
    )
    lines += ["", f"  {status}", f"  {streak_sentence(checklist.streak, lang)}"]
    return "\n".join(lines) + "\n"


def _rank_words(group: str, rank: int, lang: Lang) -> str:
    return localized(lang, "rank", rank=rank, what=localized(lang, f"rank.{group}"))


def streak_sentence(streak: Streak, lang: Lang) -> str:
    current, best = plural(lang, "days", streak.current), plural(lang, "days", streak.best)
    return localized(lang, "streak", current=current, best=best)


def render_skip(skipped: Skipped, lang: Lang) -> str:
    """What `skip` changed, then the day's checklist."""
    old = skipped.skipped.id
    if skipped.replaced_by is None:
        line = localized(lang, "skip.done_before", old=old)
    else:
        line = localized(lang, "skip.replaced", old=old, new=skipped.replaced_by.id)
    return line + "\n" + render_today(skipped.checklist, lang)
