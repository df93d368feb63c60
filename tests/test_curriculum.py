"""The shipped rulebook as a curriculum: enough sourced actions for every pillar and score, an
advanced track, sustainable posting, and thirty mornings that do not go stale."""

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from conftest import Cli
from ssi_coach.core.pillars import PILLARS
from ssi_coach.core.rulebook import ADVANCED_FROM, Rulebook

PROFILES = {
    "beginner": ("5", "4", "3", "6"),
    "mid-level": ("18", "12", "15", "20"),
    "advanced": ("23", "22", "21", "24"),
    "insights weakest": ("20", "18", "9", "20"),
}
START = date(2026, 10, 5)  # a Monday, with thirty days before today


def test_enough_actions_for_every_pillar_and_score(rulebook: Rulebook) -> None:
    assert len(rulebook.actions) >= 60
    for pillar in PILLARS:
        actions = [a for a in rulebook.actions if a.pillar == pillar]
        assert len(actions) >= 15, pillar
        for half_points in range(51):
            score = half_points / 2
            assert len(rulebook.actions_for(pillar, score)) >= 5, (pillar, score)
        advanced = [a for a in actions if a.score_low >= ADVANCED_FROM]
        assert len(advanced) >= 3, pillar
        reachable = {a.id for a in rulebook.actions if a.pillar != pillar or a.score_high == 25}
        for action in advanced:  # never waiting on what an advanced user never gets
            assert set(action.after) <= reachable, action.id


def test_every_action_has_a_cadence_and_a_source(rulebook: Rulebook) -> None:
    text = Path(rulebook.source).read_text(encoding="utf-8")
    blocks = text.split("\n[[actions]]\n")[1:]
    assert len(blocks) == len(rulebook.actions)
    assert all("\ncadence = " in block for block in blocks)  # explicit, not the default
    for action in rulebook.actions:
        assert action.source is not None, action.id
        assert action.source.url.startswith("https://"), action.id
        assert action.source.title.strip(), action.id


def test_habits_posting_and_tools(rulebook: Rulebook) -> None:
    habits = [a for a in rulebook.actions if a.cadence == "daily"]
    assert len(habits) >= 2 and len({a.pillar for a in habits}) >= 2
    assert all(a.minutes_low <= 3 for a in habits)
    assert sum("sales_navigator" in a.needs for a in rulebook.actions) >= 4
    assert rulebook.publishes_per_week <= 3
    for action in rulebook.actions:
        if action.publishes:
            assert action.minutes_low >= 10, action.id
            assert action.cadence == "weekly", action.id


def test_the_french_says_relations_and_vous(rulebook: Rulebook) -> None:
    french = [a.text["fr"] + " " + a.why["fr"] for a in rulebook.actions]
    french += [rulebook.diagnosis[p]["fr"] for p in PILLARS]
    french += [rulebook.maintenance[p]["fr"] for p in PILLARS]
    for sentence in french:
        lowered = sentence.lower()
        assert "connexion" not in lowered and "connectez" not in lowered, sentence
        assert " tu " not in f" {lowered} " and " ton " not in f" {lowered} ", sentence


def test_a_strong_focus_speaks_of_keeping_the_lead(cli: Cli, rulebook: Rulebook) -> None:
    lines = cli("check", "25", "25", "25", "25", "--no-save").stdout
    assert "A low score" not in lines
    assert rulebook.maintenance["brand"]["en"].split(":")[0] in " ".join(lines.split())
    low = cli("check", "21", "25", "25", "25", "--no-save").stdout
    assert rulebook.diagnosis["brand"]["en"].split()[0] in low


def thirty_mornings(cli: Cli, scores: tuple[str, ...]) -> dict[date, list[str]]:
    plans = {}
    for offset in range(30):
        day = (START + timedelta(days=offset)).isoformat()
        result = cli("check", *scores, "--date", day, "--json")
        assert result.status == 0, result
        data: Any = json.loads(result.stdout)
        plans[START + timedelta(days=offset)] = [item["id"] for item in data["plan"]["items"]]
        assert cli("done", "--all", "--date", day).status == 0
    return plans


@pytest.mark.parametrize("profile", PROFILES)
def test_thirty_mornings_stay_fresh(cli: Cli, rulebook: Rulebook, profile: str) -> None:
    plans = thirty_mornings(cli, PROFILES[profile])
    days = sorted(plans)
    every_id = {i for plan in plans.values() for i in plan}
    assert len(every_id) >= 18, (profile, len(every_id))
    for day in days:  # no plan comes back within 7 days
        recent = [frozenset(plans[d]) for d in days if day - timedelta(days=7) <= d < day]
        assert frozenset(plans[day]) not in recent, (profile, day)
    actions = {a.id: a for a in rulebook.actions}
    for action_id in every_id:
        if actions[action_id].cadence == "once" and actions[action_id].renew_days is None:
            assert sum(action_id in plan for plan in plans.values()) == 1, action_id
    for day in days:
        monday = day - timedelta(days=day.weekday())
        week = [d for d in days if monday <= d < monday + timedelta(days=7)]
        published = sum(actions[i].publishes for d in week for i in plans[d])
        assert published <= 3, (profile, monday)
    if profile == "advanced":
        advanced = {i for i in every_id if actions[i].score_low >= ADVANCED_FROM}
        assert len(advanced) >= 5, advanced
