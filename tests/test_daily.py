"""The daily loop through the CLI: save, today, done/undo, history, import, config."""

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import Cli
from ssi_coach.storage.store import database_path


def as_json(cli: Cli, *args: str) -> Any:
    result = cli(*args, "--json")
    assert result.status == 0, result
    return json.loads(result.stdout)


def checked(cli: Cli, day: str, *scores: str, extra: tuple[str, ...] = ()) -> None:
    result = cli("check", *scores, "--date", day, *extra)
    assert result.status == 0, result


# -- check saves the day ------------------------------------------------------------------


def test_check_saves_the_day_and_shows_the_change(cli: Cli) -> None:
    checked(cli, "2026-11-20", "15", "10", "12", "18")
    result = cli("check", "16", "11.2", "12", "17.5", "--date", "2026-11-21")
    lines = result.stdout.splitlines()
    assert lines[0] == "Your SSI: 56.70/100 (strong), +1.70 since 2026-11-20"
    # Beside the change column, short labels keep the bars readable (20 characters or more).
    assert lines[3] == "  brand          16.00   +1.00  ########################-------------"
    assert lines[4].startswith("  people         11.20   +1.20  ")
    assert lines[6].startswith("  relationships  17.50   -0.50  ")


def test_checking_again_the_same_day_replaces_it(cli: Cli) -> None:
    checked(cli, "2026-11-20", "15", "10", "12", "18")
    checked(cli, "2026-11-20", "16", "10", "12", "18", extra=("--industry", "32"))
    records = as_json(cli, "history")["records"]
    assert records == [
        {
            "date": "2026-11-20",
            "total": 56.0,
            "scores": {"brand": 16.0, "people": 10.0, "insights": 12.0, "relationships": 18.0},
            "industry": 32.0,
            "network": None,
            "industry_rank": None,
            "network_rank": None,
            "team": None,
            "team_rank": None,
        }
    ]


def test_no_save_leaves_no_trace(cli: Cli, home: Path) -> None:
    assert cli("check", "1", "2", "3", "4", "--no-save").status == 0
    assert not database_path().exists()


# -- today ---------------------------------------------------------------------------------


def test_today_without_any_record(cli: Cli) -> None:
    result = cli("today")
    assert (result.status, result.stdout) == (1, "")
    assert result.stderr == (
        "ssi-coach: No scores yet. Start with: ssi-coach check BRAND PEOPLE INSIGHTS "
        "RELATIONSHIPS\n"
    )


def test_today_uses_the_latest_record_before_the_day(cli: Cli) -> None:
    checked(cli, "2026-11-20", "18", "12", "15", "20")
    data = as_json(cli, "today", "--date", "2026-11-23")
    assert list(data) == ["date", "based_on", "rest_day", "items", "minutes_left", "streak"]
    assert (data["date"], data["based_on"], data["minutes_left"]) == (
        "2026-11-23",
        "2026-11-20",
        20,
    )
    assert data["streak"] == {"current": 0, "best": 0}
    for item in data["items"]:
        keys = ["number", "id", "pillar", "minutes", "text", "cadence", "done"]
        assert [key for key in item if key != "source"] == keys
    assert [item["number"] for item in data["items"]] == list(range(1, len(data["items"]) + 1))
    assert not any(item["done"] for item in data["items"])


def test_today_prints_the_checklist(cli: Cli) -> None:
    checked(cli, "2026-11-27", "18", "12", "15", "20")
    cli("done", "1", "--date", "2026-11-27")
    items = as_json(cli, "today", "--date", "2026-11-27")["items"]
    lines = cli("today", "--date", "2026-11-27").stdout.splitlines()
    first, second = items[0], items[1]
    assert lines[0] == "Today, 2026-11-27: plan from your scores of 2026-11-27"
    assert lines[1].startswith(
        f"   1. [x] {first['pillar']:<13} {first['minutes']:>2} min  {first['text'][:20]}"
    )
    second_line = f"   2. [ ] {second['pillar']:<13} {second['minutes']:>2} min  "
    assert any(line.startswith(second_line) for line in lines)
    left = 20 - first["minutes"]
    assert lines[-2:] == [f"  {left} minutes left", "  Streak: 0 days in a row (best: 0 days)"]


