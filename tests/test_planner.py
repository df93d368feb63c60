"""The planner's rules, checked as properties over every budget and every valid set of scores."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from ssi_coach.core.pillars import PILLARS
from ssi_coach.core.planner import allocate_minutes, build_plan
from ssi_coach.core.rulebook import Rulebook

pillar_score = st.floats(min_value=0, max_value=25, allow_nan=False)
score_sets = st.fixed_dictionaries({p: pillar_score for p in PILLARS})
budgets = st.integers(min_value=10, max_value=60)
days = st.dates(min_value=date(2020, 1, 1), max_value=date(2040, 12, 31))


@settings(max_examples=400)
@given(scores=score_sets, budget=budgets, day=days)
def test_every_plan_follows_the_rules(
    rulebook: Rulebook, scores: dict[str, float], budget: int, day: date
) -> None:
    plan = build_plan(scores, budget, day, rulebook)
    minutes = {p: plan.minutes_for(p) for p in PILLARS}

    assert sum(item.minutes for item in plan.items) == budget == plan.minutes
    assert plan.focus == min(PILLARS, key=lambda p: scores[p])
    assert all(minutes[plan.focus] > minutes[p] for p in PILLARS if p != plan.focus)
    assert {item.action.pillar for item in plan.items} == set(PILLARS)
    for item in plan.items:
        assert item.action.suits(scores[item.action.pillar])
        assert item.action.minutes_low <= item.minutes <= item.action.minutes_high
    assert len({item.action.id for item in plan.items}) == len(plan.items)


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


def test_the_choice_rotates_from_day_to_day(rulebook: Rulebook) -> None:
    scores = {"brand": 18, "people": 12, "insights": 15, "relationships": 20}
    start = date(2026, 11, 27)
    plans = [build_plan(scores, 20, start + timedelta(days=n), rulebook) for n in range(7)]
    ids = [tuple(item.action.id for item in plan.items) for plan in plans]
    assert len(set(ids)) > 1
    assert ids[0] != ids[1]


def test_low_and_high_scores_get_different_work(rulebook: Rulebook) -> None:
    day = date(2026, 11, 27)
    beginner = build_plan(
        {"brand": 6, "people": 20, "insights": 20, "relationships": 20}, 20, day, rulebook
    )
    expert = build_plan(
        {"brand": 23, "people": 24, "insights": 24, "relationships": 24}, 20, day, rulebook
    )
    beginner_brand = {i.action.id for i in beginner.items if i.action.pillar == "brand"}
    expert_brand = {i.action.id for i in expert.items if i.action.pillar == "brand"}
    assert beginner_brand & {"brand-headline", "brand-about"}
    assert not expert_brand & {"brand-headline", "brand-about"}
