"""A French user who never types --lang sees no English word but LinkedIn's own product
names, in any command's output, errors or help (issue 13)."""

import pytest

from conftest import Cli

FRENCH = {"LANG": "fr_FR.UTF-8"}


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["chek"], "commande inconnue : « chek » ; vouliez-vous dire « check » ?"),
        (["import"], "argument manquant : FILE"),
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
