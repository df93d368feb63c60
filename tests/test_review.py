"""`review`: the period, the start and end records, days and minutes, streak, top actions,
one-offs, the suggestion's rules, and its three formats (text, JSON, Markdown) in en and fr."""

import json
import re
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from conftest import Cli
from small_rulebook import action, rulebook_text, write_rulebook
from ssi_coach.core.records import Record
from ssi_coach.core.review import (
    ActionTicks,
    Period,
    PillarProgress,
    ReviewData,
    build_review,
    period_of,
    suggest,
)
from ssi_coach.core.rulebook import Action, Rulebook
from ssi_coach.errors import InputError
from ssi_coach.formats.rulebook_file import load_rulebook
from test_french import english_words

PILLARS = ("brand", "people", "insights", "relationships")
TODAY = date(2026, 11, 27)  # a Friday
# The week under review in the CLI tests: ISO week 47 of 2026, Monday 16 to Sunday 22.
WEEK = [f"2026-11-{day}" for day in range(16, 23)]


def as_json(cli: Cli, *args: str) -> Any:
    result = cli(*args, "--json")
    assert result.status == 0, result
    return json.loads(result.stdout)


def ok(cli: Cli, *args: str, env: dict[str, str] | None = None) -> str:
    result = cli(*args, env=env)
    assert result.status == 0, result
    return result.stdout


# -- the period ----------------------------------------------------------------------------


def test_by_default_the_last_7_days_end_on_the_day_given_included() -> None:
    assert period_of(None, None, TODAY, TODAY) == Period(date(2026, 11, 21), TODAY)
    assert period_of("1", None, TODAY, TODAY) == Period(TODAY, TODAY)
    assert period_of("366", None, TODAY, TODAY).first == date(2025, 11, 27)


@pytest.mark.parametrize(
    ("days", "problem"), [("0", "err.below"), ("367", "err.above"), ("-3", "err.below")]
)
def test_days_go_from_1_to_366(days: str, problem: str) -> None:
    with pytest.raises(InputError) as raised:
        period_of(days, None, TODAY, TODAY)
    assert (raised.value.field, raised.value.problem) == ("--days", problem)


@pytest.mark.parametrize(
    ("week", "monday", "label"),
    [
        ("2026-W48", date(2026, 11, 23), "2026-W48"),
        ("2026-w01", date(2025, 12, 29), "2026-W01"),  # ISO week 1 may start in December
        ("2020-W53", date(2020, 12, 28), "2020-W53"),  # 2020 has 53 weeks
        (" 2015-W53 ", date(2015, 12, 28), "2015-W53"),
    ],
)
def test_an_iso_week_runs_monday_to_sunday(week: str, monday: date, label: str) -> None:
    period = period_of(None, week, TODAY, TODAY)
    assert period == Period(monday, date.fromordinal(monday.toordinal() + 6), label)
    assert (period.first.weekday(), period.last.weekday(), period.days) == (0, 6, 7)


@pytest.mark.parametrize(
    ("week", "problem"),
    [
        ("2021-W53", "err.week_number"),  # 2021 has 52 weeks
        ("2026-W54", "err.week_number"),
        ("2026-W00", "err.week_number"),
        ("2026W48", "err.week"),
        ("2026-W4", "err.week"),
        ("2026-48", "err.week"),
        ("W48", "err.week"),
        ("2026-W48-1", "err.week"),
        ("0000-W01", "err.week"),
        ("", "err.week"),
        ("2026-W49", "err.date_range"),  # it starts after tomorrow
        ("2003-W01", "err.date_range"),  # before LinkedIn
    ],
)
def test_a_malformed_or_impossible_week_is_refused(week: str, problem: str) -> None:
    with pytest.raises(InputError) as raised:
        period_of(None, week, TODAY, TODAY)
    assert (raised.value.field, raised.value.problem) == ("--week", problem)


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--week", "2021-W53"], '--week: 2021 has weeks 1 to 52, so "2021-W53" is not one'),
        (
            ["--week", "2026-48"],
            '--week: "2026-48" is not an ISO week: give YYYY-Www, such as 2026-W48',
        ),
        (["--days", "0"], "--days: 0 is below the minimum of 1"),
        (["--days", "367"], "--days: 367 is above the maximum of 366"),
        (
            ["--week", "2026-W47", "--days", "7"],
            "--week: --week is the whole period; leave out --days",
        ),
        (
            ["--week", "2026-W47", "--date", "2026-11-22"],
            "--week: --week is the whole period; leave out --date",
        ),
        (["--json", "--markdown"], "--markdown: choose --json or --markdown, not both"),
    ],
)
def test_bad_options_are_one_line_and_exit_2(cli: Cli, args: list[str], said: str) -> None:
    ok(cli, "check", "15", "10", "12", "18", "--date", "2026-11-13")
    result = cli("review", *args)
    assert (result.status, result.stdout, result.stderr) == (2, "", f"ssi-coach: {said}\n")


