"""A French user who never types --lang sees no English word but LinkedIn's own product
names, in any command's output, errors or help (issue 13)."""

import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from conftest import Cli

FRENCH = {"LANG": "fr_FR.UTF-8"}


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["chek"], "commande inconnue : « chek » ; vouliez-vous dire « check » ?"),
        (["import"], "argument manquant : FICHIER"),
        (["rules", "check", "--jsn"], "option inconnue : --jsn (options possibles : --json)"),
        (["history", "--days"], "l'option --days demande une valeur"),
        (["forget", "2026-01-01", "b", "c"], "arguments en trop : b c"),
        (["config", "show", "--json=1"], "l'option --json ne prend pas de valeur"),
    ],
)
def test_usage_errors_speak_french(cli: Cli, args: list[str], said: str) -> None:
    result = cli(*args, env=FRENCH)
    assert (result.status, result.stderr) == (2, f"ssi-coach: {said}\n")


def test_lang_on_the_command_line_decides_a_usage_error(cli: Cli) -> None:
    result = cli("history", "--lang", "fr", "--days")
    assert result.stderr == "ssi-coach: l'option --days demande une valeur\n"


def test_usage_errors_in_english_are_clicks(cli: Cli) -> None:
    assert cli("import").stderr == "ssi-coach: Missing argument 'FILE'.\n"
    assert cli("chek").stderr == "ssi-coach: No such command 'chek'. Did you mean 'check'?\n"


# Words of English that French never uses; `argument`, `arguments`, `options`, `date`,
# `minutes`, `total` are French too.
ENGLISH = re.compile(
    r"\b(the|your|you|and|with|of|to|for|is|are|not|this|that|it|an|from|in|by|each|every|"
    r"all|day|days|usage|commands?|show|print|missing|invalid|no such|examples?|default|"
    r"required|got unexpected|did you mean|error|aborted|cancelled|nothing|changed|saved|"
    r"rulebook|settings|records|file|help|line|weakest|pillars?|streak|try|"
    r"possible options|requires|value|values|text|path|item|items|key|yes)\b",
    re.IGNORECASE,
)
# What may stay as it is: LinkedIn's product names, what the user types (commands, options,
# config keys and values, CSV columns, sort orders, ids, template placeholders) and file names
# in examples.
ALLOWED = re.compile(
    r"LinkedIn|Social Selling Index|Sales Navigator|SSI|ssi-coach[ \w-]*|--?[\w-]+|"
    r"\b(check|paste|today|done|undo|skip|history|forget|import|team|config|rules|show|set|"
    r"unset|path|init|target|industry|network|minutes|lang|sales_navigator|true|false|"
    r"rest_days|sat|sun|none|brand|people|insights|relationships|total|name|rep|nom|"
    r"change|date|en|fr)\b|[\w./-]+\.(csv|json|toml|txt)\b|[\w-]+-[\w-]+|\w+\|[\w|]+|"
    r"SSI_COACH_\w+|\{\w+\}|config\.toml|data/page_labels\.toml|jq \.plan|pbpaste|stdin"
)

COMMANDS = [
    [],
    ["check"],
    ["paste"],
    ["today"],
    ["done"],
    ["undo"],
    ["skip"],
    ["history"],
    ["review"],
    ["forget"],
    ["import"],
    ["team"],
    ["rules"],
    ["rules", "check"],
    ["rules", "init"],
    ["config"],
    ["config", "show"],
    ["config", "set"],
    ["config", "unset"],
    ["config", "path"],
    ["status"],
    ["init"],
]


def english_words(text: str) -> list[str]:
    return ENGLISH.findall(ALLOWED.sub(" ", text))


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "ssi-coach")
def test_help_is_french(cli: Cli, command: list[str]) -> None:
    result = cli(*command, "--help", env=FRENCH)
    assert result.status == 0
    assert "Utilisation : ssi-coach" in result.stdout
    assert english_words(result.stdout) == [], result.stdout


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "ssi-coach")
def test_bad_usage_is_french(cli: Cli, command: list[str]) -> None:
    for wrong in (["--nope"], ["x", "y", "z", "w", "v", "u", "t"]):
        result = cli(*command, *wrong, env=FRENCH)
        said = result.stdout + result.stderr
        assert result.status != 0, said
        assert english_words(said) == [], said


