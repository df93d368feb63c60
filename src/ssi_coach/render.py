"""Human output: the same content as plain text or with terminal colours, within 80 columns.

Colour is used only when stdout is a terminal, NO_COLOR is not set and TERM is not dumb. The
hot path (`check`) writes its few ANSI codes itself: importing Rich would cost more start-up
time than the whole rest of the command.
"""

from __future__ import annotations

import os
import re
import textwrap
from collections.abc import Collection, Sequence
from typing import ClassVar, TextIO

from ssi_coach.messages import format_benchmark_value, format_number, t
from ssi_coach.pillars import LABELS, PILLARS, Lang, label, short_label
from ssi_coach.planner import PlanItem
from ssi_coach.report import CheckReport

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


def _gap_sentence(name: str, value: float, gap: float, lang: Lang, paint: Painter) -> str:
    what = t(lang, f"bench.{name}")
    shown_value = format_benchmark_value(value, lang)
    if gap > 0:
        sentence = t(lang, "gap.behind", gap=format_number(gap, lang), what=what, value=shown_value)
        return paint(sentence, "red")
    if gap < 0:
        sentence = t(lang, "gap.ahead", gap=format_number(-gap, lang), what=what, value=shown_value)
        return paint(sentence, "green")
    return t(lang, "gap.level", what=what, value=shown_value)


def render_check(report: CheckReport, color: bool) -> str:
    lang, paint = report.lang, Painter(color)
    assessment, plan = report.assessment, report.plan
    lines = [
        paint(
            t(
                lang,
                "total",
                total=format_number(assessment.total, lang),
                band=report.band.name[lang],
            ),
            "bold",
        ),
        "",
        paint(t(lang, "pillars"), "bold"),
    ]
    label_width = max(len(LABELS[p][lang]) for p in PILLARS)
    marker = ("◀ " if color else "< ") + t(lang, "weakest")
    bar_width = WIDTH - (2 + label_width + 2 + 5 + 2 + 2 + len(marker))
    for pillar in assessment.pillars:
        row = (
            f"  {label(pillar.key, lang):<{label_width}}  "
            f"{format_number(pillar.score, lang):>5}  {paint.bar(pillar.score, bar_width)}"
        )
        if pillar.key == assessment.weakest:
            row += "  " + paint(marker, "yellow", "bold")
        lines.append(row)

    lines += ["", paint(t(lang, "benchmarks"), "bold")]
    for bench in assessment.benchmarks:
        lines.append("  " + _gap_sentence(bench.name, bench.value, bench.gap, lang, paint))

    heading = t(
        lang,
        "plan",
        date=plan.day.isoformat(),
        minutes=plan.minutes,
        pillar=label(plan.focus, lang),
    )
    lines += ["", *(paint(line, "bold") for line in _wrap(heading, 2, first_indent=0))]
    lines += render_items(plan.items, lang, paint)
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


def render_items(
    items: Sequence[PlanItem], lang: Lang, paint: Painter, done: Collection[str] = ()
) -> list[str]:
    """A numbered checklist (pillar, minutes, action, why); ids in `done` are ticked."""
    lines = []
    for number, item in enumerate(items, start=1):
        ticked = item.action.id in done
        prefix = (
            f"  {number:>2}. {'[x]' if ticked else '[ ]'} "
            f"{short_label(item.action.pillar, lang):<13} "
            f"{t(lang, 'minutes', minutes=item.minutes):>6}  "
        )
        indent = len(prefix)
        body = _wrap(inert(item.action.text[lang]), indent)
        body[0] = paint(prefix, "dim" if ticked else "cyan") + body[0][indent:]
        lines += body
        why = f"{t(lang, 'why')} {inert(item.action.why[lang])}"
        lines += [paint(line, "dim") for line in _wrap(why, indent)]
    return lines
