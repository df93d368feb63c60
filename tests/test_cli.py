"""The CLI as a user meets it: exact output, JSON keys, errors on stderr with exit status 2."""

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import Cli
from ssi_coach import __version__
from ssi_coach.core.pillars import PILLARS
from ssi_coach.core.rulebook import CADENCES, Rulebook
from ssi_coach.output.terminal import wants_color

EXPECTED_CHECK = """\
Your SSI: 65.00/100 (strong)

Pillars (out of 25)
  Establish your professional brand  18.00  ##################-------
  Find the right people              12.00  ############-------------  < weakest
  Engage with insights               15.00  ###############----------
  Build relationships                20.00  ####################-----

Benchmarks
  10.00 points behind the target of 75
  32.50 points ahead of your industry average of 32.5
  30.00 points ahead of your network average of 35

Today's plan, 2026-11-27: 20 minutes, focus on Find the right people
   1. [ ] insights       3 min  Comment on 3 posts by prospects or experts (up
                                to 5 on a longer day): add a view, an example or
                                a question.
                                why: LinkedIn counts likes and comments, but
                                only a comment opens a conversation with the
                                author.
   2. [ ] relationships  3 min  Answer waiting messages, then thank each new
                                connection with a question about their work;
                                sell nothing.
                                why: LinkedIn counts messages and their response
                                rate; a first real exchange turns a connection
                                into a relationship.
   3. [ ] people         8 min  Write your ideal client in 3 lines: sector,
                                size, region, the roles that buy, and a buying
                                trigger.
                                why: This pillar counts people searches; a
                                written target points every search at real
                                buyers.
   4. [ ] brand          4 min  Ask one client you helped recently for a
                                recommendation; suggest the result or project it
                                could mention.
                                why: A recommendation tells your results in a
                                client's own words; specific examples make it
                                credible.
   5. [ ] insights       2 min  Check your routine: no engagement pod, no tool
                                that comments, likes or posts for you; remove
                                any such extension.
                                why: LinkedIn limits the reach of artificially
                                boosted posts and targets tools that automate
                                comments.
  Total: 20 minutes

Why this focus: Find the right people is your weakest pillar (12.00/25). A low
score here means you are not yet searching for, viewing and saving the prospects
who matter.
"""


def test_check_prints_the_report(cli: Cli) -> None:
    result = cli(
        "check",
        "18",
        "12",
        "15",
        "20",
        "--date",
        "2026-11-27",
        "--industry",
        "32.5",
        "--network",
        "35",
    )
    assert (result.status, result.stderr) == (0, "")
    assert result.stdout == EXPECTED_CHECK


def test_check_in_french(cli: Cli) -> None:
    result = cli(
        "check", "18", "12,5", "15", "20", "--date", "2026-11-27", "--lang", "fr", "--minutes", "10"
    )
    lines = result.stdout.splitlines()
    assert result.status == 0
    assert lines[0] == "Votre SSI : 65,50/100 (solide)"
    # The full French labels would leave 15 characters of bar: the short ones leave 39.
    assert lines[4] == (
        "  personnes     12,50  ####################-------------------  < le plus faible"
    )
    assert lines[9] == "  9,50 points de retard sur l'objectif (75)"
    assert lines[11] == (
        "Plan du 27 novembre 2026 : 10 minutes, priorité : Trouver les bonnes personnes"
    )
    assert "  Total : 10 minutes" in lines


@pytest.mark.parametrize(
    ("env", "first_line"),
    [
        ({"SSI_COACH_LANG": "fr"}, "Votre SSI"),
        ({"LANG": "fr_FR.UTF-8"}, "Votre SSI"),
        ({"LC_ALL": "fr_CA.UTF-8", "LANG": "en_US.UTF-8"}, "Votre SSI"),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "fr_FR.UTF-8"}, "Your SSI"),
        ({"LANG": "de_DE.UTF-8"}, "Your SSI"),
        ({}, "Your SSI"),
    ],
)
def test_language_follows_the_environment(cli: Cli, env: dict[str, str], first_line: str) -> None:
    result = cli("check", "1", "2", "3", "4", env=env)
    assert result.stdout.startswith(first_line)


def test_lang_option_beats_the_environment(cli: Cli) -> None:
    result = cli("check", "1", "2", "3", "4", "--lang", "en", env={"SSI_COACH_LANG": "fr"})
    assert result.stdout.startswith("Your SSI")