# -- nothing to review ---------------------------------------------------------------------


def test_no_scores_at_all_says_how_to_start_exit_1(cli: Cli, home: Path) -> None:
    result = cli("review")
    assert result.status == 1
    assert result.stderr.startswith("ssi-coach: No scores yet. Start with: ssi-coach check")
    assert not home.exists()  # reading leaves no trace


def test_scores_only_after_the_period_say_so_exit_1(cli: Cli) -> None:
    ok(cli, "check", "15", "10", "12", "18", "--date", "2026-11-25")
    result = cli("review", "--week", "2026-W47")
    assert result.status == 1
    assert result.stderr.startswith("ssi-coach: No scores on or before 2026-11-22.")


# -- start and end -------------------------------------------------------------------------


def test_the_start_is_the_record_the_period_began_with(cli: Cli) -> None:
    for day, scores in (("11-10", "14"), ("11-13", "15"), ("11-18", "16"), ("11-20", "17")):
        ok(cli, "check", scores, "10", "12", "18", "--date", f"2026-{day}")
    ok(cli, "check", "20", "10", "12", "18", "--date", "2026-11-24")  # after the week
    found = as_json(cli, "review", "--week", "2026-W47")
    assert (found["start"]["date"], found["end"]["date"]) == ("2026-11-13", "2026-11-20")
    assert found["change"] == {
        "total": 2.0,
        "pillars": {"brand": 2.0, "people": 0.0, "insights": 0.0, "relationships": 0.0},
    }


def test_with_nothing_before_the_period_the_start_is_its_first_record(cli: Cli) -> None:
    ok(cli, "check", "15", "10", "12", "18", "--date", "2026-11-17")
    ok(cli, "check", "15.5", "10", "12", "18", "--date", "2026-11-19")
    found = as_json(cli, "review", "--week", "2026-W47")
    assert (found["start"]["date"], found["end"]["date"]) == ("2026-11-17", "2026-11-19")
    assert found["change"]["total"] == 0.5


def test_a_record_on_the_first_day_counts_as_the_periods_move(cli: Cli) -> None:
    # Weekly Monday check-ins: each week's review shows the move since the Monday before.
    for day, brand in (("11-09", "14"), ("11-16", "15"), ("11-23", "17")):
        ok(cli, "check", brand, "10", "12", "18", "--date", f"2026-{day}")
    for week, start, end, change in (
        ("2026-W47", "2026-11-09", "2026-11-16", 1.0),
        ("2026-W48", "2026-11-16", "2026-11-23", 2.0),
    ):
        found = as_json(cli, "review", "--week", week)
        assert (found["start"]["date"], found["end"]["date"]) == (start, end)
        assert found["change"]["total"] == change
    one_day = as_json(cli, "review", "--days", "1", "--date", "2026-11-23")
    assert one_day["change"]["total"] == 2.0


def test_a_period_without_a_record_compares_the_last_one_with_itself(cli: Cli) -> None:
    ok(cli, "check", "15", "10", "12", "18", "--date", "2026-11-06")
    found = as_json(cli, "review", "--week", "2026-W47")
    assert found["start"] == found["end"]
    assert found["change"]["total"] == 0.0
    text = ok(cli, "review", "--week", "2026-W47")
    assert text.splitlines()[1] == "SSI: 55.00 on 2026-11-06 (no other record to compare with)"


# -- a week with gaps, through the CLI -----------------------------------------------------


