"""Why the SSI moved: each pillar's change, largest first; a recalibration when all four
fell together; the ticks of each pillar that moved a lot. The rule, its sentences, the store
query behind it and what `check` prints and gives in JSON."""

import json
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import Cli
from ssi_coach.core.explanation import (
    CHANGE,
    HABITS,
    RECALIBRATION,
    Explanation,
    explain,
    habits_window,
    is_recalibration,
)
from ssi_coach.core.pillars import PILLARS
from ssi_coach.core.records import Change, Record, change_between
from ssi_coach.core.saved_plan import SavedPlan, StoredItem
from ssi_coach.output.messages import explanation_sentence
from ssi_coach.storage.store import open_store

DAY = date(2026, 11, 27)
YESTERDAY = DAY - timedelta(days=1)
BEFORE = {"brand": 18.0, "people": 12.0, "insights": 15.0, "relationships": 20.0}
NO_TICKS = dict.fromkeys(PILLARS, 0)


def moved(by: dict[str, float], since: date = YESTERDAY) -> Change:
    """The change from BEFORE on `since` to BEFORE moved `by` on DAY, as the history
    computes it (with the float error of real subtractions)."""
    after = {p: round(BEFORE[p] + by.get(p, 0.0), 2) for p in PILLARS}
    return change_between(Record(since, BEFORE), Record(DAY, after))


def kinds(items: list[Explanation]) -> list[tuple[str, str | None]]:
    return [(item.kind, item.pillar) for item in items]


# -- the change per pillar ----------------------------------------------------------------


def test_changes_come_largest_first_whatever_their_sign() -> None:
    items = explain(moved({"brand": 0.4, "people": -0.9, "insights": 0.1}), DAY, NO_TICKS)
    assert [(i.kind, i.pillar, i.change) for i in items if i.kind == CHANGE] == [
        (CHANGE, "people", -0.9),
        (CHANGE, "brand", 0.4),
        (CHANGE, "insights", 0.1),
    ]


def test_a_pillar_that_did_not_move_is_left_out_and_equal_moves_keep_linkedins_order() -> None:
    items = explain(moved({"relationships": 0.2, "brand": -0.2}), DAY, NO_TICKS)
    assert kinds(items) == [(CHANGE, "brand"), (CHANGE, "relationships")]
    assert explain(moved({}), DAY, NO_TICKS) == []


# -- recalibration ------------------------------------------------------------------------


def test_all_four_falling_by_exactly_0_3_is_a_recalibration() -> None:
    change = moved(dict.fromkeys(PILLARS, -0.3))
    assert change.pillars["brand"] == -0.3  # 17.7 - 18.0, rounded as shown
    items = explain(change, DAY, NO_TICKS)
    assert items[-1] == Explanation(RECALIBRATION, None, -1.2)
    assert [i.kind for i in items] == [CHANGE] * 4 + [RECALIBRATION]


def test_the_threshold_holds_against_float_error() -> None:
    """1.1 - 1.4 is -0.2999999999999998 in floating point, and 0.07 - 0.57 is
    -0.49999999999999994: 0.30 and 0.50 as the scores are shown."""
    unrounded = Change(YESTERDAY, 1.1 - 2.3, dict.fromkeys(PILLARS, 1.1 - 1.4))
    assert is_recalibration(unrounded, DAY)
    half = Change(YESTERDAY, 0.0, {**dict.fromkeys(PILLARS, 0.0), "people": 0.07 - 0.57})
    assert half.pillars["people"] > -0.5
    assert [i.kind for i in explain(half, DAY, NO_TICKS)] == [CHANGE, HABITS]


@pytest.mark.parametrize(
    "falls",
    [
        {**dict.fromkeys(PILLARS, -0.3), "insights": -0.29},  # one pillar short of 0.3
        {**dict.fromkeys(PILLARS, -1.0), "people": 0.3},  # one rose
        {**dict.fromkeys(PILLARS, -1.0), "relationships": 0.0},  # one did not move
    ],
)
def test_not_all_four_falling_by_0_3_is_no_recalibration(falls: dict[str, float]) -> None:
    assert not is_recalibration(moved(falls), DAY)
    assert RECALIBRATION not in [i.kind for i in explain(moved(falls), DAY, NO_TICKS)]


