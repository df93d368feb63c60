"""The planner's rules, checked as properties over every budget, every valid set of scores and
any history of what the user did."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from ssi_coach.core.pillars import PILLARS
from ssi_coach.core.planner import (
    MAX_ONE_OFFS_A_DAY,
    Memory,
    allocate_minutes,
    build_plan,
    item_cap,
)
from ssi_coach.core.rulebook import Rulebook

pillar_score = st.floats(min_value=0, max_value=25, allow_nan=False)
score_sets = st.fixed_dictionaries({p: pillar_score for p in PILLARS})
budgets = st.integers(min_value=10, max_value=60)
days = st.dates(min_value=date(2020, 1, 1), max_value=date(2040, 12, 31))
tool_sets = st.sampled_from([frozenset(), frozenset({"sales_navigator"})])


@st.composite
def memories(draw: st.DrawFn, rulebook: Rulebook, day: date) -> Memory:
    """Any past: some actions done some days ago, some planned in the last four weeks, some
    skipped today."""
    ids = [action.id for action in rulebook.actions]
    done = draw(st.lists(st.sampled_from(ids), unique=True, max_size=len(ids)))
    ages = st.integers(min_value=1, max_value=400)
    planned = draw(st.lists(st.sampled_from(ids), unique=True, max_size=len(ids)))
    recent = st.lists(st.integers(min_value=1, max_value=28), min_size=1, max_size=6, unique=True)
    return Memory(
        last_done={i: day - timedelta(days=draw(ages)) for i in done},
        planned={i: tuple(day - timedelta(days=n) for n in sorted(draw(recent))) for i in planned},
        skipped=frozenset(draw(st.lists(st.sampled_from(ids), unique=True, max_size=2))),
        working_days=draw(st.integers(min_value=1, max_value=7)),
    )


@settings(max_examples=300, deadline=None)
@given(data=st.data(), scores=score_sets, budget=budgets, day=days, tools=tool_sets)
def test_every_plan_follows_the_rules(
    rulebook: Rulebook,
    data: st.DataObject,
    scores: dict[str, float],
    budget: int,
    day: date,
    tools: frozenset[str],
) -> None:
    memory = data.draw(memories(rulebook, day))
    plan = build_plan(scores, budget, day, rulebook, tools, memory)
    minutes = {p: plan.minutes_for(p) for p in PILLARS}
    actions = [item.action for item in plan.items]

    assert sum(item.minutes for item in plan.items) == budget == plan.minutes
    assert plan.focus == min(PILLARS, key=lambda p: scores[p])
    assert all(minutes[plan.focus] > minutes[p] for p in PILLARS if p != plan.focus)
    assert len(plan.items) <= item_cap(budget)
    if budget >= 20:
        assert {a.pillar for a in actions} == set(PILLARS)
    else:
        habit_pillars = {a.pillar for a in actions if a.cadence == "daily"}
        assert {a.pillar for a in actions} <= {plan.focus} | habit_pillars
    assert any(a.pillar == plan.focus and a.cadence != "daily" for a in actions)
    assert len({a.id for a in actions}) == len(actions)
    for item in plan.items:
        action = item.action
        assert action.suits(scores[action.pillar])
        assert action.minutes_low <= item.minutes <= action.minutes_high
        assert set(action.needs) <= tools
        assert all(prerequisite in memory.last_done for prerequisite in action.after)
        if action.id in memory.skipped:  # only when the day cannot be filled without it
            unskipped = memory._replace(skipped=frozenset())
            assert plan == build_plan(scores, budget, day, rulebook, tools, unskipped)
        if action.cadence == "once" and action.id in memory.last_done:
            assert action.renew_days is not None
            assert (day - memory.last_done[action.id]).days >= action.renew_days
        if action.cadence == "weekly":
            monday = day - timedelta(days=day.weekday())
            this_week = [d for d in memory.planned.get(action.id, ()) if d >= monday]
            assert len(this_week) < action.per_week
    assert sum(a.cadence == "once" for a in actions) <= MAX_ONE_OFFS_A_DAY
    habits = [
        a
        for p in PILLARS
        for a in rulebook.actions_for(p, scores[p])
        if a.cadence == "daily" and set(a.needs) <= tools and a.id not in memory.skipped
        if all(prerequisite in memory.last_done for prerequisite in a.after)
    ]
    assert {a.id for a in habits} <= {a.id for a in actions}  # habits that suit come first
    assert [a.cadence for a in actions[: len(habits)]] == ["daily"] * len(habits)


@given(scores=score_sets, budget=budgets, day=days)
def test_same_inputs_give_the_same_plan(
    rulebook: Rulebook, scores: dict[str, float], budget: int, day: date
) -> None:
    assert build_plan(scores, budget, day, rulebook) == build_plan(scores, budget, day, rulebook)


@given(budget=budgets, focus=st.sampled_from(PILLARS), share=st.floats(0.26, 0.9))
def test_allocation_fills_the_budget_with_the_focus_ahead(
    budget: int, focus: str, share: float
) -> None:
    shares = allocate_minutes(budget, focus, share)
    assert sum(shares.values()) == budget
    assert all(shares[focus] > shares[p] for p in PILLARS if p != focus)


def test_depth_over_count(rulebook: Rulebook) -> None:
    scores = {"brand": 18, "people": 12, "insights": 15, "relationships": 20}
    day = date(2026, 11, 27)
    assert [item_cap(b) for b in (10, 19, 20, 40, 60)] == [4, 4, 5, 7, 8]
    assert len(build_plan(scores, 60, day, rulebook).items) <= 8
    assert len(build_plan(scores, 10, day, rulebook).items) <= 4


def test_without_plans_in_memory_the_choice_still_turns_from_day_to_day(
    rulebook: Rulebook,
) -> None:
    scores = {"brand": 18, "people": 12, "insights": 15, "relationships": 20}
    start = date(2026, 11, 23)
    done = {a.id: start - timedelta(days=1) for a in rulebook.actions if a.cadence == "once"}
    memory = Memory(last_done=done, planned={})
    plans = [
        build_plan(scores, 20, start + timedelta(days=n), rulebook, memory=memory) for n in range(7)
    ]
    ids = [tuple(item.action.id for item in plan.items) for plan in plans]
    assert len(set(ids)) >= 5


def test_a_one_off_done_never_comes_back_unless_renewed(rulebook: Rulebook) -> None:
    day = date(2026, 11, 27)
    scores = {"brand": 3, "people": 12, "insights": 15, "relationships": 20}
    first = build_plan(scores, 20, day, rulebook)
    one_offs = [item.action for item in first.items if item.action.cadence == "once"]
    assert one_offs, "a beginner's plan starts with setup tasks"
    done = Memory(last_done={a.id: day - timedelta(days=1) for a in one_offs}, planned={})
    later = build_plan(scores, 20, day, rulebook, memory=done)
    assert not {a.id for a in one_offs} & {item.action.id for item in later.items}
