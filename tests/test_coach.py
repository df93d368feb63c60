"""A coach, not a rotation: cadence, prerequisites, tools, memory of what was done, skipping,
rest days, and the plan `check` printed being the day's plan."""

import json
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

import small_rulebook
from conftest import Cli
from ssi_coach.errors import RulebookError
from ssi_coach.formats.rulebook_file import load_rulebook

START = date(2026, 10, 5)  # a Monday, with thirty days before today


def as_json(cli: Cli, *args: str) -> Any:
    result = cli(*args, "--json")
    assert result.status == 0, result
    return json.loads(result.stdout)


def problems(tmp_path: Path, *actions: str) -> list[str]:
    path = small_rulebook.write_rulebook(tmp_path, *actions)
    with pytest.raises(RulebookError) as caught:
        load_rulebook(path, use_cache=False)
    return [problem.removeprefix(f"{path}: ") for problem in caught.value.problems]


# -- the rulebook's new keys -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("keys", "problem"),
    [
        (
            {"cadence": '"hourly"'},
            "actions[17] (id 'x').cadence: 'hourly' is not a cadence (once, daily, weekly, rotate)",
        ),
        (
            {"per_week": "2"},
            'actions[17] (id \'x\'): per_week goes with cadence = "weekly", not "rotate"',
        ),
        (
            {"cadence": '"daily"', "renew_days": "30"},
            'actions[17] (id \'x\'): renew_days goes with cadence = "once", not "daily"',
        ),
        (
            {"cadence": '"once"', "renew_days": "400"},
            "actions[17] (id 'x').renew_days: Input should be less than or equal to 365",
        ),
        (
            {"cadence": '"weekly"', "per_week": "7"},
            "actions[17] (id 'x').per_week: Input should be less than or equal to 6",
        ),
        ({"after": '["nope"]'}, "actions[17] (id 'x').after: unknown id 'nope'"),
        (
            {"needs": '["crm"]'},
            "actions[17] (id 'x').needs[1]: Input should be 'sales_navigator'",
        ),
        (
            {"source": '{ title = "A page", url = "ftp://example.com/page" }'},
            "actions[17] (id 'x').source.url: Value error, 'ftp://example.com/page' is not an "
            "http(s) address",
        ),
    ],
)
def test_each_new_key_is_checked(tmp_path: Path, keys: dict[str, str], problem: str) -> None:
    found = problems(tmp_path, small_rulebook.action("x", "brand", **keys))
    assert [p.replace("Value error, ", "") for p in found] == [problem.replace("Value error, ", "")]


def test_a_cycle_of_prerequisites_is_refused(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        small_rulebook.action("a", "brand", after='["b"]'),
        small_rulebook.action("b", "brand", after='["a"]'),
    )
    assert found == ["actions[17] (id 'a').after: the prerequisites make a cycle: a -> b -> a"]


def test_too_many_daily_habits_are_refused(tmp_path: Path) -> None:
    habits = [
        small_rulebook.action(f"habit-{p}", p, cadence='"daily"', minutes="[3, 6]")
        for p in ("people", "insights", "relationships")
    ]
    [found] = problems(tmp_path, *habits)
    assert found.startswith(
        "actions: the daily habits habit-people, habit-insights, habit-relationships suit the "
        "same scores but leave a 10-minute plan no room to put the focus (brand) ahead"
    )


def test_an_old_rulebook_is_read_as_all_rotating(tmp_path: Path) -> None:
    rulebook = load_rulebook(small_rulebook.write_rulebook(tmp_path), use_cache=False)
    assert {action.cadence for action in rulebook.actions} == {"rotate"}


# -- thirty days with a coach ----------------------------------------------------------------

CURRICULUM = (
    small_rulebook.action("brand-setup", "brand", cadence='"once"', minutes="[4, 8]"),
    small_rulebook.action("people-search", "people", cadence='"once"', minutes="[4, 8]"),
    small_rulebook.action(
        "people-use-search", "people", after='["people-search"]', minutes="[4, 12]"
    ),
    small_rulebook.action(
        "insights-post", "insights", cadence='"weekly"', per_week="2", minutes="[10, 15]"
    ),
    small_rulebook.action("insights-habit", "insights", cadence='"daily"', minutes="[2, 5]"),
    small_rulebook.action(
        "relationships-habit", "relationships", cadence='"daily"', minutes="[2, 5]"
    ),
    small_rulebook.action(
        "people-navigator", "people", needs='["sales_navigator"]', minutes="[4, 12]"
    ),
)