def test_four_falls_over_several_days_are_no_recalibration() -> None:
    """From Friday to Monday, four falls may be three days of drift: no day to blame."""
    falls = dict.fromkeys(PILLARS, -1.0)
    assert is_recalibration(moved(falls, since=DAY - timedelta(days=1)), DAY)
    assert not is_recalibration(moved(falls, since=DAY - timedelta(days=3)), DAY)


def test_a_recalibration_leaves_the_ticks_out() -> None:
    """Beside LinkedIn's falls, a count of ticks would read as their cause."""
    items = explain(moved(dict.fromkeys(PILLARS, -0.8)), DAY, {**NO_TICKS, "brand": 3})
    assert HABITS not in [i.kind for i in items]


# -- habits -------------------------------------------------------------------------------


def test_habits_follow_each_pillar_that_moved_by_0_5_or_more() -> None:
    ticked = {"brand": 4, "people": 0, "insights": 2, "relationships": 0}
    by = {"brand": 0.5, "people": -0.5, "insights": 0.49, "relationships": 0.7}
    items = explain(moved(by), DAY, ticked)
    assert items == [
        Explanation(CHANGE, "relationships", 0.7),  # a rise with none ticked: nothing said
        Explanation(CHANGE, "brand", 0.5),
        Explanation(HABITS, "brand", 0.5, ticked=4),  # a rise with ticks
        Explanation(CHANGE, "people", -0.5),
        Explanation(HABITS, "people", -0.5, ticked=0),  # a fall with none ticked
        Explanation(CHANGE, "insights", 0.49),  # under 0.5: no habits, ticks or not
    ]


def test_a_fall_with_ticks_gives_the_count() -> None:
    items = explain(moved({"people": -0.6}), DAY, {**NO_TICKS, "people": 2})
    assert items[-1] == Explanation(HABITS, "people", -0.6, ticked=2)


def test_the_ticks_counted_are_those_of_the_7_days_before() -> None:
    assert habits_window(DAY) == (date(2026, 11, 20), date(2026, 11, 26))


# -- the rule as a property ---------------------------------------------------------------

hundredths = st.integers(min_value=-150, max_value=150)


@given(
    st.fixed_dictionaries({p: hundredths for p in PILLARS}),
    st.fixed_dictionaries({p: st.integers(0, 9) for p in PILLARS}),
    st.integers(min_value=1, max_value=5),
)
def test_the_rule_holds_for_any_moves(
    by: dict[str, int], ticked: dict[str, int], gap_days: int
) -> None:
    change = moved({p: n / 100 for p, n in by.items()}, since=DAY - timedelta(days=gap_days))
    items = explain(change, DAY, ticked)
    changes = [i for i in items if i.kind == CHANGE]
    # every pillar that moved, once, largest first
    assert sorted(i.pillar for i in changes) == sorted(p for p in PILLARS if by[p])  # type: ignore[type-var]
    sizes = [abs(by[str(i.pillar)]) for i in changes]
    assert sizes == sorted(sizes, reverse=True)
    recalibrated = gap_days == 1 and all(by[p] <= -30 for p in PILLARS)
    assert (items[-1:] == [Explanation(RECALIBRATION, None, change.total)]) == recalibrated
    expected_habits = [
        i.pillar
        for i in changes
        if not recalibrated
        and abs(by[str(i.pillar)]) >= 50
        and (ticked[str(i.pillar)] or by[str(i.pillar)] < 0)
    ]
    assert [i.pillar for i in items if i.kind == HABITS] == expected_habits
    for before, after in pairwise(items):  # habits follow their change
        if after.kind == HABITS:
            assert (before.kind, before.pillar) == (CHANGE, after.pillar)