@pytest.fixture
def gappy_week(cli: Cli, tmp_path: Path) -> dict[str, Any]:
    """ISO week 47 of 2026 with the small rulebook and a one-off, the default rest days
    (Saturday, Sunday), and each day's checklist as `today --json` shows it at the end:

    Fri 13 (before): a record. Mon 16: no record, a plan from Friday's scores, all done.
    Tue 17: a record, one item done. Wed 18: nothing at all. Thu 19: a plan, nothing done.
    Fri 20: a record, all done. Sat 21 (rest): a plan, left alone. Sun 22 (rest): one done.
    """
    once = action("people-list", "people", minutes="[3, 8]", cadence='"once"')
    cli("config", "set", "rules", str(write_rulebook(tmp_path, once, rotating=2)))
    ok(cli, "check", "15", "10", "12", "18", "--date", "2026-11-13")
    ok(cli, "today", "--date", WEEK[0])
    ok(cli, "done", "--all", "--date", WEEK[0])
    ok(cli, "check", "15.5", "9.5", "12.5", "18", "--date", WEEK[1])
    ok(cli, "done", "2", "--date", WEEK[1])
    ok(cli, "today", "--date", WEEK[3])
    ok(cli, "check", "16", "9.8", "13", "18.5", "--date", WEEK[4])
    ok(cli, "done", "--all", "--date", WEEK[4])
    ok(cli, "today", "--date", WEEK[5])
    ok(cli, "today", "--date", WEEK[6])
    ok(cli, "done", "1", "--date", WEEK[6])
    return {day: as_json(cli, "today", "--date", day) for day in WEEK if day != WEEK[2]}


def test_a_week_with_gaps_counts_the_days_with_a_plan(cli: Cli, gappy_week: dict[str, Any]) -> None:
    found = as_json(cli, "review", "--week", "2026-W47")
    assert found["period"] == {"from": "2026-11-16", "to": "2026-11-22"}
    # Mon, Tue, Thu, Fri, and Sunday's plan (a rest day with a tick); Saturday's, untouched,
    # was optional. Done in full: Monday and Friday.
    assert found["days"] == {"planned": 5, "done": 2}
    # Friday done, then a weekend of rest: a run of 1, still going on Sunday.
    assert found["streak"] == {"current": 1, "best": 1}


def test_minutes_per_pillar_are_those_of_the_plans_and_of_the_items_ticked(
    cli: Cli, gappy_week: dict[str, Any]
) -> None:
    counted = [gappy_week[day] for day in (WEEK[0], WEEK[1], WEEK[3], WEEK[4], WEEK[6])]
    items = [item for day in counted for item in day["items"]]
    expected = {
        pillar: {
            "done": sum(i["minutes"] for i in items if i["pillar"] == pillar and i["done"]),
            "planned": sum(i["minutes"] for i in items if i["pillar"] == pillar),
        }
        for pillar in PILLARS
    }
    minutes = as_json(cli, "review", "--week", "2026-W47")["minutes"]
    assert minutes["per_pillar"] == expected
    assert list(minutes["per_pillar"]) == list(PILLARS)
    assert minutes["planned"] == sum(m["planned"] for m in expected.values()) == 5 * 20
    assert minutes["done"] == sum(m["done"] for m in expected.values())
    assert 0 < minutes["done"] < minutes["planned"]


def test_the_top_actions_are_those_ticked_on_the_most_days(
    cli: Cli, gappy_week: dict[str, Any]
) -> None:
    ticks = Counter(
        item["id"] for day in gappy_week.values() for item in day["items"] if item["done"]
    )
    ranked = sorted(ticks.items(), key=lambda pair: (-pair[1], pair[0]))[:3]
    top = as_json(cli, "review", "--week", "2026-W47")["top_actions"]
    assert [(a["id"], a["count"]) for a in top] == ranked
    assert top[0]["count"] >= 2
    assert all(a["text"] == f"Do {a['id']}." and a["pillar"] in a["id"] for a in top)


def test_a_one_off_done_in_the_period_is_listed_once_on_its_first_day(
    cli: Cli, gappy_week: dict[str, Any]
) -> None:
    planned = [day for day, found in gappy_week.items() if "people-list" in str(found["items"])]
    assert planned[0] == WEEK[0]  # due at once, and done that day
    assert as_json(cli, "review", "--week", "2026-W47")["one_offs_done"] == [
        {"id": "people-list", "pillar": "people", "text": "Do people-list.", "date": WEEK[0]}
    ]
    # The next week did not do it again.
    assert as_json(cli, "review", "--date", "2026-11-27")["one_offs_done"] == []


