"""The interactive checklist of `today -i`: arrow keys to move, space to tick, enter to save.

Built on questionary (itself on prompt_toolkit), imported only on this path: it is by far the
heaviest import of ssi-coach and the morning alias must not pay for it.
"""

from __future__ import annotations

import shutil

from ssi_coach.core.checklist import Checklist
from ssi_coach.core.pillars import Lang, short_label
from ssi_coach.output.messages import localized
from ssi_coach.output.safe_text import escape_controls


def choose_done(checklist: Checklist, lang: Lang) -> list[str] | None:
    """The ids the user leaves ticked, or None if they cancelled (Ctrl-C or Escape)."""
    import questionary

    width = max(40, min(shutil.get_terminal_size().columns, 120) - 8)
    choices = []
    for item in checklist.items:
        title = (
            f"{item.number}. {short_label(item.action.pillar, lang)}, "
            f"{localized(lang, 'minutes', minutes=item.minutes)}: "
            f"{escape_controls(item.action.text[lang])}"
        )
        if len(title) > width:
            title = title[: width - 1] + "…"
        choices.append(questionary.Choice(title=title, value=item.action.id, checked=item.done))
    question = questionary.checkbox(
        localized(lang, "interactive.prompt"),
        choices=choices,
        instruction=localized(lang, "interactive.help"),
    )
    try:  # not `ask()`, which says "Cancelled by user" in English on Ctrl-C
        answer: list[str] | None = question.unsafe_ask()
    except KeyboardInterrupt:
        return None
    return answer
