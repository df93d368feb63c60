"""The daily plan: which actions to do today, and for how many minutes.

The plan is a coach's, not a rotation: it remembers what the user did (`Memory`). For every
budget from 10 to 60 minutes, every set of scores and every history:
- the items' minutes add up exactly to the budget, each within its action's minutes;
- the weakest pillar is the focus and gets strictly more minutes than any other pillar;
- depth over count: at most 4 items at 10 minutes, 5 at 20, 8 at 60; every pillar gets an
  item from 20 minutes on (the pillars feed each other), below that the focus and the daily
  habits come first;
- daily habits that suit come first; then one-offs that are due (two a day at most); then
  weekly actions within their quota, spread over the week; rotating actions fill the rest,
  the least recently planned first, so that the same plan does not come back within days;
- a one-off done never comes back (unless its `renew_days` have passed), an action waits for
  its prerequisites (`after`) and for the tools it needs, and a skipped action is not
  offered again that day;
- the same inputs always give the same plan.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Final, NamedTuple

from ssi_coach.core.pillars import PILLARS
from ssi_coach.core.rulebook import Action, Rulebook
from ssi_coach.core.scoring import weakest_pillar

MAX_ONE_OFFS_A_DAY: Final = 2
MEMORY_DAYS: Final = 28  # how far back `Memory.planned` needs to look
VARIETY_DAYS: Final = 7  # the same set of items does not come back within this many days
EVERY_PILLAR_FROM: Final = 20  # budgets below this give minutes to the focus and habits only
# How far beyond its share a pillar's items may have to stretch, tried in turn when a plan
# cannot be made: the last takes every item the caps allow.
STRETCHES: Final = (1.0, 1.5, float("inf"))


def item_cap(budget: int) -> int:
    """How many items a plan may hold: 4 at 10 minutes, 5 at 20, 8 at 60."""
    if budget < EVERY_PILLAR_FROM:
        return 4
    return 5 + round((budget - EVERY_PILLAR_FROM) * 3 / 40)


class Memory(NamedTuple):
    """What the planner knows of the user's past, all of it before the plan's day."""

    last_done: dict[str, date]  # the last day each action was ticked or marked as done
    planned: dict[str, tuple[date, ...]]  # the days each action was planned, recent first
    skipped: frozenset[str] = frozenset()  # skipped on the plan's day
    working_days: int = 5  # days a week with a plan expected (the weekly spread uses it)


NO_MEMORY: Final = Memory(last_done={}, planned={})


class PlanItem(NamedTuple):
    action: Action
    minutes: int


class Plan(NamedTuple):
    day: date
    minutes: int
    focus: str
    items: tuple[PlanItem, ...]

    def minutes_for(self, pillar: str) -> int:
        return sum(item.minutes for item in self.items if item.action.pillar == pillar)


class UnfillableError(Exception):
    """The rulebook's actions cannot fill the budget (a rulebook check prevents it)."""


def build_plan(
    scores: dict[str, float],
    budget: int,
    day: date,
    rulebook: Rulebook,
    tools: frozenset[str] = frozenset(),
    memory: Memory = NO_MEMORY,
) -> Plan:
    plan = _plan_for(scores, budget, day, rulebook, tools, memory)
    if not _seen_recently(plan, memory):
        return plan
    # The same items as on one of the last 7 days: set aside one rotating item at a time.
    for item in plan.items:
        if item.action.cadence == "rotate":
            aside = memory._replace(skipped=memory.skipped | {item.action.id})
            other = _plan_for(scores, budget, day, rulebook, tools, aside)
            if not _seen_recently(other, memory):
                return other
    return plan