def test_a_one_off_marked_done_before_counts_on_the_day_it_was_marked(
    cli: Cli, tmp_path: Path
) -> None:
    once = action("brand-once", "brand", minutes="[3, 8]", cadence='"once"')
    cli("config", "set", "rules", str(write_rulebook(tmp_path, once)))
    ok(cli, "check", "10", "15", "15", "15", "--date", "2026-11-20")
    ok(cli, "check", "10", "15", "15", "15", "--date", "2026-11-25")
    ok(cli, "skip", "brand-once", "--already-done", "--date", "2026-11-25")
    found = as_json(cli, "review", "--date", "2026-11-26")
    assert found["one_offs_done"] == [
        {"id": "brand-once", "pillar": "brand", "text": "Do brand-once.", "date": "2026-11-25"}
    ]
    assert as_json(cli, "review", "--date", "2026-11-24")["one_offs_done"] == []


def test_the_text_review_of_a_week_with_gaps(cli: Cli, gappy_week: dict[str, Any]) -> None:
    lines = ok(cli, "review", "--week", "2026-W47").splitlines()
    assert lines[:10] == [
        "Review of week 2026-W47, 2026-11-16 to 2026-11-22",
        "SSI: 55.00 on 2026-11-13, 57.30 on 2026-11-20 (+2.30)",
        "",
        "                   start      end   change  minutes done/planned",
        lines[4],
        lines[5],
        lines[6],
        lines[7],
        lines[8],
        "",
    ]
    assert lines[5].startswith("  people           10.00     9.80    -0.20  ")
    assert lines[8].startswith("  total            55.00    57.30    +2.30  ")
    assert lines[10:12] == [
        "  Days with a plan: 5; done in full: 2",
        "  Streak: 1 day in a row (best: 1 day)",
    ]
    one_offs = lines.index("One-offs done")
    assert lines[one_offs + 1 : one_offs + 3] == ["  2026-11-16  Do people-list.", ""]
    assert lines[-2] == "Next week"


def test_the_store_reads_the_plans_and_ticks_of_the_period_only(cli: Cli) -> None:
    from ssi_coach.storage.store import open_store

    days = ("2026-11-15", "2026-11-16", "2026-11-22", "2026-11-23")
    for day in days:
        ok(cli, "check", "15", "10", "12", "18", "--date", day)
    ok(cli, "done", "--all", "--date", days[0])
    ok(cli, "done", "--all", "--date", days[3])
    ok(cli, "done", "1", "--date", days[1])
    monday = as_json(cli, "today", "--date", days[1])["items"]
    with open_store(create=False) as store:
        assert store is not None
        progress = store.pillar_progress(date(2026, 11, 16), date(2026, 11, 22))
        ticked = store.ticks_per_action(date(2026, 11, 16), date(2026, 11, 22))
    assert list(progress) == [date(2026, 11, 16), date(2026, 11, 22)]
    for pillar, found in progress[date(2026, 11, 16)].items():
        mine = [item for item in monday if item["pillar"] == pillar]
        assert found == PillarProgress(
            len(mine),
            sum(item["done"] for item in mine),
            sum(item["minutes"] for item in mine),
            sum(item["minutes"] for item in mine if item["done"]),
        )
    assert sum(p.ticked for p in progress[date(2026, 11, 22)].values()) == 0
    assert ticked == [ActionTicks(monday[0]["id"], monday[0]["pillar"], 1, date(2026, 11, 16))]


# -- the suggestion ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Rulebook:
    directory = tmp_path_factory.mktemp("rules")
    once = action("people-first", "people", minutes="[3, 8]", cadence='"once"')
    path = directory / "suggest.toml"
    path.write_text(rulebook_text().replace(
        # the one-off first in the rulebook's order of people's actions
        '\n[[actions]]\nid = "people-r1"', once + '\n[[actions]]\nid = "people-r1"', 1
    ), encoding="utf-8")  # fmt: skip
    return load_rulebook(path, use_cache=False)


