"""What reaches the terminal: colours where we mean them, the history chart and habits block
as drawn, and machine output that is the same whatever the process's hash seed."""

import os
import re
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from ssi_coach.core.check_report import CheckReport, build_check_report
from ssi_coach.core.history_report import HistoryReport
from ssi_coach.core.pillars import PILLARS, Lang
from ssi_coach.core.records import Record, change_between
from ssi_coach.core.rulebook import Rulebook
from ssi_coach.core.trends import Forecast, HabitEffect, Streak
from ssi_coach.output.render import render_check
from ssi_coach.output.render_history import chart, render_history, sparkline
from ssi_coach.output.terminal import encodable, finish

SCORES = {"brand": 18.0, "people": 12.0, "insights": 15.0, "relationships": 20.0}


def check_report(rulebook: Rulebook) -> CheckReport:
    """The report of SCORES on 2026-11-27, with no benchmark but the target."""
    return build_check_report(
        SCORES,
        target=75,
        industry=None,
        network=None,
        budget=20,
        day=date(2026, 11, 27),
        rulebook=rulebook,
    )


def rendered_check(rulebook: Rulebook, color: bool) -> str:
    return finish(render_check(check_report(rulebook), "en", color=color), color=color)


def test_colour_output_says_what_we_mean(rulebook: Rulebook) -> None:
    lines = rendered_check(rulebook, color=True).splitlines()
    bold, green, dim, red, reset = "\x1b[1m", "\x1b[32m", "\x1b[2m", "\x1b[31m", "\x1b[0m"
    assert lines[0] == f"{bold}Your SSI: 65.00/100 (strong){reset}"
    assert lines[3] == (
        f"  Establish your professional brand  18.00  {green}{'█' * 18}{reset}{dim}{'░' * 7}{reset}"
    )
    yellow = "\x1b[33m"
    assert lines[4] == (  # the weakest pillar's bar in yellow, its marker yellow and bold
        f"  Find the right people              12.00  {yellow}{'█' * 12}{reset}"
        f"{dim}{'░' * 13}{reset}  \x1b[33;1m◀ weakest{reset}"
    )
    assert lines[9] == f"{red}  10.00 points behind the target of 75{reset}"
    assert lines[12].startswith("\x1b[36m   1. [ ] ")  # an item to do is cyan


def test_plain_output_of_the_same_report_has_no_escape(rulebook: Rulebook) -> None:
    text = rendered_check(rulebook, color=False)
    assert "\x1b" not in text and "\ue000" not in text and "\ue001" not in text
    assert text.splitlines()[4] == (
        "  Find the right people              12.00  ############-------------  < weakest"
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "  brand          18.00   +1.00  ###########################----------",
                "  people         12.00   +1.00  ##################-------------------  < weakest",
                "  insights       15.00   +1.00  ######################---------------",
                "  relationships  20.00   +0.00  ##############################-------",
            ],
        ),
        (
            "fr",
            [
                "  marque        18,00   +1,00  ######################---------",
                "  personnes     12,00   +1,00  ###############----------------  < le plus faible",
                "  informations  15,00   +1,00  ###################------------",
                "  relations     20,00   +0,00  #########################------",
            ],
        ),
    ],
)
def test_bars_stay_readable_beside_the_change_column(
    rulebook: Rulebook, lang: Lang, expected: list[str]
) -> None:
    report = check_report(rulebook)
    before = {**{p: s - 1 for p, s in SCORES.items()}, "relationships": 20.0}
    change = change_between(Record(date(2026, 11, 26), before), Record(date(2026, 11, 27), SCORES))
    report = report._replace(change=change)
    lines = finish(render_check(report, lang, color=False), color=False).splitlines()
    assert lines[3:7] == expected
    assert all(re.search("[#-]{20}", line) for line in lines[3:7])
    assert max(len(line) for line in lines) <= 80


