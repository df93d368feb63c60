"""The interactive checklist of `today -i`: arrow keys to move, space to tick, enter to save.

Built on questionary (itself on prompt_toolkit), imported only on this path: it is by far the
heaviest import of ssi-coach and the morning alias must not pay for it.
"""

from __future__ import annotations

import os

from ssi_coach.core.checklist import Checklist
from ssi_coach.core.pillars import Lang, short_label
from ssi_coach.output.messages import localized, plural
from ssi_coach.output.render import wrap
from ssi_coach.output.safe_text import escape_controls
from ssi_coach.output.terminal import terminal_width

# questionary draws " » ○ " before each choice's first line; its other lines start under it.
_CHOICE_INDENT = 5


def choose_done(checklist: Checklist, lang: Lang) -> list[str] | None:
    """The ids the user leaves ticked, or None if they cancelled (Ctrl-C or Escape)."""
    # prompt_toolkit warns in English when a terminal does not answer its cursor queries.
    os.environ.setdefault("PROMPT_TOOLKIT_NO_CPR", "1")
    import questionary

    width = max(40, terminal_width() - 1)
    choices = []
    for item in checklist.items:
        title = localized(
            lang,
            "interactive.choice",
            number=item.number,
            pillar=short_label(item.action.pillar, lang),
            minutes=plural(lang, "minutes", item.minutes),
            text=escape_controls(item.action.text[lang]),
        )
        choices.append(
            questionary.Choice(
                title=_wrapped(title, width, _CHOICE_INDENT),
                value=item.action.id,
                checked=item.done,
            )
        )
    try:
        # unsafe_ask lets Ctrl-C through: `ask` would print its own English "Cancelled by user".
        answer: list[str] | None = questionary.checkbox(
            localized(lang, "interactive.prompt"),
            choices=choices,
            instruction="\n"
            + _wrapped(localized(lang, "interactive.help"), width, 2, drawn_first=False),
        ).unsafe_ask()
    except KeyboardInterrupt:
        return None
    return answer


def _wrapped(text: str, width: int, indent: int, *, drawn_first: bool = True) -> str:
    """`text` cut between words to `width` columns, every line indented by `indent`, as one
    string for questionary (which would otherwise let the terminal cut mid-word). When
    questionary draws the first line's indent itself (` » ○ `), it is left out here."""
    lines = wrap(text, indent, width=width)
    if lines and drawn_first:
        lines[0] = lines[0][indent:]
    return "\n".join(lines)