def record(day: int, **scores: float) -> Record:
    return Record(date(2026, 11, day), {p: scores.get(p, 15.0) for p in PILLARS})


def days_with(people_ticked: list[int]) -> dict[date, dict[str, PillarProgress]]:
    """A day a value: each with 1 item of each pillar, all ticked but people's as given."""
    return {
        date(2026, 11, 16 + n): {
            p: PillarProgress(1, ticked if p == "people" else 1, 5, 5 * ticked) for p in PILLARS
        }
        for n, ticked in enumerate(people_ticked)
    }


def always(_: Action) -> bool:
    return True


def test_a_pillar_that_fell_while_left_undone_is_suggested(small: Rulebook) -> None:
    start, end = record(13, people=10.0), record(20, people=9.6)
    chosen = suggest(start, end, days_with([0, 0, 1, 0, 0]), small, always)
    assert chosen._replace(action=chosen.action.id) == (
        "neglected", "people", "people-first", -0.4, 9.6, 4, 5
    )  # fmt: skip


@pytest.mark.parametrize(
    ("ticked", "kind"),
    [
        ([0, 0, 1, 1], "neglected"),  # half the days: enough
        ([0, 1, 1, 1], "weakest"),  # one day is not a habit
        ([0, 0, 1, 1, 1], "weakest"),  # under half
        ([], "weakest"),  # no plan at all
    ],
)
def test_neglect_needs_half_the_days_and_two_of_them(
    small: Rulebook, ticked: list[int], kind: str
) -> None:
    start, end = record(13, people=10.0, brand=9.0), record(20, people=9.6, brand=9.0)
    chosen = suggest(start, end, days_with(ticked), small, always)
    assert (chosen.kind, chosen.pillar) == (kind, "people" if kind == "neglected" else "brand")


def test_a_pillar_that_rose_is_never_called_neglected(small: Rulebook) -> None:
    start, end = record(13, people=10.0), record(20, people=10.5)
    chosen = suggest(start, end, days_with([0, 0, 0, 0, 0]), small, always)
    assert (chosen.kind, chosen.pillar, chosen.score) == ("weakest", "people", 10.5)


def test_the_largest_fall_wins_among_neglected_pillars(small: Rulebook) -> None:
    start = record(13, people=10.0, insights=12.0)
    end = record(20, people=9.9, insights=11.0)
    undone = {
        date(2026, 11, 16 + n): {p: PillarProgress(1, 0, 5, 0) for p in PILLARS} for n in range(3)
    }
    assert suggest(start, end, undone, small, always).pillar == "insights"


def test_the_fallback_is_the_weakest_pillar_and_a_one_off_done_is_passed_over(
    small: Rulebook,
) -> None:
    start, end = record(13, people=8.0), record(20, people=8.5)
    chosen = suggest(start, end, {}, small, always)
    assert (chosen.kind, chosen.pillar, chosen.action.id) == ("weakest", "people", "people-first")
    not_done_again = suggest(start, end, {}, small, lambda a: a.id != "people-first")
    assert not_done_again.action.id == "people-r1"
    # Nothing offered at all: the rulebook's leading action for the score, all the same.
    assert suggest(start, end, {}, small, lambda a: False).action.id == "people-first"


def test_the_suggestion_through_the_cli_skips_the_one_off_done(
    cli: Cli, gappy_week: dict[str, Any]
) -> None:
    # people fell (10 -> 9.8) and its items were left undone on Tue and Thu, 2 of 5 days:
    # under half. The weakest pillar is people; its one-off is done, so its next action.
    found = as_json(cli, "review", "--week", "2026-W47")["suggestion"]
    assert found == {
        "kind": "weakest",
        "pillar": "people",
        "action": {"id": "people-r1", "text": "Do people-r1."},
        "text": "Your weakest pillar is people (9.80/25). Start with: Do people-r1.",
    }