def _report(totals: list[float], forecast: Forecast | None = None) -> HistoryReport:
    """Daily records from 2026-11-21 with these totals, the pillars equal."""
    records = [
        Record(date(2026, 11, 21) + timedelta(days=i), {p: t / 4 for p in PILLARS})
        for i, t in enumerate(totals)
    ]
    forecast = forecast or Forecast(target=75, per_day=None, day=None)
    return HistoryReport(records, [None] * len(records), 75, Streak(0, 0), forecast, [])


def _plain(lines: list[str]) -> list[str]:
    return finish("\n".join(lines), color=False).splitlines()


RISING = Forecast(75, 1.0, date(2026, 12, 1), latest=71, days=4, records=7, span_days=7)


def test_history_chart_draws_the_total_against_the_target_and_the_forecast() -> None:
    lines = _plain(chart(_report([65, 66, 67, 68, 69, 70, 71], RISING), False, "en", width=60))
    assert lines == [
        "     80 |",
        "        |",
        "     75 |--------------------------------------------.......",
        "        |                                   .........",
        "        |                          ____::...",
        "        |                _____::::#######",
        "        |       _____::::################",
        "        |:::::::#########################",
        "        |################################",
        "     60 |################################",
        "        +--+---------------------------+-----------------+--",
        "         2026-11-21               2026-11-27      2026-12-01",
        "         # total   - target 75   . forecast at this pace",
    ]


def test_the_chart_uses_the_terminal_width() -> None:
    for width in (70, 120):
        lines = _plain(chart(_report([65, 66, 67, 68, 69, 70, 71], RISING), False, "en", width))
        assert max(len(line) for line in lines) == width


def test_the_chart_draws_with_blocks_on_a_colour_terminal() -> None:
    lines = chart(_report([65, 66, 67, 68, 69, 70, 71], RISING), True, "fr", width=80)
    text = finish("\n".join(lines), color=False)
    assert "█" in text and "▄" in text and "•" in text and "─" in text and "#" not in text
    assert "objectif 75" in text and "prévision à ce rythme" in text


def test_a_flat_pillar_stays_flat_on_the_whole_scale() -> None:
    days = [date(2026, 11, 21) + timedelta(days=i) for i in range(7)]
    line = sparkline(days, [17.0, 17.7, 17.2, 17.0, 17.6, 17.1, 17.7], color=True, width=40)
    assert len(line) == 40 and len(set(line)) == 1  # 17.0 to 17.7 is one height out of 0-25
    rising = sparkline(days, [5, 8, 11, 14, 17, 20, 23], color=False, width=40)
    levels = ".:-=+*#@"
    assert levels.index(rising[0]) < levels.index(rising[-1]) and len(set(rising)) > 4


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
    assert lines[-5:] == [
        "",
        "Habits that worked (average change on the next record)",
        "  SSI looks back over a window of past activity: a day's work shows over several",
        "  days, not overnight.",
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
            "de 69,83 à 75 en 8 jours, vers le 5 décembre 2026.",
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


def test_a_terminal_without_the_chart_glyphs_gets_the_plain_ones() -> None:
    assert encodable("█▄▁─•│└┴", "latin-1") == "#:_-.|++"
    assert encodable("█▄▁─•│└┴", "utf-8") == "█▄▁─•│└┴"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain ASCII\non two lines", "plain ASCII\non two lines"),
        ("a\tb\r\n\x1b[2J\x7f", "a\\x09b\\x0d\n\\x1b[2J\\x7f"),
        ("Chloé\x85 \u202eevil\u202c\n", "Chloé\\x85 \\u202eevil\\u202c\n"),
    ],
)
def test_a_text_is_made_safe_with_its_own_lines_kept(text: str, shown: str) -> None:
    from ssi_coach.output.safe_text import escape_lines, is_plain

    assert escape_lines(text) == shown
    assert is_plain(text) == (text == shown)  # the quick way out only when nothing to escape