def _plan_for(
    scores: dict[str, float],
    budget: int,
    day: date,
    rulebook: Rulebook,
    tools: frozenset[str],
    memory: Memory,
) -> Plan:
    focus = weakest_pillar(scores)
    offered = {
        p: [a for a in rulebook.actions_for(p, scores[p]) if is_offered(a, day, tools, memory)]
        for p in PILLARS
    }
    offered = _one_publication_at_most(offered, rulebook, day, memory, focus)
    choice = _Choice(budget, focus, rulebook.focus_share, offered, day, memory, rulebook.actions)
    items = choice.with_wanted() or choice.fallback()
    if items is None and memory.skipped:  # skipped too much to fill the day: offer them again
        return _plan_for(scores, budget, day, rulebook, tools, memory._replace(skipped=frozenset()))
    if items is None:
        raise UnfillableError(f"{budget} minutes, focus {focus}")
    return Plan(day=day, minutes=budget, focus=focus, items=tuple(_in_plan_order(items, focus)))


def _seen_recently(plan: Plan, memory: Memory) -> bool:
    """Whether a plan of the last `VARIETY_DAYS` days held exactly the same actions."""
    ids = {item.action.id for item in plan.items}
    since = plan.day - timedelta(days=VARIETY_DAYS)
    days = {d for i in ids for d in memory.planned.get(i, ()) if since <= d < plan.day}
    return any(
        {i for i, planned in memory.planned.items() if day in planned} == ids for day in days
    )


def is_offered(action: Action, day: date, tools: frozenset[str], memory: Memory) -> bool:
    """Whether `action` may be planned on `day`, whatever its score range."""
    if action.id in memory.skipped or not set(action.needs) <= tools:
        return False
    if not all(prerequisite in memory.last_done for prerequisite in action.after):
        return False
    if action.cadence == "once":
        done = memory.last_done.get(action.id)
        return done is None or (
            action.renew_days is not None and (day - done).days >= action.renew_days
        )
    if action.cadence == "weekly":
        return _weekly_room(action, day, memory)
    return True


def _one_publication_at_most(
    offered: dict[str, list[Action]], rulebook: Rulebook, day: date, memory: Memory, focus: str
) -> dict[str, list[Action]]:
    """What the user publishes (posts, articles, newsletters, videos) stays sustainable: one
    a day at most, and `publishes_per_week` in the plans of an ISO week. The one offered is
    the focus's first, else the least recently planned."""
    candidates = [a for p in sorted(PILLARS, key=lambda p: p != focus) for a in offered[p]]
    publishing = least_recent_first([a for a in candidates if a.publishes], day, memory)
    room = _published_this_week(rulebook, day, memory) < rulebook.publishes_per_week
    kept = publishing[0].id if publishing and room else None
    return {p: [a for a in offered[p] if not a.publishes or a.id == kept] for p in PILLARS}


def _published_this_week(rulebook: Rulebook, day: date, memory: Memory) -> int:
    """How many publications the plans of `day`'s ISO week held before it."""
    monday = day - timedelta(days=day.weekday())
    publishing = [action.id for action in rulebook.actions if action.publishes]
    return sum(monday <= planned < day for i in publishing for planned in memory.planned.get(i, ()))


def _weekly_room(action: Action, day: date, memory: Memory) -> bool:
    """Under its quota in the ISO week of `day`, and not too soon after its last time."""
    monday = day - timedelta(days=day.weekday())
    this_week = [d for d in memory.planned.get(action.id, ()) if monday <= d < day]
    if len(this_week) >= action.per_week:
        return False
    spacing = max(1, round(memory.working_days / action.per_week))
    return not this_week or (day - max(this_week)).days >= spacing


def replacement(
    skipped: Action,
    minutes: int,
    score: float,
    day: date,
    rulebook: Rulebook,
    tools: frozenset[str],
    memory: Memory,
    in_plan: set[str],
) -> Action | None:
    """Another action of the same pillar that suits `score` and can take the same `minutes`,
    the least recently planned first; None when there is none."""
    candidates = [
        a
        for a in rulebook.actions_for(skipped.pillar, score)
        if a.id not in in_plan
        and a.id != skipped.id
        and a.minutes_low <= minutes <= a.minutes_high
        and is_offered(a, day, tools, memory)
    ]
    ranked = least_recent_first(candidates, day, memory)
    return ranked[0] if ranked else None