def test_rest_days_left_alone_do_not_count_against_a_pillar(small: Rulebook) -> None:
    saturday = date(2026, 11, 21)
    progress = days_with([1, 1]) | {
        saturday: {p: PillarProgress(1, 0, 5, 0) for p in PILLARS},
        date(2026, 11, 22): {p: PillarProgress(1, 0, 5, 0) for p in PILLARS},
    }
    data = ReviewData(
        start=record(13, people=10.0),
        end=record(20, people=9.0),
        progress=progress,
        ticked=[ActionTicks("people-r1", "people", 2, date(2026, 11, 16))],
        done_before={},
        completed_days=[date(2026, 11, 16), date(2026, 11, 17)],
    )
    period = Period(date(2026, 11, 16), date(2026, 11, 22))
    review = build_review(period, data, small, ("sat", "sun"), TODAY, always)
    assert (review.days_planned, review.days_done, review.minutes_planned) == (2, 2, 40)
    assert review.suggestion.kind == "weakest"
    every_day = build_review(period, data, small, (), TODAY, always)
    assert (every_day.days_planned, every_day.suggestion.kind) == (4, "neglected")


def test_top_actions_break_ties_by_id_and_keep_three(small: Rulebook) -> None:
    day = date(2026, 11, 16)
    ticked = [
        ActionTicks(name, pillar, n, day)
        for name, pillar, n in (
            ("brand-r2", "brand", 2),
            ("brand-r1", "brand", 2),
            ("gone-from-the-rulebook", "insights", 3),
            ("people-r1", "people", 1),
        )
    ]
    data = ReviewData(record(13), record(20), {}, ticked, {}, [])
    review = build_review(Period(day, date(2026, 11, 22)), data, small, (), TODAY, always)
    assert [(d.action.id, d.times) for d in review.top_actions] == [
        ("gone-from-the-rulebook", 3),
        ("brand-r1", 2),
        ("brand-r2", 2),
    ]
    assert review.top_actions[0].action.text["en"] == "gone-from-the-rulebook"
    assert review.one_offs == []


# -- formats -------------------------------------------------------------------------------


def test_json_keys_are_exactly_these(cli: Cli, gappy_week: dict[str, Any]) -> None:
    found = as_json(cli, "review", "--week", "2026-W47")
    assert list(found) == [
        "period",
        "start",
        "end",
        "change",
        "minutes",
        "days",
        "streak",
        "top_actions",
        "one_offs_done",
        "suggestion",
    ]
    assert list(found["period"]) == ["from", "to"]
    assert list(found["start"]) == list(found["end"]) == ["date", "total", "scores"]
    assert list(found["start"]["scores"]) == list(PILLARS)
    assert list(found["change"]) == ["total", "pillars"]
    assert list(found["minutes"]) == ["done", "planned", "per_pillar"]
    assert all(list(m) == ["done", "planned"] for m in found["minutes"]["per_pillar"].values())
    assert list(found["days"]) == ["planned", "done"]
    assert list(found["streak"]) == ["current", "best"]
    assert all(list(a) == ["id", "pillar", "text", "count"] for a in found["top_actions"])
    assert all(list(o) == ["id", "pillar", "text", "date"] for o in found["one_offs_done"])
    assert list(found["suggestion"]) == ["kind", "pillar", "action", "text"]


TABLE_ROW = re.compile(r"^\|.*\|$")
UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def markdown_table(text: str) -> list[str]:
    """The lines of the one table in `text`, checked to be a GFM table: a header, its
    separator, then rows, all with the same number of cells."""
    lines = text.splitlines()
    rows = [line for line in lines if line.startswith("|")]
    first = lines.index(rows[0])
    assert lines[first : first + len(rows)] == rows  # one block
    assert lines[first - 1] == "" and lines[first + len(rows)] == ""
    assert re.fullmatch(r"\| --- (\| ---: ){4}\|", rows[1])
    cells = {len(UNESCAPED_PIPE.findall(row)) for row in rows}
    assert cells == {6}, rows  # 5 columns
    assert all(TABLE_ROW.match(row) for row in rows)
    return rows


def test_markdown_is_a_table_and_lists_without_any_escape_code(
    cli: Cli, gappy_week: dict[str, Any]
) -> None:
    text = ok(cli, "review", "--week", "2026-W47", "--markdown")
    rows = markdown_table(text)
    assert rows[0] == "| pillar | start | end | change | minutes done/planned |"
    assert rows[3].startswith("| people | 10.00 | 9.80 | -0.20 | ")
    assert rows[-1].startswith("| total | 55.00 | 57.30 | +2.30 | ")
    assert text.startswith("## Review of week 2026-W47, 2026-11-16 to 2026-11-22\n\n")
    assert "\n### Done most\n\n1. Do " in text
    assert "\n- 2026-11-16: Do people-list.\n" in text
    assert text.endswith(
        "\n### Next week\n\nYour weakest pillar is people (9.80/25). Start with: Do people-r1.\n"
    )
    assert "\x1b" not in text and "\ue000" not in text