def test_thirty_days_remember_what_was_done(cli: Cli, tmp_path: Path) -> None:
    rules = small_rulebook.write_rulebook(tmp_path, *CURRICULUM)
    plans: dict[date, list[str]] = {}
    for offset in range(30):
        day = START + timedelta(days=offset)
        if day.weekday() >= 5:
            continue  # a working week: no plan expected on the weekend
        args = ["--date", day.isoformat(), "--rules", str(rules), "--minutes", "30"]
        data = as_json(cli, "check", "6", "4", "3", "8", *args)
        plans[day] = [item["id"] for item in data["plan"]["items"]]
        assert as_json(cli, "done", "--all", "--date", day.isoformat())["minutes_left"] == 0
    days = sorted(plans)
    for day in days:
        assert {"insights-habit", "relationships-habit"} <= set(plans[day])  # every working day
        assert "people-navigator" not in plans[day]  # no Sales Navigator in the config
    for one_off in ("brand-setup", "people-search"):
        first = next(day for day in days if one_off in plans[day])
        assert [day for day in days if one_off in plans[day]] == [first]  # gone once ticked
    search_day = next(day for day in days if "people-search" in plans[day])
    assert all(day > search_day for day in days if "people-use-search" in plans[day])
    for monday in days[::5]:
        week = [day for day in days if monday <= day < monday + timedelta(days=7)]
        posts = [day for day in week if "insights-post" in plans[day]]
        assert len(posts) <= 2
        assert all((b - a).days >= 2 for a, b in pairwise(posts))
    assert len({tuple(plan) for plan in plans.values()}) > 10  # the rotation moves on


def test_the_plan_check_printed_is_the_days_plan(cli: Cli, tmp_path: Path) -> None:
    rules = small_rulebook.write_rulebook(tmp_path, *CURRICULUM)
    day = ["--date", "2026-11-27"]
    printed = as_json(
        cli, "check", "20", "18", "9", "20", "--minutes", "45", "--rules", str(rules), *day
    )
    today = as_json(cli, "today", *day)
    assert [i["id"] for i in today["items"]] == [i["id"] for i in printed["plan"]["items"]]
    assert [i["minutes"] for i in today["items"]] == [
        i["minutes"] for i in printed["plan"]["items"]
    ]
    last = str(len(today["items"]))
    assert as_json(cli, "done", last, *day)["items"][-1]["done"] is True
    # Checking again keeps the ticks of the items still in the plan.
    again = as_json(
        cli, "check", "20", "18", "9", "20", "--minutes", "45", "--rules", str(rules), *day
    )
    kept = as_json(cli, "today", *day)
    assert [i["id"] for i in kept["items"]] == [i["id"] for i in again["plan"]["items"]]
    done_id = today["items"][-1]["id"]
    assert [i["done"] for i in kept["items"]] == [i["id"] == done_id for i in kept["items"]]


def test_replan_uses_the_settings_of_now(cli: Cli) -> None:
    day = ["--date", "2026-11-27"]
    cli("check", "18", "12", "15", "20", "--minutes", "30", *day)
    assert as_json(cli, "today", *day)["minutes_left"] == 30
    assert as_json(cli, "today", "--replan", *day)["minutes_left"] == 20


def test_today_builds_and_keeps_a_plan_for_a_day_without_one(cli: Cli) -> None:
    cli("check", "18", "12", "15", "20", "--date", "2026-11-26")
    first = as_json(cli, "today", "--date", "2026-11-27")
    cli("config", "set", "minutes", "40")
    assert as_json(cli, "today", "--date", "2026-11-27")["items"] == first["items"]


# -- skipping ----------------------------------------------------------------------------------


def test_skip_replaces_an_item_with_another_of_its_pillar(cli: Cli, tmp_path: Path) -> None:
    rules = small_rulebook.write_rulebook(tmp_path)
    day = ["--date", "2026-11-27"]
    cli("check", "18", "12", "15", "20", "--rules", str(rules), *day)
    before = as_json(cli, "today", *day)["items"]
    result = as_json(cli, "skip", "1", *day)
    after = result["items"]
    assert result["skipped"] == before[0]["id"]
    assert after[0]["id"] == result["replaced_by"] != before[0]["id"]
    assert (after[0]["pillar"], after[0]["minutes"]) == (before[0]["pillar"], before[0]["minutes"])
    assert after[1:] == before[1:]
    again = as_json(cli, "today", "--replan", *day)  # a skipped action is not offered again
    assert before[0]["id"] not in [item["id"] for item in again["items"]]


def test_skip_refuses_unknown_items_and_changes_nothing(cli: Cli) -> None:
    day = ["--date", "2026-11-27"]
    cli("check", "18", "12", "15", "20", *day)
    before = as_json(cli, "today", *day)
    result = cli("skip", "99", *day)
    assert result.status == 2
    assert result.stderr.startswith("ssi-coach: 99: no such item today")
    assert as_json(cli, "today", *day) == before


def test_skip_with_no_other_action_that_fits(cli: Cli, tmp_path: Path) -> None:
    rules = small_rulebook.write_rulebook(tmp_path, rotating=1)
    day = ["--date", "2026-11-27"]
    cli("check", "18", "12", "15", "20", "--rules", str(rules), *day)
    before = as_json(cli, "today", *day)
    result = cli("skip", "1", *day)
    assert result.status == 2
    assert "no other action of this pillar fits" in result.stderr
    assert as_json(cli, "today", *day) == before