def test_done_and_undo_by_number_and_by_id(cli: Cli) -> None:
    checked(cli, "2026-11-27", "18", "12", "15", "20")
    items = as_json(cli, "today", "--date", "2026-11-27")["items"]
    cli("done", "1", items[2]["id"], "--date", "2026-11-27")
    data = as_json(cli, "today", "--date", "2026-11-27")
    rest = [False] * (len(items) - 3)
    assert [item["done"] for item in data["items"]] == [True, False, True, *rest]
    assert data["minutes_left"] == 20 - items[0]["minutes"] - items[2]["minutes"]
    undone = as_json(cli, "undo", items[0]["id"], "--date", "2026-11-27")
    assert [item["done"] for item in undone["items"]] == [False, False, True, *rest]


def test_an_unknown_item_changes_nothing(cli: Cli) -> None:
    checked(cli, "2026-11-27", "18", "12", "15", "20")
    count = len(as_json(cli, "today", "--date", "2026-11-27")["items"])
    result = cli("done", "1", "9", "--date", "2026-11-27")
    assert result.status == 2
    assert result.stderr == (
        f"ssi-coach: 9: no such item today (give a number from 1 to {count}, or an id)\n"
    )
    assert cli("done", "nope", "--date", "2026-11-27").status == 2
    assert cli("done", "--date", "2026-11-27").status == 2
    data = as_json(cli, "today", "--date", "2026-11-27")
    assert not any(item["done"] for item in data["items"])


def test_done_all_and_the_streak(cli: Cli) -> None:
    checked(cli, "2026-11-20", "18", "12", "15", "20")
    for day in ("2026-11-21", "2026-11-22", "2026-11-24", "2026-11-25"):
        assert cli("done", "--all", "--date", day).status == 0
    # 11-23 was missed: the streak on the 26th (not done yet) counts the 24th and 25th.
    data = as_json(cli, "today", "--date", "2026-11-26")
    assert data["streak"] == {"current": 2, "best": 2}
    assert data["minutes_left"] == 20
    data = as_json(cli, "done", "--all", "--date", "2026-11-26")
    assert (data["streak"], data["minutes_left"]) == ({"current": 3, "best": 3}, 0)
    assert as_json(cli, "history")["streak"]["best"] == 3


def test_ticks_survive_a_recheck_that_keeps_the_items(cli: Cli) -> None:
    checked(cli, "2026-11-27", "18", "12", "15", "20")
    cli("done", "--all", "--date", "2026-11-27")
    checked(cli, "2026-11-27", "18.5", "12", "15", "20")  # same pillar ranges: same items
    data = as_json(cli, "today", "--date", "2026-11-27")
    assert all(item["done"] for item in data["items"])


# -- history ---------------------------------------------------------------------------------


def test_history_json_and_csv(cli: Cli) -> None:
    checked(cli, "2026-11-20", "15", "10", "12", "18", extra=("--network", "35,5"))
    checked(cli, "2026-11-21", "16", "11", "12", "18")
    first_item = as_json(cli, "done", "1", "--date", "2026-11-21")["items"][0]["id"]
    data = as_json(cli, "history")
    assert list(data) == ["records", "ticks", "streak", "forecast", "plans", "done_before"]
    assert data["records"][0]["network"] == 35.5
    assert data["ticks"] == [{"date": "2026-11-21", "id": first_item}]
    assert data["forecast"] == {"target": 75.0, "per_day": None, "date": None}
    csv_text = cli("history", "--csv").stdout
    assert csv_text.splitlines() == [
        "\ufeffdate,total,brand,people,insights,relationships,industry,network",  # for Excel
        "2026-11-20,55.0,15.0,10.0,12.0,18.0,,35.5",
        "2026-11-21,57.0,16.0,11.0,12.0,18.0,,",
    ]
    french_excel = cli("history", "--csv", "--decimal-comma").stdout
    assert french_excel.splitlines()[1] == "2026-11-20;55,0;15,0;10,0;12,0;18,0;;35,5"


def test_history_on_screen(cli: Cli) -> None:
    for n in range(10):
        checked(cli, f"2026-11-{10 + n}", str(10 + n), "10", "10", "10")
    lines = cli("history", "--days", "5").stdout.splitlines()
    assert lines[0] == "History: 5 records from 2026-11-15 to 2026-11-19"
    assert lines[2].split() == [
        "date",
        "total",
        "brand",
        "people",
        "insights",
        "relationships",
        "change",
    ]
    assert lines[3].split() == ["2026-11-15", "45.00", "15.00", "10.00", "10.00", "10.00", "+1.00"]
    assert lines[-3:-1] == [
        "Forecast: at this pace (+1.00 points a day, +7.00 a week), you go from 49.00 to",
        "  75 in 26 days, around 2026-12-15.",
    ]
    assert max(len(line) for line in lines) <= 80