def test_markdown_stays_plain_on_a_colour_terminal(
    cli: Cli, gappy_week: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ssi_coach.cli._color", lambda: True)
    assert "\x1b[" in ok(cli, "review", "--week", "2026-W47")  # the text is coloured
    assert "\x1b" not in ok(cli, "review", "--week", "2026-W47", "--markdown")


def test_hostile_action_texts_cannot_break_the_markdown(cli: Cli, tmp_path: Path) -> None:
    hostile = 'text.en = "A | b\\nc\\u001b[31m *x* [l](u) \\\\| <b>"'
    book = tmp_path / "hostile.toml"
    book.write_text(
        re.sub(r'text\.en = "Do people-r1\."', lambda m: hostile, rulebook_text(rotating=1)),
        encoding="utf-8",
    )
    for day in ("2026-11-23", "2026-11-24"):
        ok(cli, "check", "15", "8", "12", "18", "--date", day, "--rules", str(book))
        ok(cli, "done", "--all", "--date", day)
    text = ok(cli, "review", "--date", "2026-11-24", "--rules", str(book), "--markdown")
    markdown_table(text)
    assert "\x1b" not in text
    shown = r"A \| b c\x1b\[31m \*x\* \[l\](u) \\\| \<b\>"
    assert f"\n3. {shown} (people, 2 times)\n" in text  # after brand-r1 and insights-r1
    assert text.endswith(f"Start with: {shown}\n")
    for line in text.splitlines():  # no line but the table's starts a cell or a heading
        assert not line.startswith("|") or TABLE_ROW.match(line)
    plain = ok(cli, "review", "--date", "2026-11-24", "--rules", str(book))
    assert "\x1b" not in plain and "\\x1b[31m" in plain


def test_the_review_speaks_french(cli: Cli, gappy_week: dict[str, Any]) -> None:
    env = {"LANG": "fr_FR.UTF-8"}
    text = ok(cli, "review", "--week", "2026-W47", env=env)
    assert text.splitlines()[:2] == [
        "Bilan de la semaine 2026-W47, du 16 novembre 2026 au 22 novembre 2026",
        "SSI : 55,00 le 13 novembre 2026, 57,30 le 20 novembre 2026 (+2,30)",
    ]
    assert "  Jours avec un plan : 5 ; faits en entier : 2" in text.splitlines()
    markdown = ok(cli, "review", "--week", "2026-W47", "--markdown", env=env)
    assert markdown_table(markdown)[0] == (
        "| pilier | départ | fin | variation | minutes faites/prévues |"
    )
    found = json.loads(ok(cli, "review", "--week", "2026-W47", "--json", env=env))
    assert found["suggestion"]["text"] == (
        "Votre pilier le plus faible est personnes (9,80/25). Commencez par : Faites people-r1."
    )
    for said in (text, markdown):
        assert english_words(said.replace("Do people-list.", "")) == [], said


# -- the README ----------------------------------------------------------------------------

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["ssi-coach review", "ssi-coach review --markdown"])
def test_the_readme_examples_are_the_real_ones(cli: Cli, command: str) -> None:
    block = re.search(rf"\$ {re.escape(command)}\n(.*?)```", README, re.DOTALL)
    assert block is not None
    week = (
        ("2026-11-20", "17 11 14 18", ["--all"]),
        ("2026-11-23", "17 11.5 14 18.5", ["1", "2", "3"]),
        ("2026-11-24", "17.5 11.2 14.5 18.5", ["1"]),
        ("2026-11-25", "17.4 11 14.5 19", ["1", "4"]),
        ("2026-11-27", "17.7 10.9 15 19.5", ["--all"]),
    )
    for day, scores, items in week:
        ok(cli, "check", *scores.split(), "--date", day)
        ok(cli, "done", *items, "--date", day)
    # The example was captured on Friday 2026-11-27.
    assert ok(cli, *command.split()[1:], "--date", "2026-11-27") == block.group(1)
