"""`check` and `paste`: assess the day's scores, plan the day, save both, say what changed."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from ssi_coach.commands.settings import Settings
from ssi_coach.core.check_report import CheckReport, build_check_report
from ssi_coach.core.explanation import explain, habits_window
from ssi_coach.core.planner import MEMORY_DAYS, NO_MEMORY, Memory
from ssi_coach.core.records import Record, change_between
from ssi_coach.formats.rulebook_file import load_rulebook
from ssi_coach.storage.files import PASTE_LIMIT, read_input
from ssi_coach.storage.store import Store, open_store


def check_scores(
    scores: dict[str, float],
    settings: Settings,
    day: date,
    ranks: dict[str, int],
    *,
    save: bool,
    team: float | None = None,
) -> CheckReport:
    """The report on `scores`, with the change since the previous record and what explains
    it (the ticks of the days before `day`); with `save`, the record and its plan (with its
    budget and rulebook) become the day's, in one transaction."""
    rulebook = load_rulebook(settings.rules)
    record = Record(
        day,
        scores,
        settings.industry,
        settings.network,
        industry_rank=ranks.get("industry"),
        network_rank=ranks.get("network"),
        team=team,
        team_rank=ranks.get("team"),
    )
    with open_store(create=save) as store:
        memory = NO_MEMORY if store is None else planner_memory(store, day, settings)
        report = build_check_report(
            scores,
            target=settings.target,
            industry=settings.industry,
            network=settings.network,
            budget=settings.minutes,
            day=day,
            rulebook=rulebook,
            ranks=ranks,
            tools=settings.tools,
            memory=memory,
            team=team,
        )
        previous = None if store is None else store.record_before(day)
        ticked: dict[str, int] = {}
        if store is not None and previous is not None:  # the ticks that may explain a move
            ticked = store.ticked_items_per_pillar(*habits_window(day))
        if store is not None and save:
            store.save_record(record, report.plan, rules_of(settings))
    if previous is None:
        return report
    change = change_between(previous, record)
    return report._replace(change=change, explanation=tuple(explain(change, day, ticked)))


def paste_scores(
    content: bytes, settings: Settings, day: date, *, save: bool, labels: Path | None = None
) -> CheckReport:
    """`check_scores` on what LinkedIn showed (its page's text, or its SSI JSON). What the
    page shows beats the saved settings; the settings fill what it lacks. `labels` is a
    page labels file of the user's."""
    from ssi_coach.formats.page_labels import load_page_labels
    from ssi_coach.formats.paste import read_pasted

    pasted = read_pasted(content, load_page_labels(labels) if labels else None)
    settings = settings._replace(
        industry=pasted.industry if pasted.industry is not None else settings.industry,
        network=pasted.network if pasted.network is not None else settings.network,
    )
    team = pasted.averages.get("team")
    return check_scores(pasted.scores, settings, day, pasted.ranks, save=save, team=team)


def pasted_input(source: str | None) -> bytes:
    """What the user pasted: the file named, stdin (`-`, or no name and a pipe), or else the
    system clipboard."""
    if source is None and (sys.stdin is None or sys.stdin.isatty()):
        from ssi_coach.storage.clipboard import read_clipboard

        return read_clipboard(PASTE_LIMIT)
    return read_input(source or "-", PASTE_LIMIT)


def planner_memory(store: Store, day: date, settings: Settings) -> Memory:
    """What the planner must know of the user's past before `day`."""
    known = store.planner_memory(day, MEMORY_DAYS)
    return Memory(
        last_done=known.last_done,
        planned=known.planned,
        skipped=known.skipped,
        working_days=max(1, 7 - len(settings.rest_days)),
    )


def rules_of(settings: Settings) -> str | None:
    """The rulebook a saved plan comes from, as stored: None for the shipped one."""
    return None if settings.rules is None else str(settings.rules.expanduser().resolve())