def test_every_line_fits_in_80_columns(cli: Cli) -> None:
    for lang in ("en", "fr"):
        for minutes in ("10", "60"):
            result = cli(
                "check",
                "0",
                "25",
                "7,5",
                "13.118",
                "--lang",
                lang,
                "--minutes",
                minutes,
                "--industry",
                "100",
                "--network",
                "0.5",
            )
            assert result.status == 0
            assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_plain_output_has_no_escape_codes(cli: Cli) -> None:
    assert "\x1b" not in cli("check", "18", "12", "15", "20").stdout


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_only_on_a_terminal_without_no_color() -> None:
    assert wants_color(FakeTerminal(), {})
    assert not wants_color(FakeTerminal(), {"NO_COLOR": "1"})
    assert not wants_color(FakeTerminal(), {"TERM": "dumb"})
    assert not wants_color(io.StringIO(), {})


def test_json_has_exactly_the_documented_keys(cli: Cli, rulebook: Rulebook) -> None:
    result = cli(
        "check", "18", "12", "15", "20", "--date", "2026-11-27", "--industry", "32,5", "--json"
    )
    data = json.loads(result.stdout)
    assert list(data) == [
        "date",
        "lang",
        "total",
        "band",
        "pillars",
        "weakest",
        "benchmarks",
        "plan",
        "explanation",
    ]
    assert data["explanation"] == []  # no previous record, nothing to explain
    assert (data["date"], data["lang"], data["total"], data["band"], data["weakest"]) == (
        "2026-11-27",
        "en",
        65.0,
        "strong",
        "people",
    )
    assert data["pillars"][1] == {
        "key": "people",
        "name": "Find the right people",
        "score": 12.0,
        "gap_to_max": 13.0,
        "gap_to_target_share": 6.75,
    }
    assert [p["key"] for p in data["pillars"]] == ["brand", "people", "insights", "relationships"]
    assert data["benchmarks"] == [
        {"name": "target", "value": 75.0, "gap": 10.0},
        {"name": "industry", "value": 32.5, "gap": -32.5},
    ]
    assert list(data["plan"]) == ["minutes", "focus", "items"]
    assert (data["plan"]["minutes"], data["plan"]["focus"]) == (20, "people")
    for item in data["plan"]["items"]:
        action = rulebook.action(item["id"])
        assert action is not None
        source = {} if action.source is None else {"source": action.source._asdict()}
        assert item == {
            "id": action.id,
            "pillar": action.pillar,
            "minutes": item["minutes"],
            "text": action.text["en"],
            "cadence": action.cadence,
            **source,
        }
        assert action.minutes_low <= item["minutes"] <= action.minutes_high
    assert sum(item["minutes"] for item in data["plan"]["items"]) == 20


def test_json_in_french_keeps_keys_and_ids(cli: Cli, rulebook: Rulebook) -> None:
    data = json.loads(cli("check", "18", "12", "15", "20", "--json", "--lang", "fr").stdout)
    assert data["lang"] == "fr"
    assert data["band"] == "strong"
    assert data["pillars"][0]["name"] == "Établir votre marque professionnelle"
    first = data["plan"]["items"][0]
    action = rulebook.action(first["id"])
    assert action is not None and first["text"] == action.text["fr"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["18", "12", "15"],
            "relationships: score missing (expected 4 scores: brand people insights relationships)",
        ),
        (
            ["18", "12", "15", "20", "5"],
            "expected 4 scores in LinkedIn's order (brand people insights relationships), got 5",
        ),
        ([], "brand: score missing (expected 4 scores: brand people insights relationships)"),
        (["30", "12", "15", "20"], "brand: 30 is above the maximum of 25"),
        (["18", "-3", "15", "20"], "people: -3 is below the minimum of 0"),
        (["18", "12", "abc", "20"], "insights: 'abc' is not a number"),
        (["18", "12", "15", "nan"], "relationships: 'nan' is not a finite number"),
        (["18", "12", "15", "inf"], "relationships: 'inf' is not a finite number"),
        (["", "12", "15", "20"], "brand: empty value"),
        (
            ["1", "1", "1", "1", "--taget", "3"],
            "unknown option --taget (see ssi-coach check --help)",
        ),
        (["1", "1", "1", "1", "--target", "101"], "--target: 101 is above the maximum of 100"),
        (["1", "1", "1", "1", "--industry", "x"], "--industry: 'x' is not a number"),
        (["1", "1", "1", "1", "--network", "-1"], "--network: -1 is below the minimum of 0"),
        (["1", "1", "1", "1", "--minutes", "9"], "--minutes: 9 is below the minimum of 10"),
        (["1", "1", "1", "1", "--minutes", "61"], "--minutes: 61 is above the maximum of 60"),
        (["1", "1", "1", "1", "--minutes", "20.5"], "--minutes: '20.5' is not a whole number"),
        (
            ["1", "1", "1", "1", "--date", "2026-02-30"],
            "--date: '2026-02-30' is not a date: give YYYY-MM-DD, today or yesterday",
        ),
        (["1", "1", "1", "1", "--lang", "de"], "--lang: 'de' is not a supported language (en, fr)"),
        (["1", "1", "1", "1", "--target"], "Option '--target' requires an argument."),
    ],
)
def test_bad_input_is_one_line_on_stderr_with_status_2(
    cli: Cli, args: list[str], message: str
) -> None:
    result = cli("check", *args)
    assert (result.status, result.stdout, result.stderr) == (2, "", f"ssi-coach: {message}\n")