# -- the sentences ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "english", "french"),
    [
        (
            Explanation(CHANGE, "people", -0.9),
            "people: -0.90 since 2026-11-26",
            "personnes : -0,90 depuis le 26 novembre 2026",
        ),
        (
            Explanation(RECALIBRATION, None, -1.2),
            "all four pillars fell together: this looks like a change on LinkedIn's side, "
            "not something you did",
            "les quatre piliers ont baissé ensemble : cela ressemble à un changement du côté "
            "de LinkedIn, pas à quelque chose que vous avez fait",
        ),
        (
            Explanation(HABITS, "brand", -0.5, ticked=0),
            "no brand item was done in the last 7 days",
            "aucune action du pilier marque n'a été faite ces 7 derniers jours",
        ),
        (
            Explanation(HABITS, "brand", 0.6, ticked=1),
            "you did 1 brand item in the last 7 days",
            "vous avez fait 1 action du pilier marque ces 7 derniers jours",
        ),
        (
            Explanation(HABITS, "brand", 0.6, ticked=4),
            "you did 4 brand items in the last 7 days",
            "vous avez fait 4 actions du pilier marque ces 7 derniers jours",
        ),
    ],
)
def test_each_kind_is_said_in_english_and_french(
    item: Explanation, english: str, french: str
) -> None:
    assert explanation_sentence(item, YESTERDAY, "en") == english
    assert explanation_sentence(item, YESTERDAY, "fr") == french


# -- the store's count --------------------------------------------------------------------


def test_ticked_items_are_counted_per_pillar_over_the_days_given(home: Path) -> None:
    items = [
        StoredItem(1, "comment", "insights", 5),
        StoredItem(2, "thank", "relationships", 5),
        StoredItem(3, "search", "people", 10),
    ]
    days = [DAY - timedelta(days=n) for n in range(9)]  # DAY and the 8 days before
    with open_store() as store:
        assert store is not None
        store.import_history([], [], {day: SavedPlan(items, 20, None, day) for day in days})
        for day in days:
            store.set_ticks(day, ["comment", "search"], done=True)
        store.set_ticks(DAY - timedelta(days=2), ["thank"], done=True)
        store.mark_done_before("thank", DAY - timedelta(days=2))  # marked, not done that day
        store.set_ticks(DAY - timedelta(days=3), ["thank"], done=True)
        store.import_history([], [(DAY - timedelta(days=4), "no-plan")], {})  # no pillar known
        counted = store.ticked_items_per_pillar(*habits_window(DAY))
    # 7 days (not DAY, not the 8th day before), and one real "thank"
    assert counted == {"brand": 0, "people": 7, "insights": 7, "relationships": 1}


# -- what check and paste show ------------------------------------------------------------


def checked(cli: Cli, day: str, scores: str, *extra: str) -> str:
    result = cli("check", *scores.split(), "--date", day, *extra)
    assert result.status == 0, result
    return result.stdout


def what_moved(report: str) -> list[str]:
    """The report's "What moved" block, heading included."""
    lines = report.splitlines()
    if "What moved" not in lines:
        return []
    start = lines.index("What moved")
    return lines[start : lines.index("", start)]


def test_check_says_what_moved_and_ticks_of_the_week_before(cli: Cli) -> None:
    checked(cli, "2026-11-25", "18 12 15 20")
    assert cli("done", "1", "3", "--date", "2026-11-25").status == 0  # insights and people
    report = checked(cli, "2026-11-26", "18.1 12.8 15.5 19.4")
    assert what_moved(report) == [
        "What moved",
        "  people: +0.80 since 2026-11-25",
        "    you did 1 people item in the last 7 days",
        "  relationships: -0.60 since 2026-11-25",
        "    no relationships item was done in the last 7 days",
        "  insights: +0.50 since 2026-11-25",
        "    you did 1 insights item in the last 7 days",
        "  brand: +0.10 since 2026-11-25",
    ]


def test_a_first_record_has_no_block(cli: Cli) -> None:
    assert what_moved(checked(cli, "2026-11-25", "18 12 15 20")) == []


def test_nothing_moved_no_block(cli: Cli) -> None:
    checked(cli, "2026-11-25", "18 12 15 20")
    assert what_moved(checked(cli, "2026-11-26", "18 12 15 20")) == []