@pytest.mark.parametrize(
    "command",
    [
        ["check", "18", "12", "15", "20"],
        ["today"],
        ["done", "1"],
        ["undo", "1"],
        ["skip", "2"],
        ["history"],
        ["config", "set", "industry", "32"],
        ["config", "show"],
        ["config", "unset", "industry"],
        ["rules", "check"],
        ["chek"],
        ["import"],
        ["forget", "2026-01-01"],
        ["forget", "2026-01-01", "--yes"],
        ["paste", "absent.txt"],
        ["import", "absent.csv"],
        ["team", "absent.csv"],
        ["check", "18", "12", "15", "99"],
        ["config", "set", "minutes", "beaucoup"],
        ["history", "--days", "0"],
        ["review"],
        ["review", "--markdown"],
        ["review", "--week", "2026-W54"],
        ["review", "--week", "2026-W48", "--days", "7"],
        ["review", "--json", "--markdown"],
        ["status"],
        ["status", "--format", "{x}"],
        ["init", "tcsh"],
    ],
    ids=" ".join,
)
def test_every_command_speaks_french(cli: Cli, command: list[str]) -> None:
    cli("check", "18", "12", "15", "20", "--lang", "en")
    result = cli(*command, env=FRENCH)
    said = result.stdout + result.stderr
    assert english_words(said) == [], said


def test_team_speaks_french(cli: Cli, tmp_path: Path) -> None:
    table = tmp_path / "equipe.csv"
    table.write_text("nom,brand,people,insights,relationships\nAna,20,15,12,18\nLéo,10,11,9,8\n")
    result = cli("team", str(table), env=FRENCH)
    said = result.stdout + result.stderr
    assert (result.status, english_words(said)) == (0, []), said


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["check", "--help", "--lang", "fr"], {}),
        (["check", "--help"], {"SSI_COACH_LANG": "fr"}),
        (["--help"], {"SSI_COACH_LANG": "fr", "LANG": "en_US.UTF-8"}),
    ],
)
def test_help_follows_every_way_of_choosing_french(
    cli: Cli, args: list[str], env: dict[str, str]
) -> None:
    assert cli(*args, env=env).stdout.lstrip().startswith("Utilisation : ssi-coach")


def test_help_follows_the_configured_language(cli: Cli) -> None:
    cli("config", "set", "lang", "fr")
    assert cli("today", "--help").stdout.lstrip().startswith("Utilisation : ssi-coach today")
    assert (
        cli("today", "--help", "--lang", "en").stdout.lstrip().startswith("Usage: ssi-coach today")
    )


def test_english_help_stays_english_after_a_french_one(cli: Cli) -> None:
    cli("check", "--help", env=FRENCH)
    assert "Show this message and exit." in cli("check", "--help").stdout


def test_ctrl_c_in_the_checklist_is_a_cancel_said_once(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import questionary

    from ssi_coach.output.interactive import choose_done

    class Interrupted:
        def unsafe_ask(self) -> list[str]:
            raise KeyboardInterrupt

        def ask(self) -> list[str] | None:  # questionary's own: "Cancelled by user"
            print("Cancelled by user")
            return None

    monkeypatch.setattr(questionary, "checkbox", lambda *args, **kwargs: Interrupted())
    assert choose_done(SimpleNamespace(items=[]), "fr") is None  # type: ignore[arg-type]
    assert capsys.readouterr() == ("", "")


def test_the_console_script_helps_in_french(home: Path) -> None:
    env = {"SSI_COACH_HOME": str(home), "LANG": "fr_FR.UTF-8", "COLUMNS": "100"}
    for command in (["--help"], ["today", "--help"], ["config", "set", "--help"]):
        result = subprocess.run(
            [sys.executable, "-m", "ssi_coach", *command], capture_output=True, text=True, env=env
        )
        assert result.stdout.lstrip().startswith("Utilisation : ssi-coach"), result.stderr
        assert english_words(result.stdout) == [], result.stdout


def test_every_command_and_parameter_has_its_french_help() -> None:
    import typer

    from ssi_coach.cli import app
    from ssi_coach.output.help_fr import COMMANDS as FRENCH_COMMANDS
    from ssi_coach.output.help_fr import PARAMS

    missing = []

    def walk(command: Any, path: str) -> None:
        if path not in FRENCH_COMMANDS:
            missing.append(path)
        for param in command.params:
            if f"{path}:{param.name}" not in PARAMS and param.name not in PARAMS:
                missing.append(f"{path}:{param.name}")
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, f"{path} {name}".strip())

    walk(typer.main.get_command(app), "")
    assert missing == []


def test_an_end_of_input_is_said_in_french(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(**options: object) -> None:
        raise EOFError  # as a prompt gets at the end of stdin; Click makes it an Abort

    monkeypatch.setattr("ssi_coach.cli._settings", interrupted)
    result = cli("today", env=FRENCH)
    assert (result.status, result.stderr.strip()) == (1, "ssi-coach: interrompu, rien n'a changé")
    assert cli("today").stderr.strip() == "ssi-coach: aborted, nothing changed"


def test_a_bad_lang_option_leaves_the_help_in_the_users_language(cli: Cli) -> None:
    result = cli("import", "--help", "--lang", "de", env=FRENCH)
    assert result.stdout.lstrip().startswith("Utilisation : ssi-coach import")
    assert cli("import", "--lang", "de", env=FRENCH).stderr == (
        "ssi-coach: argument manquant : FICHIER\n"
    )