def test_errors_on_scores_speak_french(cli: Cli) -> None:
    result = cli("check", "18", "26", "15", "20", "--lang", "fr")
    assert result.stderr == "ssi-coach: personnes (people) : 26 est supérieur au maximum de 25\n"
    result = cli("check", "18", "12", "15", env={"SSI_COACH_LANG": "fr"})
    assert result.stderr == (
        "ssi-coach: relations (relationships) : note manquante "
        "(4 notes attendues : marque personnes informations relations)\n"
    )


def test_bad_language_in_the_environment(cli: Cli) -> None:
    result = cli("check", "1", "1", "1", "1", env={"SSI_COACH_LANG": "xx"})
    assert (result.status, result.stderr) == (
        2,
        "ssi-coach: SSI_COACH_LANG: 'xx' is not a supported language (en, fr)\n",
    )


def test_broken_rulebook_given_to_check(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text("# my rules\nfocus_share = 0.4\nbands = = 1\n", encoding="utf-8")
    result = cli("check", "1", "1", "1", "1", "--rules", str(path))
    assert result.status == 2
    assert result.stderr == (
        f"ssi-coach: {path}: invalid TOML: Invalid value (at line 3, column 9)\n"
    )


def test_rules_check_lists_every_problem(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text("focus_share = 2\ncolour = 1\n", encoding="utf-8")
    result = cli("rules", "check", str(path))
    assert result.status == 2
    assert result.stderr.splitlines() == [
        f"ssi-coach: {path}: focus_share: Input should be less than 1",
        f"ssi-coach: {path}: bands: required key is missing",
        f"ssi-coach: {path}: pillars: required key is missing",
        f"ssi-coach: {path}: actions: required key is missing",
        f"ssi-coach: {path}: colour: unknown key",
    ]


def test_rules_check_describes_a_valid_rulebook(cli: Cli, rulebook: Rulebook) -> None:
    result = cli("rules", "check")
    lines = result.stdout.splitlines()
    counts = rulebook.actions_per_pillar()
    assert result.status == 0
    assert lines[0].endswith("action_plans.toml: valid rulebook")
    assert lines[1] == f"  4 bands, {len(rulebook.actions)} actions, focus share 40%"
    for line, pillar in zip(lines[2:6], PILLARS, strict=True):
        fewest = min(len(rulebook.actions_for(pillar, s / 2)) for s in range(51))
        advanced = sum(a.score_low >= 18 for a in rulebook.actions if a.pillar == pillar)
        assert line == (
            f"  {pillar}: {counts[pillar]} actions; from a score of 18: {advanced}; "
            f"suiting any score: at least {fewest}"
        )
    cadences = {c: sum(a.cadence == c for a in rulebook.actions) for c in CADENCES}
    assert lines[6] == (
        f"  cadences: once {cadences['once']}, daily {cadences['daily']}, "
        f"weekly {cadences['weekly']}, rotate {cadences['rotate']}"
    )
    data = json.loads(cli("rules", "check", "--json").stdout)
    assert data["actions"] == counts
    assert data["cadences"] == cadences


def test_rules_init_writes_a_copy_and_never_overwrites(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    result = cli("rules", "init", str(path))
    assert result.status == 0
    assert result.stdout == f"Wrote {path}: edit it, then use it with --rules {path}\n"
    assert cli("rules", "check", str(path)).status == 0
    path.write_text("my edits", encoding="utf-8")
    again = cli("rules", "init", str(path))
    assert again.status == 2
    assert again.stderr == (
        f"ssi-coach: rules init: {path} already exists; choose another path or remove it first\n"
    )
    assert path.read_text(encoding="utf-8") == "my edits"


def test_edited_rulebook_changes_the_plan(cli: Cli, tmp_path: Path, rulebook: Rulebook) -> None:
    path = tmp_path / "mine.toml"
    cli("rules", "init", str(path))
    args = ["check", "18", "12", "15", "20", "--date", "2026-11-27", "--no-save", "--json"]
    first = json.loads(cli(*args).stdout)["plan"]["items"][0]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(first["text"], "An edited action."), encoding="utf-8")
    data = json.loads(cli(*args, "--rules", str(path)).stdout)
    assert data["plan"]["items"][0]["text"] == "An edited action."


def test_version(cli: Cli) -> None:
    assert cli("--version").stdout == f"ssi-coach {__version__}\n"


@pytest.mark.parametrize("command", [["check"], ["rules", "check"], ["rules", "init"]])
def test_every_command_has_help_with_an_example(cli: Cli, command: list[str]) -> None:
    result = cli(*command, "--help")
    assert result.status == 0
    assert "ssi-coach " + " ".join(command) in result.stdout
    assert "Example" in result.stdout


def test_python_dash_m_runs_the_cli(home: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ssi_coach", "check", "18", "12", "15", "20", "--json"],
        capture_output=True,
        text=True,
        env={"SSI_COACH_HOME": str(home)},
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["total"] == 65.0


def heavy_modules_used(home: Path, *args: str) -> list[str]:
    """The heavy modules a run of `ssi-coach ARGS` imported (after a first run that warms the
    caches)."""
    code = (
        "import sys, atexit\n"
        "heavy = {'rich', 'pydantic', 'tomllib', 'sqlite3', 'questionary'}\n"
        "atexit.register(lambda: print(sorted({m.split('.')[0] for m in sys.modules} & heavy),"
        " file=sys.stderr))\n"
        f"sys.argv = ['ssi-coach', *{list(args)!r}]\n"
        "from ssi_coach.cli import main\n"
        "main()\n"
    )
    env = {"SSI_COACH_HOME": str(home)}
    subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, check=True)
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return eval(result.stderr.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_start_up_stays_light(home: Path) -> None:
    """Start-up is a budget: an unchanged rulebook and config are read without Pydantic or
    tomllib, the report is drawn without Rich, and SQLite is loaded only to use the history."""
    assert heavy_modules_used(home, "check", "18", "12", "15", "20", "--no-save") == []
    assert heavy_modules_used(home, "check", "18", "12", "15", "20") == ["sqlite3"]
    assert heavy_modules_used(home, "today") == ["sqlite3"]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--help"], "today"),
        (["import", "--help"], "FILE"),
        (["config", "path"], "config.toml"),
        (["rules", "check"], "valid rulebook"),
    ],
)
def test_the_console_entry_point_runs_every_kind_of_command(
    home: Path, args: list[str], expected: str
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ssi_coach", *args],
        capture_output=True,
        text=True,
        env={"SSI_COACH_HOME": str(home), "COLUMNS": "100"},
    )
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout


def test_every_message_exists_in_both_languages() -> None:
    from ssi_coach.output.messages import MESSAGES

    assert MESSAGES["en"].keys() == MESSAGES["fr"].keys()
    for key, english in MESSAGES["en"].items():
        fields = set(re.findall(r"{(\w+)}", english))
        assert set(re.findall(r"{(\w+)}", MESSAGES["fr"][key])) == fields, key


@pytest.mark.parametrize("group", ["rules", "config"])
def test_a_command_group_alone_shows_its_help(cli: Cli, group: str) -> None:
    result = cli(group)
    assert result.status == 2
    assert f"ssi-coach {group}" in result.stdout
    assert result.stderr == ""


def test_bare_ssi_coach_shows_the_help(cli: Cli) -> None:
    result = cli()
    assert result.status == 0
    assert "check" in result.stdout and "paste" in result.stdout


def test_unknown_command(cli: Cli) -> None:
    result = cli("bogus")
    assert (result.status, result.stderr) == (2, "ssi-coach: No such command 'bogus'.\n")


def test_shell_completion_knows_the_commands(home: Path) -> None:
    env = {
        "SSI_COACH_HOME": str(home),
        "_SSI_COACH_COMPLETE": "complete_bash",
        "COMP_WORDS": "ssi-coach pa",
        "COMP_CWORD": "1",
    }
    result = subprocess.run(
        [sys.executable, "-m", "ssi_coach"], env=env, capture_output=True, text=True
    )
    assert result.stdout.split() == ["paste"]


def test_each_command_runs_alone_through_the_entry_point(home: Path) -> None:
    """`main` hands Typer only the command being run: each one must still parse, help and
    run as part of the whole app."""
    from ssi_coach.cli import _REGISTERED, _app_for, app

    assert _app_for(["--help"]) is app
    assert _app_for(["nonsense"]) is app
    for group, name, _function, _settings in _REGISTERED:
        words = [group, name] if group else [name]
        slim = _app_for([*words, "--help"])
        assert slim is not app
        result = subprocess.run(
            [sys.executable, "-m", "ssi_coach", *words, "--help"],
            env={**os.environ, "SSI_COACH_HOME": str(home)},
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, (words, result.stderr)
        assert f"Usage: ssi-coach {' '.join(words)}" in result.stdout