def test_history_chart_follows_the_terminal_width_in_plain_characters(cli: Cli) -> None:
    for n in range(7):  # 7 daily records, the 21st to the 27th: enough for a forecast
        checked(cli, f"2026-11-{21 + n}", str(10 + n), "12", "15", "18")
    for columns in ("100", "80"):
        text = cli("history", env={"COLUMNS": columns}).stdout
        assert text.isascii()  # not a terminal: no block, no escape
        lines = text.splitlines()
        chart = lines[
            lines.index("Total over time") + 1 : lines.index("Trend per pillar (0 to 25)")
        ]
        assert max(len(line) for line in chart) == int(columns)
        assert chart[-4].startswith("        +")  # the time axis, with its dates
        dates = chart[-3].split()
        assert dates[0] == "2026-11-21" and "2026-11-27" in dates and dates[-1] == "2026-12-11"
        assert any(line.startswith("     75 |-") for line in chart)  # the target
        assert "Forecast: at this pace (+1.00 points a day, +7.00 a week)" in text


def test_history_without_records(cli: Cli) -> None:
    assert cli("history").status == 1


def test_history_takes_one_export_format(cli: Cli) -> None:
    checked(cli, "2026-11-20", "15", "10", "12", "18")
    result = cli("history", "--csv", "--json")
    assert (result.status, result.stderr) == (
        2,
        "ssi-coach: --csv: choose --csv or --json, not both\n",
    )


def test_history_csv_takes_the_separators_of_team_csv(cli: Cli) -> None:
    checked(cli, "2026-11-20", "15.5", "10", "12", "18", extra=("--network", "35,5"))
    result = cli("history", "--csv", "--sep", "|")
    assert result.stdout.splitlines()[1] == "2026-11-20|55.5|15.5|10.0|12.0|18.0||35.5"
    assert cli("history", "--sep", "|").stderr == "ssi-coach: --sep: only with --csv\n"


# -- import --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        "date,brand,people,insights,relationships\n2026-11-20,15.5,10,12,18\n",
        "date;brand;people;insights;relationships\n2026-11-20;15,5;10;12;18\n",
        "\ufeffdate;brand;people;insights;relationships\r\n2026-11-20;15,5;10;12;18\r\n",
        'date,brand,people,insights,relationships,total\n2026-11-20,"15,5",10,12,18,55.5\n',
        "Date,Brand,People,Insights,Relationships,Industry,Network\n2026-11-20,15.5,10,12,18,,\n",
    ],
    ids=["comma", "semicolon-decimal-comma", "bom-crlf", "quoted-with-total", "empty-optionals"],
)
def test_import_reads_spreadsheet_csv(cli: Cli, tmp_path: Path, content: str) -> None:
    path = tmp_path / "ssi.csv"
    path.write_text(content, encoding="utf-8", newline="")
    result = cli("import", str(path))
    assert (result.status, result.stdout) == (0, f"Imported 1 record and 0 ticks from {path}\n")
    [record] = as_json(cli, "history")["records"]
    assert (record["date"], record["scores"]["brand"], record["total"]) == (
        "2026-11-20",
        15.5,
        55.5,
    )