def test_a_backfilled_day_compares_with_the_record_and_ticks_before_it(cli: Cli) -> None:
    checked(cli, "2026-11-20", "18 12 15 20")
    assert cli("done", "--all", "--date", "2026-11-20").status == 0
    checked(cli, "2026-11-27", "10 10 10 10")
    assert cli("done", "--all", "--date", "2026-11-27").status == 0  # after the 24th
    report = checked(cli, "2026-11-24", "17.4 12.6 15 20")
    assert what_moved(report) == [
        "What moved",
        "  brand: -0.60 since 2026-11-20",
        "    you did 1 brand item in the last 7 days",
        "  people: +0.60 since 2026-11-20",
        "    you did 1 people item in the last 7 days",
    ]


def test_a_recalibration_in_the_report_and_in_french(cli: Cli) -> None:
    checked(cli, "2026-11-26", "18 12 15 20")
    report = checked(cli, "2026-11-27", "17.7 11.7 14.7 19.7", "--lang", "fr")
    lines = report.splitlines()
    start = lines.index("Ce qui a bougé")
    assert lines[start : lines.index("", start)] == [
        "Ce qui a bougé",
        "  marque : -0,30 depuis le 26 novembre 2026",
        "  personnes : -0,30 depuis le 26 novembre 2026",
        "  informations : -0,30 depuis le 26 novembre 2026",
        "  relations : -0,30 depuis le 26 novembre 2026",
        "  les quatre piliers ont baissé ensemble : cela ressemble à un changement du",
        "    côté de LinkedIn, pas à quelque chose que vous avez fait",
    ]


def test_json_gives_the_explanation_in_the_report_order(cli: Cli) -> None:
    checked(cli, "2026-11-25", "18 12 15 20")
    assert cli("done", "1", "3", "--date", "2026-11-25").status == 0
    result = cli("check", "18", "12", "15", "19.4", "--date", "2026-11-26", "--json")
    assert json.loads(result.stdout)["explanation"] == [
        {
            "kind": "change",
            "pillar": "relationships",
            "change": -0.6,
            "text": "relationships: -0.60 since 2026-11-25",
        },
        {
            "kind": "habits",
            "pillar": "relationships",
            "change": -0.6,
            "ticked": 0,
            "text": "no relationships item was done in the last 7 days",
        },
    ]
    checked(cli, "2026-11-27", "17 11 14 18.4")
    result = cli("check", "17", "11", "14", "18.4", "--date", "2026-11-27", "--json")
    recalibration = json.loads(result.stdout)["explanation"][-1]
    assert recalibration == {
        "kind": "recalibration",
        "pillar": None,
        "change": -4.0,
        "text": "all four pillars fell together: this looks like a change on LinkedIn's "
        "side, not something you did",
    }


def test_paste_says_what_moved_too(cli: Cli) -> None:
    checked(cli, "2026-11-26", "14 4.2 0.3 2.5")
    page = Path(__file__).parent / "fixtures" / "paste" / "page-en.txt"  # brand 13.118
    result = cli("paste", str(page), "--date", "2026-11-27", "--json")
    assert [
        (i["kind"], i["pillar"], i["change"]) for i in json.loads(result.stdout)["explanation"]
    ] == [
        ("change", "brand", -0.88),
        ("habits", "brand", -0.88),
    ]


def test_the_readme_example_is_the_real_one(cli: Cli) -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    command = "$ ssi-coach check 18.1 12.8 15.5 19.4 --date 2026-11-26\n"
    block = readme[readme.index(command) + len(command) :]
    shown = block[: block.index("...\n```")]
    checked(cli, "2026-11-25", "18 12 15 20")
    assert cli("done", "1", "3", "--date", "2026-11-25").status == 0
    report = checked(cli, "2026-11-26", "18.1 12.8 15.5 19.4")
    assert shown == report[: report.index("\nBenchmarks\n") + 1]
    assert "What moved\n" in shown


def test_history_says_linkedins_lag_once_in_its_habits_block(cli: Cli) -> None:
    for offset in range(14):
        day = (date(2026, 11, 1) + timedelta(days=offset)).isoformat()
        checked(cli, day, f"{10 + offset / 10} 12 15 20")
        if offset % 2:
            assert cli("done", "--all", "--date", day).status == 0
    english = cli("history").stdout
    french = cli("history", "--lang", "fr").stdout
    assert english.count("SSI looks back over a window of past activity") == 1
    assert french.count("Le SSI reflète une période d'activité passée") == 1
    assert english.index("Habits that worked") < english.index("SSI looks back")
