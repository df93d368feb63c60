"""The interactive checklist of `today -i`: arrow keys to move, space to tick, enter to save.

Built on questionary (itself on prompt_toolkit), imported only on this path: it is by far the
heaviest import of ssi-coach and the morning alias must not pay for it.
"""

from __future__ import annotations

import shutil

from ssi_coach.checklist import Checklist
from ssi_coach.messages import t
from ssi_coach.pillars import Lang, short_label
from ssi_coach.render import inert


def choose_done(checklist: Checklist, lang: Lang) -> list[str] | None:
    """The ids the user leaves ticked, or None if they cancelled (Ctrl-C or Escape)."""
    import questionary

    width = max(40, min(shutil.get_terminal_size().columns, 120) - 8)
    choices = []
    for item in checklist.items:
        title = (
            f"{item.number}. {short_label(item.action.pillar, lang)}, "
            f"{t(lang, 'minutes', minutes=item.minutes)}: {inert(item.action.text[lang])}"
        )
        if len(title) > width:
            title = title[: width - 1] + "…"
        choices.append(questionary.Choice(title=title, value=item.action.id, checked=item.done))
    answer: list[str] | None = questionary.checkbox(
        t(lang, "interactive.prompt"), choices=choices, instruction=t(lang, "interactive.help")
    ).ask()
    return answer