def allocate_minutes(budget: int, focus: str, focus_share: float) -> dict[str, int]:
    """The minutes of each pillar: about `focus_share` of the budget to the focus, the rest
    shared evenly, and the focus always strictly ahead of every other pillar."""
    others = [p for p in PILLARS if p != focus]
    focus_minutes = round(budget * focus_share)
    while True:
        base, extra = divmod(budget - focus_minutes, len(others))
        if focus_minutes > base + (1 if extra else 0):
            break
        focus_minutes += 1
    shares = {focus: focus_minutes}
    for index, pillar in enumerate(others):
        shares[pillar] = base + (1 if index < extra else 0)
    return shares


def pillar_shares(
    budget: int, focus: str, focus_share: float, habit_minutes: dict[str, int]
) -> dict[str, int]:
    """The minutes each pillar should get. From 20 minutes, `allocate_minutes`; below, the
    other pillars get only their daily habits' shortest minutes and the focus the rest."""
    if budget >= EVERY_PILLAR_FROM:
        return allocate_minutes(budget, focus, focus_share)
    shares = {p: habit_minutes.get(p, 0) for p in PILLARS if p != focus}
    return {focus: budget - sum(shares.values()), **shares}


def pillar_caps(
    budget: int,
    shares: dict[str, int],
    focus: str,
    habits: dict[str, int],
    *,
    habit_pillars_first: bool = False,
) -> dict[str, int]:
    """How many items each pillar may hold, `item_cap` in all. Below 20 minutes the other
    pillars hold their daily habits only. From 20, every pillar holds one item at least (its
    habits count) and the focus one beyond its habits; the items left go, one at a time, to
    the pillar with the most minutes per item (with `habit_pillars_first`, first to a pillar
    that has room for its habits only, so that it gets some work of its own)."""
    total = item_cap(budget)
    if budget < EVERY_PILLAR_FROM:
        caps = {p: habits.get(p, 0) for p in PILLARS if p != focus}
        return {focus: total - sum(caps.values()), **caps}
    caps = {p: max(habits.get(p, 0), 1) for p in PILLARS}
    caps[focus] = habits.get(focus, 0) + 1
    for _ in range(total - sum(caps.values())):
        # For variety, a pillar with room for its habits only may come first.
        roomiest = max(
            PILLARS,
            key=lambda p: (
                habit_pillars_first and caps[p] == habits.get(p, 0),
                shares[p] / caps[p],
                p == focus,
            ),
        )
        caps[roomiest] += 1
    return caps


def by_reach(actions: list[Action]) -> list[Action]:
    """The actions that can stretch the longest first: the surest way to fill minutes."""
    return sorted(actions, key=lambda a: -a.minutes_high)


def least_recent_first(actions: list[Action], day: date, memory: Memory) -> list[Action]:
    """Actions never or least recently planned first; equals in an order that turns with
    the day, so that a user without a history still gets a rotation."""
    if not actions:
        return actions
    turn = day.toordinal() % len(actions)

    def key(indexed: tuple[int, Action]) -> tuple[date, int]:
        index, action = indexed
        planned = memory.planned.get(action.id, ())
        return (max(planned) if planned else date.min, (index - turn) % len(actions))

    return [action for _, action in sorted(enumerate(actions), key=key)]