def test_import_refuses_the_whole_file_and_lists_every_bad_row(cli: Cli, tmp_path: Path) -> None:
    checked(cli, "2026-01-01", "1", "1", "1", "1")
    path = tmp_path / "bad.csv"
    path.write_text(
        "date,brand,people,insights,relationships,total\n"
        "2026-11-20,15,10,12,18,55\n"
        "2026-11-31,15,10,12,18,\n"
        "2026-11-22,26,10,12,18,\n"
        "2026-11-23,15,10,12,18,60\n"
        "2026-11-20,15,10,12,18,\n"
        "2026-11-24,15,10\n",
        encoding="utf-8",
    )
    result = cli("import", str(path))
    assert result.status == 2
    assert result.stderr.splitlines() == [
        f"ssi-coach: {path}: line 3: date: '2026-11-31' is not a date in the form YYYY-MM-DD",
        f"ssi-coach: {path}: line 4: brand: 26 is above the maximum of 25",
        f"ssi-coach: {path}: line 5: total: 60 is not the sum of the pillars (55.00)",
        f"ssi-coach: {path}: line 6: 2026-11-20 was already given at line 2",
        f"ssi-coach: {path}: line 7: 3 fields, the header has 6",
    ]
    assert len(as_json(cli, "history")["records"]) == 1  # nothing written


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "date,brand,people\n",
            "line 1: missing column 'insights'; missing column 'relationships'",
        ),
        ("date,brand,people,insights,relationships,mood\n", "line 1: unknown column 'mood'"),
        (
            '{"records": "nope"}',
            "records: expected the JSON that 'ssi-coach history --json' writes",
        ),
        ('{"records": [', "line 1: invalid JSON: a value was expected"),
    ],
)
def test_import_refuses_unusable_files(
    cli: Cli, tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "file"
    path.write_text(content, encoding="utf-8")
    result = cli("import", str(path))
    assert (result.status, result.stderr) == (2, f"ssi-coach: {path}: {message}\n")


def test_import_reads_a_history_csv_as_team_does(cli: Cli, tmp_path: Path) -> None:
    # One reader for a user's CSV: Windows-1252 when not UTF-8, so the real problem is said.
    path = tmp_path / "latin1.csv"
    path.write_bytes("date;brand;people;insights;relationships;équipe\n".encode("latin-1"))
    result = cli("import", str(path))
    assert (result.status, result.stderr) == (
        2,
        f"ssi-coach: {path}: line 1: unknown column 'équipe'\n",
    )
    path.write_bytes(b"date;brand;people;insights;relationships\n2026-11-27;1\x81;2;3;4\n")
    result = cli("import", str(path))
    assert result.status == 2
    assert "neither UTF-8 nor Windows-1252" in result.stderr


@pytest.mark.parametrize("form", ["--json", "--csv"])
def test_export_then_import_gives_back_the_same_data(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, form: str
) -> None:
    checked(
        cli,
        "2026-11-20",
        "15.118",
        "0.29999998",
        "12",
        "18",
        extra=("--industry", "32.5", "--network", "35"),
    )
    checked(cli, "2026-11-21", "16", "11", "12,25", "18")
    cli("done", "1", "3", "--date", "2026-11-21")
    cli("done", "--all", "--date", "2026-11-22")
    exported = cli("history", form).stdout
    before = as_json(cli, "history")
    backup = tmp_path / f"backup.{form[2:]}"
    backup.write_text(exported, encoding="utf-8")

    monkeypatch.setenv("SSI_COACH_HOME", str(tmp_path / "new-home"))
    imported = as_json(cli, "import", str(backup))
    ticks = len(before["ticks"])
    assert ticks > 2
    assert imported == {"records": 2, "ticks": ticks if form == "--json" else 0}
    after = as_json(cli, "history")
    assert after["records"] == before["records"]
    if form == "--json":
        assert after["ticks"] == before["ticks"]
        assert after["streak"] == before["streak"]
    assert cli("history", form).stdout == exported


# -- config --------------------------------------------------------------------------------


def test_config_is_used_and_options_win(cli: Cli) -> None:
    assert cli("config", "set", "industry", "32,5").stdout == "industry = 32.5\n"
    cli("config", "set", "minutes", "30")
    cli("config", "set", "target", "80")
    data = as_json(cli, "check", "18", "12", "15", "20", "--no-save")
    assert data["plan"]["minutes"] == 30
    assert data["benchmarks"] == [
        {"name": "target", "value": 80.0, "gap": 15.0},
        {"name": "industry", "value": 32.5, "gap": -32.5},
    ]
    data = as_json(
        cli, "check", "18", "12", "15", "20", "--no-save", "--minutes", "15", "--target", "70"
    )
    assert (data["plan"]["minutes"], data["benchmarks"][0]["value"]) == (15, 70.0)
    cli("config", "unset", "minutes")
    assert as_json(cli, "check", "1", "2", "3", "4", "--no-save")["plan"]["minutes"] == 20
    assert as_json(cli, "config", "show") == {"target": 80.0, "industry": 32.5}


def test_config_lang_comes_after_the_environment(cli: Cli) -> None:
    cli("config", "set", "lang", "fr")
    assert cli("check", "1", "2", "3", "4", "--no-save").stdout.startswith("Votre SSI")
    result = cli("check", "1", "2", "3", "4", "--no-save", env={"SSI_COACH_LANG": "en"})
    assert result.stdout.startswith("Your SSI")


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("minutes", "5", "minutes: 5 is below the minimum of 10"),
        ("target", "abc", "target: 'abc' is not a number"),
        ("lang", "de", "lang: 'de' is not a supported language (en, fr)"),
        (
            "colour",
            "red",
            "config: unknown key 'colour' (keys: target, industry, network, minutes, lang, "
            "rules, sales_navigator, rest_days)",
        ),
    ],
)
def test_config_values_are_checked(cli: Cli, key: str, value: str, message: str) -> None:
    result = cli("config", "set", key, value)
    assert (result.status, result.stderr) == (2, f"ssi-coach: {message}\n")