def test_already_done_never_comes_back(cli: Cli, tmp_path: Path) -> None:
    rules = small_rulebook.write_rulebook(tmp_path, *CURRICULUM)
    cli("check", "6", "4", "3", "8", "--rules", str(rules), "--date", "2026-11-16")
    items = as_json(cli, "today", "--date", "2026-11-16")["items"]
    setup = next(item for item in items if item["id"] == "brand-setup")
    skipped = as_json(cli, "skip", "brand-setup", "--already-done", "--date", "2026-11-16")
    assert skipped["already_done"] is True
    assert "brand-setup" not in [item["id"] for item in skipped["items"]]
    assert setup["cadence"] == "once"
    for offset in range(1, 6):
        day = (date(2026, 11, 16) + timedelta(days=offset)).isoformat()
        data = as_json(cli, "check", "6", "4", "3", "8", "--rules", str(rules), "--date", day)
        assert "brand-setup" not in [item["id"] for item in data["plan"]["items"]]


def test_sales_navigator_actions_need_the_setting(cli: Cli, tmp_path: Path) -> None:
    rules = small_rulebook.write_rulebook(
        tmp_path,
        small_rulebook.action("people-navigator", "people", needs='["sales_navigator"]'),
        rotating=1,
    )
    args = ["check", "18", "2", "15", "20", "--rules", str(rules), "--minutes", "60", "--no-save"]
    assert "people-navigator" not in str(as_json(cli, *args))
    assert cli("config", "set", "sales_navigator", "true").stdout == "sales_navigator = true\n"
    assert "people-navigator" in str(as_json(cli, *args))
    assert cli("config", "set", "sales_navigator", "maybe").status == 2


# -- rest days ---------------------------------------------------------------------------------


def test_a_weekend_does_not_break_the_streak(cli: Cli) -> None:
    friday, monday = date(2026, 11, 20), date(2026, 11, 23)
    cli("check", "18", "12", "15", "20", "--date", friday.isoformat())
    cli("done", "--all", "--date", friday.isoformat())
    data = as_json(cli, "done", "--all", "--date", monday.isoformat())
    assert data["streak"] == {"current": 2, "best": 2}
    cli("config", "set", "rest_days", "none")
    assert as_json(cli, "today", "--date", monday.isoformat())["streak"]["current"] == 1


def test_a_rest_day_done_in_full_adds_to_the_streak(cli: Cli) -> None:
    cli("check", "18", "12", "15", "20", "--date", "2026-11-20")
    for day in ("2026-11-20", "2026-11-21", "2026-11-23"):
        cli("done", "--all", "--date", day)
    assert as_json(cli, "today", "--date", "2026-11-23")["streak"]["current"] == 3


def test_today_on_a_rest_day_says_so(cli: Cli) -> None:
    cli("check", "18", "12", "15", "20", "--date", "2026-11-20")
    saturday = cli("today", "--date", "2026-11-21")
    assert saturday.status == 0
    assert saturday.stdout.splitlines()[1] == (
        "  A rest day: no plan is expected today; this one is optional."
    )
    assert as_json(cli, "today", "--date", "2026-11-21")["rest_day"] is True
    assert as_json(cli, "today", "--date", "2026-11-20")["rest_day"] is False
    assert as_json(cli, "done", "1", "--date", "2026-11-21")["items"][0]["done"] is True


@pytest.mark.parametrize(
    ("value", "saved"), [("fri,sat", "fri,sat"), ("SUN, sat", "sat,sun"), ("none", "none")]
)
def test_rest_days_setting(cli: Cli, value: str, saved: str) -> None:
    assert cli("config", "set", "rest_days", value).stdout == f"rest_days = {saved}\n"


def test_an_unknown_weekday_is_refused(cli: Cli) -> None:
    result = cli("config", "set", "rest_days", "fri,someday")
    assert (result.status, result.stderr) == (
        2,
        "ssi-coach: rest_days: 'fri,someday' is not a list of weekdays "
        "(mon,tue,wed,thu,fri,sat,sun) or none\n",
    )


def test_history_counts_the_streak_over_the_configured_rest_days(cli: Cli) -> None:
    # Every day of the last ten but Wednesdays done in full: with Wednesday as the rest day,
    # that is one unbroken run, in history as in today.
    today = date.today()
    days = [today - timedelta(days=n) for n in range(9, -1, -1)]
    worked = [day for day in days if day.weekday() != 2]
    cli("config", "set", "rest_days", "wed")
    cli("check", "18", "12", "15", "20", "--date", days[0].isoformat())
    for day in worked:
        cli("done", "--all", "--date", day.isoformat())
    expected = {"current": len(worked), "best": len(worked)}
    assert as_json(cli, "history")["streak"] == expected
    assert as_json(cli, "today")["streak"] == expected