class _Choice:
    """The choice of one day's items, given what is offered to each pillar."""

    def __init__(
        self,
        budget: int,
        focus: str,
        focus_share: float,
        offered: dict[str, list[Action]],
        day: date,
        memory: Memory,
        all_actions: tuple[Action, ...] = (),
    ) -> None:
        self.budget, self.focus = budget, focus
        self.all_actions = all_actions
        self.habits = {p: [a for a in offered[p] if a.cadence == "daily"] for p in PILLARS}
        habit_minutes = {p: sum(a.minutes_low for a in self.habits[p]) for p in PILLARS}
        self.shares = pillar_shares(budget, focus, focus_share, habit_minutes)
        counts = {p: len(self.habits[p]) for p in PILLARS}
        self.caps = pillar_caps(budget, self.shares, focus, counts)
        self.varied_caps = pillar_caps(budget, self.shares, focus, counts, habit_pillars_first=True)
        self.rotating = {
            p: least_recent_first([a for a in offered[p] if a.cadence == "rotate"], day, memory)
            for p in PILLARS
        }
        self.wanted = self._wanted(offered, day, memory)

    def _wanted(self, offered: dict[str, list[Action]], day: date, memory: Memory) -> list[Action]:
        """One-offs due (first those other actions wait for, then the focus's), then weekly
        actions with room, for the pillars that get minutes today."""
        awaited = {prerequisite for a in self.all_actions for prerequisite in a.after}
        one_offs = sorted(self._offered_today(offered, "once"), key=lambda a: a.id not in awaited)
        weekly = least_recent_first(self._offered_today(offered, "weekly"), day, memory)
        return one_offs + sorted(weekly, key=lambda a: a.pillar != self.focus)

    def _offered_today(self, offered: dict[str, list[Action]], cadence: str) -> list[Action]:
        """The offered actions of a cadence, for the pillars that get minutes, the focus's
        first."""
        by_priority = sorted(PILLARS, key=lambda p: p != self.focus)
        return [
            a for p in by_priority if self.shares[p] for a in offered[p] if a.cadence == cadence
        ]

    def with_wanted(self) -> list[PlanItem] | None:
        """The plan with the wanted items that fit, tried in their order (two one-offs at
        most). A pillar's items may start above its share (the allocation moves minutes
        between pillars), so that short shares still see every action in turn."""
        kept: list[Action] = []
        best = self._plan([], self.rotating, slack=True)
        for action in self.wanted:
            one_offs = sum(a.cadence == "once" for a in kept)
            if action.cadence == "once" and one_offs >= MAX_ONE_OFFS_A_DAY:
                continue
            trial = self._plan([*kept, action], self.rotating, slack=True)
            if trial is not None:
                kept.append(action)
                best = trial
        return best

    def fallback(self) -> list[PlanItem] | None:
        """The plan from habits and rotating actions alone, the longest first, taking more
        items when fewer cannot stretch far enough: the last try, with every item the caps
        allow, is what `rules check` proves possible for every budget and score."""
        longest_first = {p: by_reach(self.rotating[p]) for p in PILLARS}
        for stretch in STRETCHES:
            items = self._plan([], longest_first, stretch)
            if items is not None:
                return items
        return None

    def _plan(
        self,
        wanted: list[Action],
        rotating: dict[str, list[Action]],
        stretch: float = 1.0,
        *,
        slack: bool = False,
    ) -> list[PlanItem] | None:
        """The main path (`slack`) favours variety; the fallback, what `rules check` proves."""
        caps = self.varied_caps if slack else self.caps
        groups = {}
        for pillar in PILLARS:
            group = choose_group(
                self.shares[pillar],
                caps[pillar],
                self.habits[pillar] + [a for a in wanted if a.pillar == pillar],
                rotating[pillar],
                # On the main path every pillar looks for work beyond its habits, for variety.
                needs_work=slack or pillar == self.focus,
                stretch=stretch,
                slack=self.shares[pillar] // 2 if slack else 0,
            )
            if group is None:
                return None
            if group:
                groups[pillar] = group
        return allocate(groups, self.budget, self.focus, self.shares)


def choose_group(
    share: int,
    cap: int,
    chosen: list[Action],
    rotating: list[Action],
    *,
    needs_work: bool,
    stretch: float = 1.0,
    slack: int = 0,
) -> list[Action] | None:
    """A pillar's items: those `chosen` (its habits, its wanted items), then rotating ones in
    order until they can stretch to `stretch` times its `share` of minutes, none taking the
    shortest minutes beyond the share plus `slack`. None when they cannot keep within the
    pillar's item `cap`, or a pillar that has minutes gets no item."""
    if share == 0:  # below 20 minutes, a pillar without habits gets no minutes
        return []
    chosen = list(chosen)
    if len(chosen) > cap:
        return None
    for action in rotating:
        if len(chosen) >= cap or _enough(chosen, share * stretch, needs_work):
            break
        if sum(a.minutes_low for a in chosen) + action.minutes_low <= share + slack:
            chosen.append(action)
    return chosen or None


