"""`review`: the weekly review of a period, read from the history (it writes nothing)."""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial

from ssi_coach.commands.check import planner_memory
from ssi_coach.commands.settings import Settings
from ssi_coach.core.planner import is_offered
from ssi_coach.core.review import Period, Review, ReviewData, build_review
from ssi_coach.errors import NothingYet
from ssi_coach.formats.rulebook_file import load_rulebook
from ssi_coach.storage.store import Store, open_store


def review(settings: Settings, period: Period, today: date) -> Review:
    """The review of `period` with the settings' rulebook and rest days. No record at all is
    NothingYet (exit 1), as is a history whose records all come after the period."""
    next_week = period.last + timedelta(days=1)
    with open_store(create=False) as store:
        if store is None:
            raise NothingYet("", "err.no_scores_yet")
        data = _review_data(store, period)
        memory = planner_memory(store, next_week, settings)
    rulebook = load_rulebook(settings.rules)  # after: with nothing to review, nothing cached
    offered = partial(is_offered, day=next_week, tools=settings.tools, memory=memory)
    return build_review(period, data, rulebook, settings.rest_days, today, offered)


def _review_data(store: Store, period: Period) -> ReviewData:
    end = store.record_on_or_before(period.last)
    if end is None and store.record_on_or_after(period.first) is not None:
        last = period.last
        raise NothingYet("", "err.no_record_by", date=last, value=last.isoformat())
    if end is None:
        raise NothingYet("", "err.no_scores_yet")
    # The SSI the period began with is the last one before it: a record on its first day
    # already shows that day's move (a weekly Monday check-in would show no change at all).
    start = store.record_before(period.first) or store.record_on_or_after(period.first)
    assert start is not None  # `end` is one
    return ReviewData(
        start=start,
        end=end,
        progress=store.pillar_progress(period.first, period.last),
        ticked=store.ticks_per_action(period.first, period.last),
        done_before=store.all_done_before(),
        completed_days=store.completed_days(),
    )
