"""`today`, `done` and `undo`: the day's checklist, and ticking its items off."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from ssi_coach.commands.settings import Settings
from ssi_coach.core.checklist import Checklist, build_checklist, resolve_items
from ssi_coach.core.planner import build_plan
from ssi_coach.core.rulebook import Rulebook
from ssi_coach.core.trends import streak
from ssi_coach.errors import InputError, NothingYet
from ssi_coach.formats.rulebook_file import load_rulebook
from ssi_coach.storage.store import Store, open_store


def today(settings: Settings, day: date) -> Checklist:
    """The day's checklist, from the latest scores on or before `day`."""
    with _day_store(settings) as (store, rulebook):
        return _checklist(store, settings, day, rulebook)


def tick(
    settings: Settings, day: date, references: list[str], *, every_item: bool, done: bool
) -> Checklist:
    """Ticks (or, with `done` false, unticks) the items named by number or id, or every item;
    an unknown item changes nothing."""
    if not references and not every_item:
        raise InputError("ITEM", "err.no_items")
    with _day_store(settings) as (store, rulebook):
        checklist = _checklist(store, settings, day, rulebook)
        ids = checklist.ids if every_item else resolve_items(checklist, references)
        store.set_ticks(day, ids, done=done)
        return _checklist(store, settings, day, rulebook)


def keep_ticked(settings: Settings, day: date, chosen: list[str]) -> Checklist:
    """Makes `chosen` exactly the day's ticked items (what `today -i` saves), in one
    transaction."""
    with _day_store(settings) as (store, rulebook):
        checklist = _checklist(store, settings, day, rulebook)
        store.replace_ticks(day, chosen, among=checklist.ids)
        return _checklist(store, settings, day, rulebook)


@contextmanager
def _day_store(settings: Settings) -> Iterator[tuple[Store, Rulebook]]:
    rulebook = load_rulebook(settings.rules)
    with open_store(create=False) as store:
        if store is None:
            raise NothingYet("", "err.no_scores_yet")
        yield store, rulebook


def _checklist(store: Store, settings: Settings, day: date, rulebook: Rulebook) -> Checklist:
    """The checklist for `day`; the plan it shows is remembered, so that streaks and habits
    know what was asked."""
    record = store.record_on_or_before(day)
    if record is None:
        raise NothingYet("", "err.no_scores_yet")
    plan = build_plan(record.scores, settings.minutes, day, rulebook)
    store.remember_plan(plan)
    return build_checklist(plan, record.day, store.ticks(day), streak(store.completed_days(), day))