def _enough(chosen: list[Action], minutes: float, needs_work: bool) -> bool:
    """Whether the items can stretch to `minutes` (with work beyond habits if it needs some)."""
    has_work = not needs_work or any(a.cadence != "daily" for a in chosen)
    return has_work and sum(a.minutes_high for a in chosen) >= minutes


def allocate(
    groups: dict[str, list[Action]], budget: int, focus: str, shares: dict[str, int]
) -> list[PlanItem] | None:
    """Minutes for every chosen item: the budget exactly, each item within its range, the
    focus strictly ahead of every other pillar, each pillar as near its share as can be.
    None when no such minutes exist."""
    low = {p: sum(a.minutes_low for a in g) for p, g in groups.items()}
    high = {p: sum(a.minutes_high for a in g) for p, g in groups.items()}
    totals = pillar_totals(low, high, budget, focus, shares)
    if totals is None:
        return None
    return [item for p in groups for item in _spread(totals[p], groups[p])]


def pillar_totals(
    low: dict[str, int], high: dict[str, int], budget: int, focus: str, shares: dict[str, int]
) -> dict[str, int] | None:
    """Each pillar's minutes, from its `low` to its `high`, adding up to `budget` with the
    focus strictly ahead; the focus as near its share as can be, then the others."""
    if focus not in low:
        return None
    others = [p for p in low if p != focus]
    candidates = range(low[focus], high[focus] + 1)
    for focus_minutes in sorted(candidates, key=lambda m: (abs(m - shares[focus]), -m)):
        ceiling = {p: min(high[p], focus_minutes - 1) for p in others}
        rest = budget - focus_minutes
        if any(low[p] > ceiling[p] for p in others):
            continue
        if sum(low[p] for p in others) <= rest <= sum(ceiling.values()):
            totals = _towards_shares(rest, others, low, ceiling, shares)
            totals[focus] = focus_minutes
            return totals
    return None


def _towards_shares(
    rest: int,
    pillars: list[str],
    low: dict[str, int],
    ceiling: dict[str, int],
    shares: dict[str, int],
) -> dict[str, int]:
    """`rest` minutes over `pillars`, each from its `low` to its `ceiling`, a minute at a time
    to the pillar furthest below its share."""
    totals = {p: low[p] for p in pillars}
    for _ in range(rest - sum(totals.values())):
        open_pillars = [p for p in pillars if totals[p] < ceiling[p]]
        furthest = max(open_pillars, key=lambda p: (shares[p] - totals[p], -PILLARS.index(p)))
        totals[furthest] += 1
    return totals


def _spread(minutes: int, actions: list[Action]) -> list[PlanItem]:
    """Durations for `actions` that add up to `minutes`: each starts at its shortest, then
    the time left goes a minute at a time, round the items, to those that can stretch."""
    durations = [action.minutes_low for action in actions]
    left = minutes - sum(durations)
    while left > 0:
        for index, action in enumerate(actions):
            if left and durations[index] < action.minutes_high:
                durations[index] += 1
                left -= 1
    return [PlanItem(action, n) for action, n in zip(actions, durations, strict=True)]


def _in_plan_order(items: list[PlanItem], focus: str) -> list[PlanItem]:
    """Daily habits first, then the focus's items, then the other pillars in LinkedIn's
    order; within a pillar, as chosen."""

    def key(item: PlanItem) -> tuple[bool, bool, int]:
        pillar = item.action.pillar
        return (item.action.cadence != "daily", pillar != focus, PILLARS.index(pillar))

    return sorted(items, key=key)
