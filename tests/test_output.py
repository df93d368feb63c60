"""What reaches the terminal: colours where we mean them, the history chart and habits block
as drawn, and machine output that is the same whatever the process's hash seed."""

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from ssi_coach.core.check_report import build_check_report
from ssi_coach.core.history_report import HistoryReport
from ssi_coach.core.pillars import Lang
from ssi_coach.core.records import Record
from ssi_coach.core.rulebook import Rulebook
from ssi_coach.core.trends import Forecast, HabitEffect, Streak
from ssi_coach.output.render import render_check
from ssi_coach.output.render_history import chart, render_history
from ssi_coach.output.terminal import finish

SCORES = {"brand": 18.0, "people": 12.0, "insights": 15.0, "relationships": 20.0}


def rendered_check(rulebook: Rulebook, color: bool) -> str:
    report = build_check_report(
        SCORES,
        target=75,
        industry=None,
        network=None,
        budget=20,
        day=date(2026, 11, 27),
        rulebook=rulebook,
    )
    return finish(render_check(report, "en", color=color), color=color)


def test_colour_output_says_what_we_mean(rulebook: Rulebook) -> None:
    lines = rendered_check(rulebook, color=True).splitlines()
    bold, green, dim, red, reset = "\x1b[1m", "\x1b[32m", "\x1b[2m", "\x1b[31m", "\x1b[0m"
    assert lines[0] == f"{bold}Your SSI: 65.00/100 (strong){reset}"
    assert lines[3] == (
        f"  Establish your professional brand  18.00  {green}{'█' * 18}{reset}{dim}{'░' * 7}{reset}"
    )
    assert lines[4].endswith(f"  \x1b[33;1m◀ weakest{reset}")  # yellow and bold
    assert lines[9] == f"{red}  10.00 points behind the target of 75{reset}"
    assert lines[12].startswith("\x1b[36m   1. [ ] ")  # an item to do is cyan


def test_plain_output_of_the_same_report_has_no_escape(rulebook: Rulebook) -> None:
    text = rendered_check(rulebook, color=False)
    assert "\x1b" not in text and "\ue000" not in text and "\ue001" not in text
    assert text.splitlines()[4] == (
        "  Find the right people              12.00  ############-------------  < weakest"
    )


def test_history_chart_draws_the_total_against_the_target() -> None:
    assert chart([40, 45, 50, 55, 60, 65, 70], 75, False, "en") == [
        "     75 |--------------------------------------------------------  target 75",
        "        |                                                ::::::::",
        "        |                                        ::::::::########",
        "        |                                ::::::::################",
        "        |                        ::::::::########################",
        "        |                ::::::::################################",
        "        |        ::::::::########################################",
        "     35 |::::::::################################################",
    ]


def test_habits_block_shows_each_pillar_that_has_enough_days() -> None:
    records = [Record(date(2026, 11, 1), SCORES), Record(date(2026, 11, 2), SCORES)]
    report = HistoryReport(
        records=records,
        changes=[None, None],
        target=75,
        streak=Streak(2, 5),
        forecast=Forecast(target=75, per_day=None, day=None),
        habits=[HabitEffect("insights", 0.42, 6, -0.1, 8)],
    )
    lines = finish(render_history(report, "en", color=False), color=False).splitlines()
    assert lines[-3:] == [
        "",
        "Habits that worked (average change on the next record)",
        "  insights: +0.42 after 6 days done, -0.10 after 8 days not done",
    ]


def _forecast_lines(forecast: Forecast, lang: Lang) -> list[str]:
    records = [Record(date(2026, 11, 20), SCORES), Record(date(2026, 11, 27), SCORES)]
    report = HistoryReport(records, [None, None], 75, Streak(0, 0), forecast, [])
    text = finish(render_history(report, lang, color=False), color=False)
    return text.split("\n\n")[-1].splitlines()[:-1]  # the forecast, before the streak


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "Forecast: at this pace (+0.67 points a day, +4.69 a week), you go from 69.83 to "
            "75 in 8 days, around 2026-12-05.",
        ),
        (
            "fr",
            "Prévision : à ce rythme (+0,67 point par jour, +4,69 par semaine), vous passerez "
            "de 69,83 à 75 en 8 jours, vers le 2026-12-05.",
        ),
    ],
)
def test_the_forecast_sentence_says_where_from_at_what_pace(lang: Lang, expected: str) -> None:
    forecast = Forecast(75, 0.67, date(2026, 12, 5), latest=69.83, days=8, records=7, span_days=7)
    assert " ".join(line.strip() for line in _forecast_lines(forecast, lang)) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "Forecast: not enough data yet: 1 record over 1 day in the last 28 days, where "
            "the pace needs at least 3 records over 7 days.",
        ),
        (
            "fr",
            "Prévision : pas encore assez de données : 2 relevés sur 6 jours dans les 28 "
            "derniers jours, quand le rythme en demande au moins 3 sur 7 jours.",
        ),
    ],
)
def test_a_thin_forecast_says_what_is_missing(lang: Lang, expected: str) -> None:
    records, days = (1, 1) if lang == "en" else (2, 6)
    forecast = Forecast(75, None, None, latest=60, records=records, span_days=days)
    assert " ".join(line.strip() for line in _forecast_lines(forecast, lang)) == expected


@pytest.mark.parametrize(
    "args",
    [
        ["check", "5", "4", "3", "6", "--date", "2026-11-27", "--no-save", "--json"],
        ["check", "23", "22", "21", "24", "--date", "2026-11-24", "--minutes", "60", "--json"],
    ],
)
def test_json_is_byte_identical_whatever_the_hash_seed(home: Path, args: list[str]) -> None:
    outputs = set()
    for seed in ("0", "1", "4242"):
        env = dict(os.environ, PYTHONHASHSEED=seed, SSI_COACH_HOME=str(home / seed))
        result = subprocess.run(
            [sys.executable, "-m", "ssi_coach", *args],
            env=env,
            capture_output=True,
            check=True,
        )
        outputs.add(result.stdout)
    assert len(outputs) == 1