def test_config_rules_must_be_a_valid_rulebook(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text("focus_share = 2\n", encoding="utf-8")
    result = cli("config", "set", "rules", str(path))
    assert result.status == 2
    assert result.stderr.startswith(f"ssi-coach: {path}: focus_share: Input should be less")
    assert cli("rules", "init", str(tmp_path / "mine.toml")).status == 0
    assert cli("config", "set", "rules", str(tmp_path / "mine.toml")).status == 0


def test_a_hand_broken_config_warns_and_can_be_repaired(cli: Cli) -> None:
    path = Path(cli("config", "path").stdout.strip())
    path.parent.mkdir(parents=True)
    path.write_text('minutes = 20.0\ncolour = "red"\nnetwork = 35\n', encoding="utf-8")
    result = cli("check", "1", "2", "3", "4", "--no-save", "--json")
    assert result.status == 0  # the bad keys are left out; their defaults apply
    assert json.loads(result.stdout)["plan"]["minutes"] == 20
    assert json.loads(result.stdout)["benchmarks"][1] == {
        "name": "network",
        "value": 35.0,
        "gap": 25.0,
    }
    assert result.stderr == (
        f"ssi-coach: warning: {path}: minutes: '20.0' is not a whole number; the default "
        "applies (fix it with: ssi-coach config set minutes VALUE, or ssi-coach config unset "
        "minutes)\n"
        f"ssi-coach: warning: {path}: config: unknown key 'colour' (keys: target, industry, "
        "network, minutes, lang, rules, sales_navigator, rest_days); the default applies (fix "
        "it with: ssi-coach config set colour VALUE, or ssi-coach config unset colour)\n"
    )
    assert cli("config", "set", "minutes", "30").status == 0
    assert cli("config", "unset", "colour").status == 0
    clean = cli("check", "1", "2", "3", "4", "--no-save", "--json")
    assert (clean.stderr, json.loads(clean.stdout)["plan"]["minutes"]) == ("", 30)
    assert path.read_text(encoding="utf-8") == "network = 35\nminutes = 30\n"
    path.write_text('minutes = "twenty\n', encoding="utf-8")
    assert "invalid TOML" in cli("today").stderr


def test_config_write_is_atomic(cli: Cli) -> None:
    cli("config", "set", "network", "35")
    path = Path(cli("config", "path").stdout.strip())
    assert path.read_text(encoding="utf-8") == "network = 35.0\n"
    assert [p.name for p in path.parent.iterdir() if p.suffix == ".tmp"] == []


def test_a_corrupt_database_is_an_error_and_left_untouched(cli: Cli, home: Path) -> None:
    home.mkdir()
    database_path().write_bytes(b"not a database" * 100)
    for command in (("check", "1", "2", "3", "4"), ("today",), ("history",)):
        result = cli(*command)
        assert result.status == 2
        assert result.stderr.startswith(f"ssi-coach: {database_path()}: the history database")
        assert len(result.stderr.splitlines()) == 1
    assert database_path().read_bytes() == b"not a database" * 100


# -- the interactive checklist -----------------------------------------------------------------


def test_interactive_needs_a_terminal(cli: Cli) -> None:
    checked(cli, "2026-11-27", "18", "12", "15", "20")
    result = cli("today", "-i", "--date", "2026-11-27")
    assert (result.status, result.stderr) == (
        2,
        "ssi-coach: --interactive needs a terminal on stdin\n",
    )


def test_interactive_checklist_in_a_terminal(cli: Cli, home: Path) -> None:
    import os
    import sys

    import pexpect

    checked(cli, "2026-11-27", "18", "12", "15", "20")
    cli("done", "1", "--date", "2026-11-27")
    env = {**os.environ, "SSI_COACH_HOME": str(home), "TERM": "xterm"}
    child = pexpect.spawn(
        sys.executable,
        ["-m", "ssi_coach", "today", "-i", "--date", "2026-11-27"],
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(40, 100),
    )
    child.expect("Today's checklist")
    child.send(" ")  # untick item 1 (ticked before)
    child.send("\x1b[B")  # down to item 2
    child.send(" ")  # tick it
    child.send("\x1b[B\x1b[B")  # down to item 4
    child.send(" ")
    child.send("\r")
    child.expect("minutes left")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    data = as_json(cli, "today", "--date", "2026-11-27")
    done = [item["done"] for item in data["items"]]
    assert done == [False, True, False, True] + [False] * (len(done) - 4)
