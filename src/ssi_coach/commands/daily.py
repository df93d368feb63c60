"""`today`, `done`, `undo` and `skip`: the day's saved plan as a checklist, and what the user
does with it.

The day's plan is the one `check` or `paste` saved, with its budget and rulebook. When the
day has none yet, `today` makes one from the latest scores and saves it, so that what the
user saw is what they tick; it is never rebuilt silently (only `today --replan` does that).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import date
from pathlib import Path

from ssi_coach.commands.check import planner_memory, rules_of
from ssi_coach.commands.settings import Settings
from ssi_coach.core.checklist import (
    Checklist,
    Skipped,
    build_checklist,
    find_item,
    resolve_items,
)
from ssi_coach.core.planner import PlanItem, build_plan, replacement
from ssi_coach.core.rulebook import Action, Rulebook, placeholder_action
from ssi_coach.core.saved_plan import SavedPlan, plan_items
from ssi_coach.core.trends import is_rest_day, streak
from ssi_coach.errors import InputError, NothingYet
from ssi_coach.formats.rulebook_file import load_rulebook
from ssi_coach.storage.store import Store, StoreError, open_store


def today(settings: Settings, day: date, *, replan: bool = False) -> Checklist:
    """The day's checklist: the saved plan, or a new one from the latest scores on or
    before `day` (saved, unless the history cannot be written), or a new one in any case
    with `replan`."""
    with _history() as store:
        return _checklist(store, settings, day, replan=replan)


def tick(
    settings: Settings, day: date, references: list[str], *, every_item: bool, done: bool
) -> Checklist:
    """Ticks (or, with `done` false, unticks) the items named by number or id, or every item;
    an unknown item changes nothing."""
    if not references and not every_item:
        raise InputError("ITEM", "err.no_items")
    with _history() as store:
        checklist = _checklist(store, settings, day)
        ids = checklist.ids if every_item else resolve_items(checklist, references)
        store.set_ticks(day, ids, done=done)
        return _checklist(store, settings, day)


def keep_ticked(settings: Settings, day: date, chosen: list[str]) -> Checklist:
    """Makes `chosen` exactly the day's ticked items (what `today -i` saves), in one
    transaction."""
    with _history() as store:
        checklist = _checklist(store, settings, day)
        store.replace_ticks(day, chosen, among=checklist.ids)
        return _checklist(store, settings, day)


def skip(settings: Settings, day: date, reference: str, *, already_done: bool) -> Skipped:
    """Replaces an item of the day by another action of its pillar that suits, with the
    same minutes. With `already_done`, the item was done before ssi-coach: it counts as
    done for good (and is ticked today when nothing can replace it). Otherwise, when
    nothing can replace it, InputError and no change."""
    with _history() as store:
        checklist = _checklist(store, settings, day)
        item = find_item(checklist, reference)
        saved = store.saved_plan(day)
        assert saved is not None  # _checklist saved it, or it was there
        record = store.record_on_or_before(saved.based_on or day)
        assert record is not None  # a plan is only made from a record
        memory = planner_memory(store, day, settings)
        if already_done:  # it counts as done now: what waits for it may replace it
            memory = memory._replace(last_done={**memory.last_done, item.action.id: day})
        memory = memory._replace(skipped=memory.skipped | {item.action.id})
        other = replacement(
            item.action,
            item.minutes,
            record.scores[item.action.pillar],
            day,
            _rulebook_of(saved, settings),
            settings.tools,
            memory,
            set(checklist.ids),
        )
        stored = saved.items[item.number - 1]
        if other is not None:
            store.replace_item(day, stored, other.id, already_done=already_done)
        elif already_done:
            store.mark_done_before(item.action.id, day)
            store.set_ticks(day, [item.action.id], done=True)
        else:
            raise InputError(reference, "err.no_replacement", minutes=item.minutes)
        return Skipped(_checklist(store, settings, day), item.action, other)


def item_names(day: date) -> list[str]:
    """The numbers and ids of the items planned for `day`, for shell completion: read from
    what is saved, so completing never plans a day nor creates a history."""
    try:
        with open_store(create=False) as store:
            if store is None:
                return []
            items = store.plan(day)
    except (StoreError, OSError):
        return []
    return [str(n) for n in range(1, len(items) + 1)] + [item.item_id for item in items]


@contextmanager
def _history() -> Iterator[Store]:
    with open_store(create=False) as store:
        if store is None:
            raise NothingYet("", "err.no_scores_yet")
        yield store


def _checklist(store: Store, settings: Settings, day: date, *, replan: bool = False) -> Checklist:
    saved = None if replan else store.saved_plan(day)
    if saved is None:
        saved = _new_plan(store, settings, day)
    rulebook = _rulebook_of(saved, settings)
    items = [
        PlanItem(_action(rulebook, item.item_id, item.pillar), item.minutes) for item in saved.items
    ]
    return build_checklist(
        day,
        saved.based_on,
        items,
        store.ticks(day),
        streak(store.completed_days(), day, settings.rest_days),
        rest_day=is_rest_day(day, settings.rest_days),
    )


def _new_plan(store: Store, settings: Settings, day: date) -> SavedPlan:
    """A plan for `day` from the latest scores, with the settings in force, saved when the
    history can be written (from a read-only directory it is only shown)."""
    record = store.record_on_or_before(day)
    if record is None and store.record_on_or_before(date.max) is not None:
        raise NothingYet("", "err.no_record_by", date=day, value=day.isoformat())
    if record is None:
        raise NothingYet("", "err.no_scores_yet")
    rulebook = load_rulebook(settings.rules)
    memory = planner_memory(store, day, settings)
    plan = build_plan(record.scores, settings.minutes, day, rulebook, settings.tools, memory)
    with suppress(StoreError):  # a read-only history: show the plan all the same
        store.save_plan(plan, rules_of(settings), record.day)
        saved = store.saved_plan(day)
        if saved is not None:
            return saved
    return SavedPlan(plan_items(plan), plan.minutes, rules_of(settings), record.day)


def _rulebook_of(saved: SavedPlan, settings: Settings) -> Rulebook:
    """The rulebook the saved plan was made from (the settings' one for older plans)."""
    if saved.based_on is None:
        return load_rulebook(settings.rules)
    return load_rulebook(None if saved.rules is None else Path(saved.rules))


def _action(rulebook: Rulebook, action_id: str, pillar: str) -> Action:
    """The action of a saved plan; one the rulebook no longer has is shown by its id."""
    return rulebook.action(action_id) or placeholder_action(action_id, pillar)
