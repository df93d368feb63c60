"""Human output of `review`: as text for the terminal (styled like `history`), and as Markdown
to paste into a one-to-one note, a Slack message or an email.

The Markdown is plain text whatever the output: no style marks, so no escape code ever, and
the rulebook's texts (outside text) are escaped for Markdown by `safe_text.escape_markdown`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ssi_coach.core.pillars import PILLARS, Lang, short_label
from ssi_coach.output.messages import format_change, format_day, format_number, localized, plural
from ssi_coach.output.render import streak_sentence, wrap
from ssi_coach.output.safe_text import escape_markdown
from ssi_coach.output.terminal import style

if TYPE_CHECKING:
    from ssi_coach.core.review import Review, Suggestion
    from ssi_coach.core.rulebook import Action


def _as_is(text: str) -> str:
    return text


def review_title(review: Review, lang: Lang) -> str:
    period = review.period
    first, last = format_day(period.first, lang), format_day(period.last, lang)
    if period.week is not None:
        return localized(lang, "review.title_week", week=period.week, first=first, last=last)
    days = plural(lang, "days", period.days)
    return localized(lang, "review.title", first=first, last=last, days=days)


def ssi_sentence(review: Review, lang: Lang) -> str:
    start, end = review.start, review.end
    if start.day == end.day:
        total = format_number(end.total, lang)
        return localized(lang, "review.one_record", end=total, end_date=format_day(end.day, lang))
    return localized(
        lang,
        "review.ssi",
        start=format_number(start.total, lang),
        start_date=format_day(start.day, lang),
        end=format_number(end.total, lang),
        end_date=format_day(end.day, lang),
        change=format_change(review.change.total, lang),
    )


def days_sentence(review: Review, lang: Lang) -> str:
    return localized(lang, "review.days", planned=review.days_planned, done=review.days_done)


def suggestion_sentence(
    suggestion: Suggestion, lang: Lang, shown: Callable[[str], str] = _as_is
) -> str:
    """The suggestion in words; `shown` makes the action's text safe for the format."""
    sentence = localized(
        lang,
        f"review.suggest.{suggestion.kind}",
        pillar=short_label(suggestion.pillar, lang),
        change=format_change(suggestion.change, lang),
        score=format_number(suggestion.score, lang),
        missed=suggestion.missed,
        days=suggestion.days,
        action=shown(suggestion.action.text[lang]),
    )
    return sentence[:1].upper() + sentence[1:]  # it may start with a pillar's name


def _top_row(action: Action, count: int, lang: Lang, shown: Callable[[str], str]) -> str:
    return localized(
        lang,
        "review.top_row",
        text=shown(action.text[lang]),
        pillar=short_label(action.pillar, lang),
        times=plural(lang, "times", count),
    )


def _rows(review: Review, lang: Lang) -> list[tuple[str, str, str, str, str, float]]:
    """The table's rows: pillar, start, end, change, minutes done/planned, and the change as
    a number (for its colour); the total last."""
    start, end, change = review.start, review.end, review.change
    rows = []
    for pillar in PILLARS:
        minutes = review.minutes[pillar]
        rows.append(
            (
                short_label(pillar, lang),
                format_number(start.scores[pillar], lang),
                format_number(end.scores[pillar], lang),
                format_change(change.pillars[pillar], lang),
                f"{minutes.done}/{minutes.planned}",
                change.pillars[pillar],
            )
        )
    rows.append(
        (
            localized(lang, "review.total"),
            format_number(start.total, lang),
            format_number(end.total, lang),
            format_change(change.total, lang),
            f"{review.minutes_done}/{review.minutes_planned}",
            change.total,
        )
    )
    return rows


def _headers(lang: Lang) -> list[str]:
    keys = ("pillar", "start", "end", "change", "minutes")
    return [localized(lang, f"review.{key}") for key in keys]


def render_review(review: Review, lang: Lang) -> str:
    """The review as text, within 80 columns."""
    lines = [style(review_title(review, lang), "bold"), *wrap(ssi_sentence(review, lang), 2, 0)]
    lines += ["", *_table(review, lang), ""]
    lines += ["  " + days_sentence(review, lang), "  " + streak_sentence(review.streak, lang)]
    lines += ["", style(localized(lang, "review.top"), "bold")]
    for number, done in enumerate(review.top_actions, start=1):
        lines += wrap(f"{number}. {_top_row(done.action, done.times, lang, _as_is)}", 5, 2)
    if not review.top_actions:
        lines.append("  " + localized(lang, "review.top_none"))
    lines += ["", style(localized(lang, "review.one_offs"), "bold")]
    for done in review.one_offs:
        lines += wrap(f"{done.day.isoformat()}  {done.action.text[lang]}", 14, 2)
    if not review.one_offs:
        lines.append("  " + localized(lang, "review.one_offs_none"))
    lines += ["", style(localized(lang, "review.next"), "bold")]
    lines += wrap(suggestion_sentence(review.suggestion, lang), 2)
    return "\n".join(lines) + "\n"


def _table(review: Review, lang: Lang) -> list[str]:
    headers = _headers(lang)
    widths = [max(len(short_label(p, lang)) for p in PILLARS)]
    widths += [max(7, len(header)) for header in headers[1:]]
    heading = f"  {'':<{widths[0]}}" + "".join(
        f"  {header:>{width}}" for header, width in zip(headers[1:], widths[1:], strict=True)
    )
    lines = [style(heading, "dim")]
    for *cells, moved in _rows(review, lang):
        name, start, end, change, minutes = cells
        shown_change = style(f"{change:>{widths[3]}}", "green" if moved >= 0 else "red")
        lines.append(
            f"  {name:<{widths[0]}}  {start:>{widths[1]}}  {end:>{widths[2]}}"
            f"  {shown_change}  {minutes:>{widths[4]}}"
        )
    return lines


def render_review_markdown(review: Review, lang: Lang) -> str:
    """The review as Markdown: a heading, a table of the pillars, lists, the suggestion."""
    shown = escape_markdown
    lines = [f"## {review_title(review, lang)}", "", ssi_sentence(review, lang), ""]
    lines.append("| " + " | ".join(_headers(lang)) + " |")
    lines.append("| --- | ---: | ---: | ---: | ---: |")
    lines += ["| " + " | ".join(cells) + " |" for *cells, _ in _rows(review, lang)]
    lines += ["", f"- {days_sentence(review, lang)}", f"- {streak_sentence(review.streak, lang)}"]
    lines += ["", f"### {localized(lang, 'review.top')}", ""]
    for number, done in enumerate(review.top_actions, start=1):
        lines.append(f"{number}. {_top_row(done.action, done.times, lang, shown)}")
    if not review.top_actions:
        lines.append(localized(lang, "review.top_none"))
    lines += ["", f"### {localized(lang, 'review.one_offs')}", ""]
    lines += [f"- {d.day.isoformat()}: {shown(d.action.text[lang])}" for d in review.one_offs]
    if not review.one_offs:
        lines.append(localized(lang, "review.one_offs_none"))
    lines += ["", f"### {localized(lang, 'review.next')}", ""]
    lines.append(suggestion_sentence(review.suggestion, lang, shown))
    return "\n".join(lines) + "\n"
